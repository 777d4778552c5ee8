import { type DateTime } from 'luxon'
import { periodInstants, type EvidencePeriod } from '#core/evidence'

export const ZONE = 'Asia/Shanghai'

/** A moment as the databases compare it: UTC, `yyyy-MM-dd HH:mm:ss`. */
export const sqlTime = (value: DateTime) => value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/** The period's Shanghai days as UTC instants (start included, end excluded). */
export const periodBounds = (period: EvidencePeriod) => periodInstants(period)

/** The period of an audit row (dates as luxon values or ISO strings). */
export function auditPeriod(audit: { periodFrom: DateTime; periodTo: DateTime }): EvidencePeriod {
  return { from: audit.periodFrom.toISODate()!, to: audit.periodTo.toISODate()! }
}
