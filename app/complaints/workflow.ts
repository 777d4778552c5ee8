/**
 * The complaint state machine, in one place (GB/T 39678 7.3.2; SZDB/Z 304.1 6.9.3):
 *
 *   submitted ─accept→ accepted ─start→ in_progress ─resolve→ resolved ─close→ closed
 *       └─decline→ declined        ↑  └─await→ awaiting_complainant   │
 *                                  │        └─resume→ in_progress      │
 *                                  └──────────── reopen (once) ────────┘
 *
 * `awaiting_complainant` pauses the clock: on resume the deadline moves by the paused time.
 * A resolved case closes when the complainant confirms, when staff close it, or 7 days after
 * resolution without an answer. A dissatisfied complainant can reopen it once; it is escalated.
 */
export const COMPLAINT_STATUSES = [
  'submitted',
  'accepted',
  'declined',
  'in_progress',
  'awaiting_complainant',
  'resolved',
  'closed',
] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

export const TRANSITIONS = {
  accept: { from: ['submitted'], to: 'accepted' },
  decline: { from: ['submitted'], to: 'declined' },
  start: { from: ['accepted'], to: 'in_progress' },
  await: { from: ['in_progress'], to: 'awaiting_complainant' },
  resume: { from: ['awaiting_complainant'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
} as const satisfies Record<string, { from: ComplaintStatus[]; to: ComplaintStatus }>
export type ComplaintAction = keyof typeof TRANSITIONS

/** States in which the promised deadline is running (not paused, not finished). */
export const CLOCK_RUNNING: ComplaintStatus[] = ['submitted', 'accepted', 'in_progress']

/** Where a complaint came in (GB/T 39678 7.3.1: a published channel; staff record the others). */
export const CHANNELS = ['web', 'portal', 'phone', 'walk_in', 'email', 'letter'] as const
export type Channel = (typeof CHANNELS)[number]
/** Channels staff record by hand (a phone call, a visit, a letter …). */
export const STAFF_CHANNELS: Channel[] = ['phone', 'walk_in', 'email', 'letter']

/** Default commitment when a category names none (GB/T 39678 7.3.2: the promised time). */
export const DEFAULT_COMMITMENT_DAYS = 5
/** A resolved case with no answer from the complainant closes after this many days. */
export const AUTO_CLOSE_DAYS = 7
/** A complainant may reopen a resolved case this many times. */
export const MAX_REOPENS = 1
/** Share of the allowed time after which the department is reminded. */
export const REMINDER_SHARE = 0.75

export function canTransition(action: ComplaintAction, status: ComplaintStatus) {
  return (TRANSITIONS[action].from as readonly string[]).includes(status)
}
