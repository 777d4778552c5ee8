import type { I18n } from '@adonisjs/i18n'
import { sheet, write } from '#core/xlsx'
import type UtilisationService from '#facilities/services/utilisation_service'

type Report = Awaited<ReturnType<UtilisationService['compute']>>

const HOURS = '#,##0.0'
const PERCENT = '0.0%'

/** GET /facility-utilisation.xlsx: one row per facility and period, and one per tenant. */
export function buildUtilisationWorkbook(report: Report, i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  const rows: unknown[][] = []
  for (const f of report.facilities) {
    report.periods.forEach((period, i) => {
      rows.push([f.name, period, f.booked[i], f.available[i], f.rates[i]])
    })
  }
  report.periods.forEach((period, i) => {
    rows.push([
      t('facilities.all_facilities'),
      period,
      report.totalBooked[i],
      report.totalAvailable[i],
      report.totalRates[i],
    ])
  })
  return write((book) => {
    sheet(
      book,
      t('facilities.by_facility'),
      [
        { header: t('facilities.facility'), width: 30 },
        { header: t(`facilities.period_${report.period}`), width: 14 },
        { header: t('facilities.booked_hours'), width: 14, format: HOURS },
        { header: t('facilities.available_hours'), width: 14, format: HOURS },
        { header: t('facilities.utilisation_rate'), width: 12, format: PERCENT },
      ],
      rows,
      { autoFilter: true }
    ).commit()
    sheet(
      book,
      t('facilities.by_tenant'),
      [
        { header: t('facilities.tenant'), width: 34 },
        ...report.periods.map((p) => ({ header: p, width: 12, format: HOURS })),
        { header: t('facilities.total'), width: 12, format: HOURS },
      ],
      report.tenants.map((row) => [row.name, ...row.booked, row.total])
    ).commit()
  })
}
