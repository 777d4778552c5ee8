import { DateTime } from 'luxon'
import { ZONE } from '#core/dates'

/** Facility types the park lends out (GB/T 39678 5.4, 6.5.1, 6.10, 5.6.3.2). */
export const FACILITY_TYPES = [
  'meeting_room',
  'training_room',
  'product_display_area',
  'bonded_warehouse',
  'general_warehouse',
  'loading_dock',
  'first_aid_room',
  'live_streaming_room',
  'other',
] as const
export type FacilityType = (typeof FACILITY_TYPES)[number]

/** Weekdays in luxon's order (1 = Monday … 7 = Sunday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export type OpeningHours = Record<Weekday, { open: string; close: string } | null>

/**
 * A booking's life (the one state machine, run by BookingService):
 * pending → approved | rejected | cancelled (by the tenant, an operator, or lapsing undecided at
 * its start);  approved → checked_in | cancelled | no_show.
 * Pending, approved and checked-in bookings hold their slots; the others have released them.
 */
export const BOOKING_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
  'checked_in',
  'no_show',
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]
export const HOLDING_STATUSES: BookingStatus[] = ['pending', 'approved', 'checked_in']
/** Bookings that count as used time in the utilisation report. */
export const CONFIRMED_STATUSES: BookingStatus[] = ['approved', 'checked_in']

/** Every booking and block is made of 30-minute slots starting on the hour or half hour. */
export const SLOT_MINUTES = 30
/** A booking not checked in this many minutes after its start is released as a no-show. */
export const NO_SHOW_MINUTES = 15
/** The longest weekly series a tenant may request at once. */
export const MAX_SERIES_WEEKS = 12

/** `HH:mm` → minutes after midnight; '24:00' is the end of the day. */
export function minutesOf(time: string) {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + m
}

/** Minutes after midnight → `HH:mm`. */
export function timeOf(minutes: number) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** A facility's hours on a Shanghai day, as minutes after midnight, or null when closed. */
export function hoursOn(hours: OpeningHours, day: DateTime) {
  const entry = hours[WEEKDAYS[day.setZone(ZONE).weekday - 1]]
  if (!entry) return null
  return { open: minutesOf(entry.open), close: minutesOf(entry.close) }
}

/** The UTC text a DATETIME column holds; range comparisons use it on SQLite and MySQL alike. */
export function toSqlUtc(value: DateTime) {
  return value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

/** Reads a DATETIME column back as the UTC instant it holds (a string on SQLite, a Date on MySQL). */
export function fromSqlUtc(value: unknown): DateTime | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' })
  if (typeof value === 'number') return DateTime.fromMillis(value, { zone: 'utc' })
  return DateTime.fromSQL(String(value), { zone: 'utc' })
}

/** The instant a DATETIME column holds, in epoch milliseconds, without luxon (for many rows). */
export function sqlUtcMillis(value: unknown): number {
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'number') return value
  return Date.parse(`${String(value).replace(' ', 'T')}Z`)
}

/** Column options for a UTC DATETIME, independent of the process's time zone. */
export const utcDateTime = {
  prepare: (value: DateTime | null) => (value ? toSqlUtc(value) : value),
  consume: (value: unknown) => fromSqlUtc(value),
}

/** The slot starts (UTC) that cover [start, end). */
export function slotStarts(start: DateTime, end: DateTime) {
  const slots: DateTime[] = []
  for (let t = start.toUTC(); t < end; t = t.plus({ minutes: SLOT_MINUTES })) slots.push(t)
  return slots
}

/** Monday 00:00 (Shanghai) of the week holding the day. */
export function weekStart(day: DateTime) {
  return day.setZone(ZONE).startOf('week')
}
