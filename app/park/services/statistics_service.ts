import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_MODES, ENTERPRISE_TYPES } from '#park/spaces'

/** GB/T 39678 5.3.1: a park hosts at least 15 enterprises. */
export const MIN_RESIDENT_ENTERPRISES = 15

interface LeaseSpan {
  unitId: number
  start: string
  end: string
  terminatedOn: string | null
  status: string
}

const iso = (value: unknown) =>
  value instanceof Date
    ? DateTime.fromJSDate(value, { zone: 'utc' }).toISODate()!
    : String(value).slice(0, 10)

/** Whether a lease occupied its unit on `day` (ISO date): within its term and not yet ended early. */
function occupies(lease: LeaseSpan, day: string) {
  if (lease.status === 'draft') return false
  if (lease.start > day || lease.end < day) return false
  return !(lease.terminatedOn && lease.terminatedOn <= day)
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0)

/**
 * The park's statistics (GB/T 39678 5.5.4, T/CDAS 6.9): occupancy by area and by units, park-wide
 * and per building, resident enterprises against the 15-enterprise capacity, enterprise types and
 * business modes, talent and IP, monthly move-ins and move-outs and the 24-month occupancy trend.
 * Occupancy on any past day is computed from the lease history, not from today's unit status.
 */
export default class StatisticsService {
  async compute(asOf: DateTime) {
    const day = asOf.toISODate()!
    const units = (
      await db
        .from('units')
        .join('buildings', 'buildings.id', 'units.building_id')
        .select('units.id', 'units.area', 'buildings.code', 'buildings.name')
    ).map((u) => ({
      id: Number(u.id),
      area: Number(u.area),
      building: `${u.code} ${u.name}`,
    }))
    const leases: LeaseSpan[] = (
      await db
        .from('lease_units')
        .join('leases', 'leases.id', 'lease_units.lease_id')
        .select(
          'lease_units.unit_id',
          'leases.start_date',
          'leases.end_date',
          'leases.terminated_on',
          'leases.status'
        )
    ).map((r) => ({
      unitId: Number(r.unit_id),
      start: iso(r.start_date),
      end: iso(r.end_date),
      terminatedOn: r.terminated_on ? iso(r.terminated_on) : null,
      status: r.status,
    }))
    const tenants = (await db.from('tenants').select('*')).map((t) => ({
      moveIn: t.move_in_date ? iso(t.move_in_date) : null,
      moveOut: t.move_out_date ? iso(t.move_out_date) : null,
      types: JSON.parse(t.enterprise_types || '[]') as string[],
      modes: JSON.parse(t.business_modes || '[]') as string[],
      talentBachelorPlus: Number(t.talent_bachelor_plus),
      talentCbecSpecialists: Number(t.talent_cbec_specialists),
      ipPatents: Number(t.ip_patents),
      ipTrademarks: Number(t.ip_trademarks),
      ipSoftwareCopyrights: Number(t.ip_software_copyrights),
    }))

    const occupancyOn = (d: string) => {
      const occupied = new Set(leases.filter((l) => occupies(l, d)).map((l) => l.unitId))
      const leasedArea = units.filter((u) => occupied.has(u.id)).reduce((sum, u) => sum + u.area, 0)
      const totalArea = units.reduce((sum, u) => sum + u.area, 0)
      return {
        occupied,
        leasedArea,
        totalArea,
        byArea: ratio(leasedArea, totalArea),
        byUnits: ratio(occupied.size, units.length),
      }
    }
    const now = occupancyOn(day)

    const buildings = [...new Set(units.map((u) => u.building))].sort().map((name) => {
      const own = units.filter((u) => u.building === name)
      const leased = own.filter((u) => now.occupied.has(u.id))
      const area = own.reduce((s, u) => s + u.area, 0)
      const leasedArea = leased.reduce((s, u) => s + u.area, 0)
      return {
        name,
        units: own.length,
        leasedUnits: leased.length,
        area,
        leasedArea,
        byArea: ratio(leasedArea, area),
        byUnits: ratio(leased.length, own.length),
      }
    })

    const residents = tenants.filter(
      (t) => t.moveIn && t.moveIn <= day && (!t.moveOut || t.moveOut > day)
    )
    const months = Array.from({ length: 24 }, (_, i) =>
      asOf.startOf('month').minus({ months: 23 - i })
    )
    const monthKey = (d: string | null) => (d ? d.slice(0, 7) : null)
    const flows = months.map((m) => {
      const key = m.toFormat('yyyy-MM')
      const end = m.endOf('month') < asOf ? m.endOf('month').toISODate()! : day
      return {
        month: key,
        moveIns: tenants.filter((t) => monthKey(t.moveIn) === key).length,
        moveOuts: tenants.filter((t) => monthKey(t.moveOut) === key).length,
        occupancyByArea: occupancyOn(end).byArea,
      }
    })

    return {
      asOf: day,
      units: units.length,
      occupiedUnits: now.occupied.size,
      totalArea: now.totalArea,
      leasedArea: now.leasedArea,
      occupancyByArea: now.byArea,
      occupancyByUnits: now.byUnits,
      buildings,
      residents: residents.length,
      meetsCapacity: residents.length >= MIN_RESIDENT_ENTERPRISES,
      byType: ENTERPRISE_TYPES.map((type) => ({
        key: type,
        count: residents.filter((t) => t.types.includes(type)).length,
      })),
      byMode: BUSINESS_MODES.map((mode) => ({
        key: mode,
        count: residents.filter((t) => t.modes.includes(mode)).length,
      })),
      talent: {
        bachelorPlus: residents.reduce((s, t) => s + t.talentBachelorPlus, 0),
        cbecSpecialists: residents.reduce((s, t) => s + t.talentCbecSpecialists, 0),
      },
      ip: {
        patents: residents.reduce((s, t) => s + t.ipPatents, 0),
        trademarks: residents.reduce((s, t) => s + t.ipTrademarks, 0),
        softwareCopyrights: residents.reduce((s, t) => s + t.ipSoftwareCopyrights, 0),
      },
      flows,
    }
  }
}
