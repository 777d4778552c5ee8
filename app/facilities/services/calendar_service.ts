import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ZONE } from '#core/dates'
import type Facility from '#facilities/models/facility'
import { SLOT_MINUTES, hoursOn, sqlUtcMillis, timeOf, toSqlUtc } from '#facilities/facilities'

/** Who looks at the calendar: their own bookings are theirs; names of others only for operators. */
export interface Viewer {
  tenantId: number | null
  seesNames: boolean
  canBook: boolean
}

export type CellState = 'closed' | 'past' | 'free' | 'blocked' | 'booked' | 'mine'

export interface Cell {
  state: CellState
  /** The start, `yyyy-MM-ddTHH:mm` in Shanghai (the booking form's `start`). */
  start: string
  bookingId?: number
  number?: string
  status?: string
  tenant?: string
  reason?: string
}

/**
 * The week (or day) grid of one facility, built on the server: one row per 30-minute slot
 * between the earliest opening and the latest closing of the days shown.
 */
export default class CalendarService {
  constructor(private clock: () => DateTime = () => DateTime.utc()) {}

  async grid(facility: Facility, days: DateTime[], viewer: Viewer) {
    const first = days[0].setZone(ZONE).startOf('day')
    const last = days[days.length - 1].setZone(ZONE).startOf('day').plus({ days: 1 })
    const held = await db
      .from('booking_slots')
      .leftJoin('bookings', 'bookings.id', 'booking_slots.booking_id')
      .leftJoin('tenants', 'tenants.id', 'bookings.tenant_id')
      .leftJoin('facility_blocks', 'facility_blocks.id', 'booking_slots.block_id')
      .where('booking_slots.facility_id', facility.id)
      .where('booking_slots.slot_start', '>=', toSqlUtc(first))
      .where('booking_slots.slot_start', '<', toSqlUtc(last))
      .select(
        'booking_slots.slot_start',
        'booking_slots.block_id',
        'bookings.id as booking_id',
        'bookings.number',
        'bookings.status',
        'bookings.tenant_id',
        'tenants.name as tenant_name',
        'facility_blocks.reason'
      )
    // Keyed by the slot's instant: the rows' UTC text is read without luxon (a named zone costs
    // an Intl call per conversion, and a week has hundreds of cells).
    const bySlot = new Map(held.map((row) => [sqlUtcMillis(row.slot_start), row]))
    const hours = days.map((day) => hoursOn(facility.hours, day))
    const open = Math.min(...hours.map((h) => h?.open ?? 24 * 60))
    const close = Math.max(...hours.map((h) => h?.close ?? 0))
    const now = this.clock()
    // Each day's midnight once; a cell's start is that instant plus its minutes, as luxon's
    // plus() counts them. On a day without an offset change the wall time is the date and
    // the minutes; on a DST day luxon formats it.
    const midnights = days.map((day) => {
      const midnight = day.setZone(ZONE).startOf('day')
      return {
        midnight,
        millis: midnight.toMillis(),
        date: midnight.toISODate()!,
        steady: midnight.offset === midnight.endOf('day').offset,
      }
    })
    const nowMillis = now.toMillis()
    const today = now.setZone(ZONE).toISODate()
    const rows: Array<{ time: string; cells: Cell[] }> = []
    for (let minute = open; minute < close; minute += SLOT_MINUTES) {
      const cells = days.map((_, i): Cell => {
        const day = midnights[i]
        const at = day.millis + minute * 60_000
        const start = day.steady
          ? `${day.date}T${timeOf(minute)}`
          : day.midnight.plus({ minutes: minute }).toFormat("yyyy-MM-dd'T'HH:mm")
        const h = hours[i]
        const row = bySlot.get(at)
        if (row?.block_id) return { state: 'blocked', start, reason: row.reason }
        if (row) {
          const mine = viewer.tenantId !== null && Number(row.tenant_id) === viewer.tenantId
          if (mine || viewer.seesNames) {
            return {
              state: mine ? 'mine' : 'booked',
              start,
              bookingId: Number(row.booking_id),
              number: row.number,
              status: row.status,
              tenant: viewer.seesNames ? row.tenant_name : undefined,
            }
          }
          return { state: 'booked', start }
        }
        if (!h || minute < h.open || minute >= h.close) return { state: 'closed', start }
        if (at <= nowMillis) return { state: 'past', start }
        return { state: 'free', start }
      })
      rows.push({ time: timeOf(minute), cells })
    }
    return {
      days: days.map((day, i) => ({
        date: day.toISODate()!,
        weekday: day.weekday,
        hours: hours[i] ? `${timeOf(hours[i]!.open)}–${timeOf(hours[i]!.close)}` : null,
        isToday: midnights[i].date === today,
      })),
      rows,
    }
  }
}
