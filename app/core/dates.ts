import { DateTime } from 'luxon'

/** The park's time zone: times are stored in UTC and read in Shanghai. */
export const ZONE = 'Asia/Shanghai'

/**
 * The calendar day a form's date field held, as midnight in Shanghai. vine.date parses
 * `YYYY-MM-DD` in the process's local time, so the local parts are read back; never its
 * toISOString(), which can shift the day.
 */
export function calendarDay(value: Date) {
  return DateTime.fromObject(
    { year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() },
    { zone: ZONE }
  )
}

/** Midnight today in Shanghai. */
export function todayInShanghai() {
  return DateTime.now().setZone(ZONE).startOf('day')
}

/**
 * The Shanghai day a scheduled run is for: its `scheduledFor` moment (an ISO string, as the
 * queue passes it), or now when run by hand.
 */
export function runDay(scheduledFor?: string) {
  return scheduledFor
    ? DateTime.fromISO(scheduledFor).setZone(ZONE).startOf('day')
    : todayInShanghai()
}

/** A DATE column's value as `YYYY-MM-DD`: SQLite returns the string, mysql2 a Date at UTC midnight. */
export function sqlDay(value: unknown) {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)
}
