import type { I18n } from '@adonisjs/i18n'
import type Lease from '#park/models/lease'
import { sheet, write } from '#core/xlsx'

const MONEY = '"¥"#,##0.00'
const AREA = '#,##0.00'

/** The lease list with its current filters, as a workbook (GET /park/leases.xlsx). */
export function buildLeaseWorkbook(leases: Lease[], i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  return write((book) =>
    sheet(
      book,
      t('park.leases_title'),
      [
        { header: t('park.lease_number'), width: 18 },
        { header: t('park.tenant'), width: 34 },
        { header: t('fields.uscc'), width: 22 },
        { header: t('park.units'), width: 24 },
        { header: t('leases.area'), width: 12, format: AREA },
        { header: t('park.start_date'), width: 12 },
        { header: t('park.end_date'), width: 12 },
        { header: t('park.monthly_rent'), width: 14, format: MONEY },
        { header: t('park.deposit'), width: 14, format: MONEY },
        { header: t('fields.status'), width: 10 },
        { header: t('leases.renewed_from'), width: 18 },
      ],
      leases.map((lease) => [
        lease.number,
        lease.tenant.name,
        lease.tenant.uscc,
        lease.units.map((u) => u.number).join(', '),
        lease.units.reduce((sum, u) => sum + u.area, 0),
        lease.startDate.toISODate(),
        lease.endDate.toISODate(),
        lease.monthlyRentFen / 100,
        lease.depositFen / 100,
        t('park.lease_statuses.' + lease.status),
        lease.renewedFrom?.number ?? '',
      ]),
      { autoFilter: true }
    ).commit()
  )
}
