import type { I18n } from '@adonisjs/i18n'
import db from '@adonisjs/lucid/services/db'
import { sqlDay } from '#core/dates'
import { sheet, write, type Book } from '#core/xlsx'
import type { ParkStatistics } from '#park/services/statistics_service'

const PERCENT = '0.0%'
const AREA = '#,##0.00'
const COUNT = '#,##0'

/** The register columns the roster shows, read as plain rows (no models: the roster can be long). */
export const ROSTER_COLUMNS = [
  'name',
  'uscc',
  'status',
  'enterprise_types',
  'business_modes',
  'headcount',
  'talent_bachelor_plus',
  'ip_patents',
  'move_in_date',
  'move_out_date',
] as const
export type RosterRow = Record<(typeof ROSTER_COLUMNS)[number], any>

/**
 * GET /park/statistics.xlsx: the statistics page as a workbook — a summary sheet, one sheet per
 * breakdown and the tenant roster, with real number formats (percent, area) and frozen headers.
 */
export function buildStatisticsWorkbook(stats: ParkStatistics, i18n: I18n) {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(key, data)
  return write(async (book) => {
    const summary = sheet(
      book,
      t('xlsx.summary'),
      [
        { header: t('xlsx.figure'), width: 34 },
        { header: t('xlsx.value'), width: 18 },
      ],
      []
    )
    const add = (label: string, value: number | string, format?: string) => {
      const row = summary.addRow([label, value])
      if (format) row.getCell(2).numFmt = format
      row.commit()
    }
    add(t('stats.as_of'), stats.asOf)
    add(t('stats.occupancy_area'), stats.occupancyByArea, PERCENT)
    add(t('stats.occupancy_units'), stats.occupancyByUnits, PERCENT)
    add(t('xlsx.total_area'), stats.totalArea, AREA)
    add(t('xlsx.leased_area'), stats.leasedArea, AREA)
    add(t('stats.units_col'), stats.units, COUNT)
    add(t('stats.leased_units_col'), stats.occupiedUnits, COUNT)
    add(t('stats.residents'), stats.residents, COUNT)
    add(t('xlsx.capacity'), t(stats.meetsCapacity ? 'xlsx.yes' : 'xlsx.no'))
    add(t('park.talent_bachelor_plus'), stats.talent.bachelorPlus, COUNT)
    add(t('park.talent_cbec_specialists'), stats.talent.cbecSpecialists, COUNT)
    add(t('park.ip_patents'), stats.ip.patents, COUNT)
    add(t('park.ip_trademarks'), stats.ip.trademarks, COUNT)
    add(t('park.ip_software_copyrights'), stats.ip.softwareCopyrights, COUNT)
    summary.commit()

    sheet(
      book,
      t('stats.by_building'),
      [
        { header: t('park.building'), width: 24 },
        { header: t('stats.units_col'), width: 10, format: COUNT },
        { header: t('stats.leased_units_col'), width: 12, format: COUNT },
        { header: t('stats.area_col'), width: 14, format: AREA },
        { header: t('stats.leased_area_col'), width: 16, format: AREA },
        { header: t('stats.occupancy_area'), width: 16, format: PERCENT },
        { header: t('stats.occupancy_units'), width: 16, format: PERCENT },
      ],
      stats.buildings.map((b) => [
        b.name,
        b.units,
        b.leasedUnits,
        b.area,
        b.leasedArea,
        b.byArea,
        b.byUnits,
      ])
    ).commit()
    sheet(
      book,
      t('stats.by_type'),
      [
        { header: t('park.enterprise_types'), width: 24 },
        { header: t('stats.enterprises'), width: 12, format: COUNT },
      ],
      stats.byType.map((x) => [t('park.enterprise.' + x.key), x.count])
    ).commit()
    sheet(
      book,
      t('stats.by_mode'),
      [
        { header: t('park.business_modes'), width: 24 },
        { header: t('stats.enterprises'), width: 12, format: COUNT },
      ],
      stats.byMode.map((x) => [t('park.modes.' + x.key), x.count])
    ).commit()
    sheet(
      book,
      t('xlsx.monthly'),
      [
        { header: t('xlsx.month'), width: 12 },
        { header: t('stats.move_ins'), width: 10, format: COUNT },
        { header: t('stats.move_outs'), width: 10, format: COUNT },
        { header: t('stats.occupancy_area'), width: 16, format: PERCENT },
      ],
      stats.flows.map((f) => [f.month, f.moveIns, f.moveOuts, f.occupancyByArea])
    ).commit()
    const roster = await db
      .from('tenants')
      .select(...ROSTER_COLUMNS)
      .orderBy('name')
      .orderBy('id')
    addRosterSheet(book, roster, i18n)
  })
}

/** The tenant roster as a sheet; used by the statistics workbook and the register's export. */
function addRosterSheet(book: Book, tenants: RosterRow[], i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  // Each label is translated once, not once per tenant.
  const label = new Map<string, string>()
  const translate = (key: string) => label.get(key) ?? label.set(key, t(key)).get(key)!
  const codes = (json: string | null) => JSON.parse(json || '[]') as string[]
  sheet(
    book,
    t('xlsx.roster'),
    [
      { header: t('fields.unitName'), width: 36 },
      { header: t('fields.uscc'), width: 22 },
      { header: t('fields.status'), width: 10 },
      { header: t('park.enterprise_types'), width: 30 },
      { header: t('park.business_modes'), width: 20 },
      { header: t('park.headcount'), width: 10, format: COUNT },
      { header: t('park.talent_bachelor_plus'), width: 14, format: COUNT },
      { header: t('park.ip_patents'), width: 10, format: COUNT },
      { header: t('park.move_in_date'), width: 12 },
      { header: t('park.move_out_date'), width: 12 },
    ],
    (function* () {
      for (const r of tenants) {
        yield [
          r.name,
          r.uscc,
          translate('park.tenant_statuses.' + r.status),
          codes(r.enterprise_types)
            .map((x) => translate('park.enterprise.' + x))
            .join('、'),
          codes(r.business_modes).join('、'),
          Number(r.headcount),
          Number(r.talent_bachelor_plus),
          Number(r.ip_patents),
          r.move_in_date ? sqlDay(r.move_in_date) : '',
          r.move_out_date ? sqlDay(r.move_out_date) : '',
        ]
      }
    })()
  ).commit()
}

/** Just the roster, for the register's "export" with its current filters. */
export function buildRosterWorkbook(tenants: RosterRow[], i18n: I18n) {
  return write((book) => addRosterSheet(book, tenants, i18n))
}
