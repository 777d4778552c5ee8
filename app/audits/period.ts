import { DateTime } from 'luxon'
import type { EvidencePeriod } from '#core/evidence'

export const ZONE = 'Asia/Shanghai'

/** A moment as the databases compare it: UTC, `yyyy-MM-dd HH:mm:ss`. */
export const sqlTime = (value: DateTime) => value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/**
 * The period's Shanghai days as UTC instants: `start` included, `end` (the day after the last
 * day, at midnight) excluded, for timestamp columns.
 */
export function periodBounds(period: EvidencePeriod) {
  const start = DateTime.fromISO(period.from, { zone: ZONE }).startOf('day')
  const end = DateTime.fromISO(period.to, { zone: ZONE }).startOf('day').plus({ days: 1 })
  return { start: sqlTime(start), end: sqlTime(end) }
}

/** The period of an audit row (dates as luxon values or ISO strings). */
export function auditPeriod(audit: { periodFrom: DateTime; periodTo: DateTime }): EvidencePeriod {
  return { from: audit.periodFrom.toISODate()!, to: audit.periodTo.toISODate()! }
}
