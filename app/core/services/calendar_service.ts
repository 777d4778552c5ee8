import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { ZONE } from '#core/dates'

export { ZONE }

export type DayKind = 'day_off' | 'workday'

/** Office hours as minutes after midnight, from OFFICE_HOURS ("09:00-18:00" by default). */
export function officeHours(spec = env.get('OFFICE_HOURS', '09:00-18:00')) {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(spec)
  if (!match) throw new Error(`OFFICE_HOURS must look like 09:00-18:00, got "${spec}"`)
  const [, h1, m1, h2, m2] = match.map(Number)
  const open = h1 * 60 + m1
  const close = h2 * 60 + m2
  if (close <= open) throw new Error('OFFICE_HOURS must close after it opens')
  return { open, close }
}

/**
 * The working-day calendar. A working day is Monday to Friday unless declared a day off, or a
 * weekend day declared a make-up workday (State Council holiday notice; shared/standards/holidays-2026.md).
 * Every promised deadline in ParkGate is computed here.
 */
export default class CalendarService {
  constructor(
    private overrides: Map<string, DayKind> = new Map(),
    private hours = officeHours()
  ) {}

  /** Loads the operator-edited overrides once; the result answers many questions without queries. */
  static async load(hours = officeHours()) {
    const rows = await db.from('calendar_days').select('day', 'kind')
    return new CalendarService(new Map(rows.map((r) => [r.day, r.kind])), hours)
  }

  isWorkingDay(day: DateTime) {
    const key = day.setZone(ZONE).toISODate()!
    const override = this.overrides.get(key)
    if (override) return override === 'workday'
    return day.setZone(ZONE).weekday <= 5
  }

  /**
   * The end of office hours on the Nth working day after the day of `from`
   * ("within N working days" counts from the first working day after acceptance).
   */
  addWorkingDays(from: DateTime, n: number) {
    if (!Number.isInteger(n) || n < 0) throw new Error('n must be a whole number of days')
    let day = from.setZone(ZONE).startOf('day')
    let left = n
    while (left > 0) {
      day = day.plus({ days: 1 })
      if (this.isWorkingDay(day)) left--
    }
    return day.plus({ minutes: this.hours.close }).toUTC()
  }

  /** The moment N working hours after `from`, counting only office hours on working days. */
  addWorkingHours(from: DateTime, hours: number) {
    if (hours < 0) throw new Error('hours must not be negative')
    let left = Math.round(hours * 60)
    let cursor = from.setZone(ZONE)
    for (let guard = 0; guard < 3660; guard++) {
      const dayStart = cursor.startOf('day')
      const open = dayStart.plus({ minutes: this.hours.open })
      const close = dayStart.plus({ minutes: this.hours.close })
      if (this.isWorkingDay(cursor) && cursor < close) {
        const start = cursor < open ? open : cursor
        const available = close.diff(start, 'minutes').minutes
        if (left <= available) return start.plus({ minutes: left }).toUTC()
        left -= available
      }
      cursor = dayStart.plus({ days: 1 })
    }
    throw new Error('no working hours found within ten years')
  }
}
