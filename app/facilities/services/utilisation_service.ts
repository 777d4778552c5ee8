import type { DateTime } from 'luxon'
import Facility from '#facilities/models/facility'
import Booking from '#facilities/models/booking'
import { ZONE } from '#core/dates'
import { CONFIRMED_STATUSES, hoursOn, toSqlUtc } from '#facilities/facilities'

export type Period = 'week' | 'month'

export interface UtilisationFilters {
  period: Period
  /** A day inside the last period shown; today by default. */
  until: DateTime
}

/** How many periods the report shows. */
const SPAN: Record<Period, number> = { week: 8, month: 6 }

/**
 * Booked hours (approved and checked-in bookings) against available hours (the facilities'
 * opening hours of the facilities open for booking), per facility and per tenant, by week or by month (Asia/Shanghai).
 */
export default class UtilisationService {
  async compute(filters: UtilisationFilters) {
    const unit = filters.period
    const lastStart = filters.until.setZone(ZONE).startOf(unit)
    const firstStart = lastStart.minus({ [`${unit}s`]: SPAN[unit] - 1 })
    const periods = Array.from({ length: SPAN[unit] }, (_, i) => {
      const start = firstStart.plus({ [`${unit}s`]: i })
      return {
        start,
        end: start.plus({ [`${unit}s`]: 1 }),
        label: unit === 'week' ? start.toISODate()! : start.toFormat('yyyy-MM'),
      }
    })
    const to = periods[periods.length - 1].end
    const bookings = await Booking.query()
      .whereIn('status', CONFIRMED_STATUSES)
      .where('starts_at', '>=', toSqlUtc(firstStart))
      .where('starts_at', '<', toSqlUtc(to))
      .preload('tenant')
    // Facilities not open for booking offer no bookable hours, unless they were booked before closing.
    const used = new Set(bookings.map((b) => b.facilityId))
    const facilities = (await Facility.query().orderBy('name')).filter(
      (f) => f.bookable || used.has(f.id)
    )
    const indexOf = (at: DateTime) => {
      const local = at.setZone(ZONE)
      return periods.findIndex((p) => local >= p.start && local < p.end)
    }

    const byFacility = facilities.map((facility) => {
      const available = periods.map((p) => {
        let minutes = 0
        for (let day = p.start; day < p.end; day = day.plus({ days: 1 })) {
          const h = hoursOn(facility.hours, day)
          if (h) minutes += h.close - h.open
        }
        return minutes / 60
      })
      const booked = periods.map(() => 0)
      for (const b of bookings) {
        if (b.facilityId !== facility.id) continue
        const i = indexOf(b.startsAt)
        if (i >= 0) booked[i] += b.minutes / 60
      }
      const rate = (i: number) => (available[i] ? booked[i] / available[i] : 0)
      const totalBooked = booked.reduce((a, b) => a + b, 0)
      const totalAvailable = available.reduce((a, b) => a + b, 0)
      return {
        id: facility.id,
        name: facility.name,
        booked,
        available,
        rates: periods.map((_, i) => rate(i)),
        totalBooked,
        totalAvailable,
        totalRate: totalAvailable ? totalBooked / totalAvailable : 0,
      }
    })

    const tenants = new Map<number, { id: number; name: string; booked: number[]; total: number }>()
    for (const b of bookings) {
      const i = indexOf(b.startsAt)
      if (i < 0) continue
      const row = tenants.get(b.tenantId) ?? {
        id: b.tenantId,
        name: b.tenant.name,
        booked: periods.map(() => 0),
        total: 0,
      }
      row.booked[i] += b.minutes / 60
      row.total += b.minutes / 60
      tenants.set(b.tenantId, row)
    }
    const totalAvailable = periods.map((_, i) =>
      byFacility.reduce((sum, f) => sum + f.available[i], 0)
    )
    const totalBooked = periods.map((_, i) => byFacility.reduce((sum, f) => sum + f.booked[i], 0))
    return {
      period: unit,
      until: filters.until.setZone(ZONE).toISODate()!,
      periods: periods.map((p) => p.label),
      facilities: byFacility,
      tenants: [...tenants.values()].sort((a, b) => b.total - a.total),
      totalAvailable,
      totalBooked,
      totalRates: periods.map((_, i) =>
        totalAvailable[i] ? totalBooked[i] / totalAvailable[i] : 0
      ),
    }
  }
}
