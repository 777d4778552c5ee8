import ExcelJS from 'exceljs'
import type { I18n } from '@adonisjs/i18n'
import Tenant from '#core/models/tenant'
import type StatisticsService from '#park/services/statistics_service'

type Stats = Awaited<ReturnType<StatisticsService['compute']>>

const PERCENT = '0.0%'
const AREA = '#,##0.00'
const COUNT = '#,##0'

/** One sheet: a bold, frozen header row, given widths and number formats per column. */
export function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<{ header: string; width: number; format?: string }>,
  rows: unknown[][]
) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.format ? { numFmt: c.format } : {},
  }))
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEFC' } }
  for (const row of rows) ws.addRow(row)
  return ws
}

/**
 * GET /park/statistics.xlsx: the statistics page as a workbook — a summary sheet, one sheet per
 * breakdown and the tenant roster, with real number formats (percent, area) and frozen headers.
 */
export async function buildStatisticsWorkbook(stats: Stats, i18n: I18n) {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(key, data)
  const book = new ExcelJS.Workbook()
  book.creator = 'ParkGate'
  book.created = new Date()

  sheet(
    book,
    t('xlsx.summary'),
    [
      { header: t('xlsx.figure'), width: 34 },
      { header: t('xlsx.value'), width: 18 },
    ],
    []
  )
  const summary = book.getWorksheet(t('xlsx.summary'))!
  const add = (label: string, value: number | string, format?: string) => {
    const row = summary.addRow([label, value])
    if (format) row.getCell(2).numFmt = format
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
  )
  sheet(
    book,
    t('stats.by_type'),
    [
      { header: t('park.enterprise_types'), width: 24 },
      { header: t('stats.enterprises'), width: 12, format: COUNT },
    ],
    stats.byType.map((x) => [t('park.enterprise.' + x.key), x.count])
  )
  sheet(
    book,
    t('stats.by_mode'),
    [
      { header: t('park.business_modes'), width: 24 },
      { header: t('stats.enterprises'), width: 12, format: COUNT },
    ],
    stats.byMode.map((x) => [t('park.modes.' + x.key), x.count])
  )
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
  )
  addRosterSheet(book, await Tenant.query().orderBy('name'), i18n)
  return book
}

/** The tenant roster as a sheet; used by the statistics workbook and the register's export. */
export function addRosterSheet(book: ExcelJS.Workbook, tenants: Tenant[], i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  return sheet(
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
    tenants.map((r) => [
      r.name,
      r.uscc,
      t('park.tenant_statuses.' + r.status),
      r.enterpriseTypeList.map((x) => t('park.enterprise.' + x)).join('、'),
      r.businessModeList.join('、'),
      r.headcount,
      r.talentBachelorPlus,
      r.ipPatents,
      r.moveInDate?.toISODate() ?? '',
      r.moveOutDate?.toISODate() ?? '',
    ])
  )
}

/** Just the roster, for the register's "export" with its current filters. */
export function buildRosterWorkbook(tenants: Tenant[], i18n: I18n) {
  const book = new ExcelJS.Workbook()
  book.creator = 'ParkGate'
  book.created = new Date()
  addRosterSheet(book, tenants, i18n)
  return book
}
