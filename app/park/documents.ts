import { DateTime } from 'luxon'
import { ZONE } from '#core/dates'

/**
 * Kinds of a tenant's documents: 营业执照, 海关报关单位备案 (customs registration), 对外贸易经营者备案
 * (import/export operator record) and anything else the park asks for.
 */
export const DOCUMENT_KINDS = [
  'business_licence',
  'customs_registration',
  'import_export_operator_record',
  'other',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** A document's state on a given day, derived from its expiry date (never stored). */
export const DOCUMENT_STATUSES = ['expired', 'expiring', 'valid', 'no_expiry'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

/** Reminders go out this many days before a document expires; the lists call it "expiring". */
export const REMINDER_DAYS = 30

/** Badge tone of each status: expired red, expiring amber. */
export const STATUS_TONES: Record<DocumentStatus, string> = {
  expired: 'danger',
  expiring: 'warning',
  valid: 'success',
  no_expiry: 'neutral',
}

/**
 * Days from `today` (a Shanghai calendar day) to the last valid day; negative once expired.
 * Both sides are read as calendar days, so the answer never depends on the process's time zone.
 */
export function daysUntil(expiresOn: DateTime, today: DateTime) {
  const last = DateTime.fromISO(expiresOn.toISODate()!, { zone: ZONE })
  const start = DateTime.fromISO(today.toISODate()!, { zone: ZONE })
  return Math.round(last.diff(start, 'days').days)
}

/** The document is valid through its `expiresOn` day and expired from the day after. */
export function documentStatus(expiresOn: DateTime | null, today: DateTime): DocumentStatus {
  if (!expiresOn) return 'no_expiry'
  const days = daysUntil(expiresOn, today)
  if (days < 0) return 'expired'
  return days <= REMINDER_DAYS ? 'expiring' : 'valid'
}
