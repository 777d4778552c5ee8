import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_MODES, ENTERPRISE_TYPES } from '#park/spaces'
import { dataVersion } from '#core/services/data_version'
import { sqlDay } from '#core/dates'

/** GB/T 39678 5.3.1: a park hosts at least 15 enterprises. */
export const MIN_RESIDENT_ENTERPRISES = 15

/** Areas are DECIMAL(12,2): summed in hundredths of a square metre, so sums are exact. */
const cents = (value: unknown) => Math.round(Number(value) * 100)

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

export type ParkStatistics = Readonly<Awaited<ReturnType<StatisticsService['calculate']>>>

/** Freezes the figures and everything in them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Days memoised at most (the oldest is dropped first). */
const MEMO_DAYS = 64
const memo = { version: null as string | null, byDay: new Map<string, Promise<ParkStatistics>>() }

/** Index of the first of the sorted `days` on or after `day` (days.length when none is). */
function firstOnOrAfter(days: string[], day: string) {
  let lo = 0
  let hi = days.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (days[mid] < day) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The park's statistics (GB/T 39678 5.5.4, T/CDAS 6.9): occupancy by area and by units, park-wide
 * and per building, resident enterprises against the 15-enterprise capacity, enterprise types and
 * business modes, talent and IP, monthly move-ins and move-outs and the 24-month occupancy trend.
 * Occupancy on any past day is computed from the lease history, not from today's unit status: a
 * unit is occupied on a day when a lease that is not a draft covers it from its start to its end
 * day and was not ended early (terminated_on) on or before that day.
 *
 * One pass for all 24 days of the trend: only the leases that touch the trend's window are read
 * (plain rows, indexed on their dates), each becomes a bit mask of the trend days it covers, and a
 * unit's masks are OR-ed, so a unit counts once a day however many leases cover it. Counts and
 * sums over units and tenants are aggregated in SQL.
 *
 * Figures are memoised per day against the database's data version (see dataVersion): any write
 * anywhere recomputes them, and where no version can be had (MySQL, a transaction) they are
 * always computed afresh.
 */
export default class StatisticsService {
  async compute(asOf: DateTime): Promise<ParkStatistics> {
    const version = await dataVersion()
    if (version === null) return deepFreeze(await this.calculate(asOf))
    if (memo.version !== version) {
      memo.version = version
      memo.byDay.clear()
    }
    const day = asOf.toISODate()!
    let figures = memo.byDay.get(day)
    if (!figures) {
      // Frozen, so no caller can change the figures the next one is served.
      figures = this.calculate(asOf).then(deepFreeze)
      memo.byDay.set(day, figures)
      figures.catch(() => memo.byDay.delete(day))
      if (memo.byDay.size > MEMO_DAYS) memo.byDay.delete(memo.byDay.keys().next().value!)
    }
    return figures
  }

  private async calculate(asOf: DateTime) {
    const day = asOf.toISODate()!
    const months = Array.from({ length: 24 }, (_, i) =>
      asOf.startOf('month').minus({ months: 23 - i })
    )
    // The trend's days, ascending: each month's last day, and the chosen day for its own month.
    const trendDays = months.map((m) =>
      m.endOf('month') < asOf ? m.endOf('month').toISODate()! : day
    )
    const firstMonth = months[0].toISODate()!
    const lastMonthEnd = months[23].endOf('month').toISODate()!

    const [buildingRows, leaseRows, residentRows, moveIns, moveOuts] = await Promise.all([
      db
        .from('units')
        .join('buildings', 'buildings.id', 'units.building_id')
        .groupBy('buildings.id', 'buildings.code', 'buildings.name')
        .select('buildings.id', 'buildings.code', 'buildings.name')
        .count('* as units')
        .sum('units.area as area'),
      db
        .from('leases')
        .join('lease_units', 'lease_units.lease_id', 'leases.id')
        .join('units', 'units.id', 'lease_units.unit_id')
        .whereNot('leases.status', 'draft')
        .where('leases.start_date', '<=', day)
        .where('leases.end_date', '>=', trendDays[0])
        .where((q) =>
          q.whereNull('leases.terminated_on').orWhere('leases.terminated_on', '>', trendDays[0])
        )
        .select(
          'lease_units.unit_id',
          'units.building_id',
          'units.area',
          'leases.start_date',
          'leases.end_date',
          'leases.terminated_on'
        ),
      db
        .from('tenants')
        .where('move_in_date', '<=', day)
        .where((q) => q.whereNull('move_out_date').orWhere('move_out_date', '>', day))
        .groupBy('enterprise_types', 'business_modes')
        .select('enterprise_types', 'business_modes')
        .count('* as tenants')
        .sum('talent_bachelor_plus as talent_bachelor_plus')
        .sum('talent_cbec_specialists as talent_cbec_specialists')
        .sum('ip_patents as ip_patents')
        .sum('ip_trademarks as ip_trademarks')
        .sum('ip_software_copyrights as ip_software_copyrights'),
      this.perDay('move_in_date', firstMonth, lastMonthEnd),
      this.perDay('move_out_date', firstMonth, lastMonthEnd),
    ])

    // Which trend days each unit is occupied on, as a bit mask (bit i: trendDays[i]).
    const occupiedOn = new Map<number, { mask: number; buildingId: number; area: number }>()
    for (const row of leaseRows) {
      const start = sqlDay(row.start_date)
      const end = sqlDay(row.end_date)
      const stop = row.terminated_on ? sqlDay(row.terminated_on) : null
      const from = firstOnOrAfter(trendDays, start)
      // Last covered day: the end day, or the day before the lease was ended early.
      let to = firstOnOrAfter(trendDays, end)
      if (to < trendDays.length && trendDays[to] === end) to++
      if (stop !== null) to = Math.min(to, firstOnOrAfter(trendDays, stop))
      if (from >= to) continue
      const mask = ((1 << to) - 1) & ~((1 << from) - 1)
      const unitId = Number(row.unit_id)
      const unit = occupiedOn.get(unitId)
      if (unit) unit.mask |= mask
      else
        occupiedOn.set(unitId, { mask, buildingId: Number(row.building_id), area: cents(row.area) })
    }
    const leasedCents = trendDays.map(() => 0)
    const leasedInBuilding = new Map<number, { units: number; cents: number }>()
    const now = 1 << 23
    for (const unit of occupiedOn.values()) {
      for (let i = 0; i < 24; i++) if (unit.mask & (1 << i)) leasedCents[i] += unit.area
      if (unit.mask & now) {
        const building = leasedInBuilding.get(unit.buildingId) ?? { units: 0, cents: 0 }
        building.units++
        building.cents += unit.area
        leasedInBuilding.set(unit.buildingId, building)
      }
    }

    let unitCount = 0
    let totalCents = 0
    const buildings = buildingRows
      .map((b) => {
        const units = Number(b.units)
        const area = cents(b.area)
        const leased = leasedInBuilding.get(Number(b.id)) ?? { units: 0, cents: 0 }
        unitCount += units
        totalCents += area
        return {
          name: `${b.code} ${b.name}`,
          units,
          leasedUnits: leased.units,
          area: area / 100,
          leasedArea: leased.cents / 100,
          byArea: ratio(leased.cents, area),
          byUnits: ratio(leased.units, units),
        }
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    const occupiedUnits = [...occupiedOn.values()].filter((u) => u.mask & now).length

    let residents = 0
    const byType = new Map<string, number>(ENTERPRISE_TYPES.map((t) => [t, 0]))
    const byMode = new Map<string, number>(BUSINESS_MODES.map((m) => [m, 0]))
    const talent = { bachelorPlus: 0, cbecSpecialists: 0 }
    const ip = { patents: 0, trademarks: 0, softwareCopyrights: 0 }
    for (const row of residentRows) {
      const count = Number(row.tenants)
      residents += count
      for (const type of new Set(JSON.parse(row.enterprise_types || '[]') as string[]))
        if (byType.has(type)) byType.set(type, byType.get(type)! + count)
      for (const mode of new Set(JSON.parse(row.business_modes || '[]') as string[]))
        if (byMode.has(mode)) byMode.set(mode, byMode.get(mode)! + count)
      talent.bachelorPlus += Number(row.talent_bachelor_plus)
      talent.cbecSpecialists += Number(row.talent_cbec_specialists)
      ip.patents += Number(row.ip_patents)
      ip.trademarks += Number(row.ip_trademarks)
      ip.softwareCopyrights += Number(row.ip_software_copyrights)
    }

    const flows = months.map((m, i) => {
      const key = m.toFormat('yyyy-MM')
      return {
        month: key,
        moveIns: moveIns.get(key) ?? 0,
        moveOuts: moveOuts.get(key) ?? 0,
        occupancyByArea: ratio(leasedCents[i], totalCents),
      }
    })

    return {
      asOf: day,
      units: unitCount,
      occupiedUnits,
      totalArea: totalCents / 100,
      leasedArea: leasedCents[23] / 100,
      occupancyByArea: ratio(leasedCents[23], totalCents),
      occupancyByUnits: ratio(occupiedUnits, unitCount),
      buildings,
      residents,
      meetsCapacity: residents >= MIN_RESIDENT_ENTERPRISES,
      byType: [...byType].map(([key, count]) => ({ key, count })),
      byMode: [...byMode].map(([key, count]) => ({ key, count })),
      talent,
      ip,
      flows,
    }
  }

  /** How many tenants have `column` (a DATE) in each month from `from` to `to`, keyed yyyy-MM. */
  private async perDay(column: 'move_in_date' | 'move_out_date', from: string, to: string) {
    const rows = await db
      .from('tenants')
      .whereBetween(column, [from, to])
      .groupBy(column)
      .select(column)
      .count('* as tenants')
    const months = new Map<string, number>()
    for (const row of rows) {
      const key = sqlDay(row[column]).slice(0, 7)
      months.set(key, (months.get(key) ?? 0) + Number(row.tenants))
    }
    return months
  }
}
