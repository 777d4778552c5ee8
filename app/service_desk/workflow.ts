/**
 * The service request state machine, in one place (GB/T 39678 6 services delivered, 7.1 quality
 * control: every step recorded):
 *
 *   submitted ─assign→ assigned ─start→ in_progress ─complete→ completed ─confirm→ confirmed
 *                 ↑ assign (reassign)       ↑ note (no change)        ├─close→ closed
 *                                           └──────── reopen ─────────┘
 *
 * The first assignment is the response (promised in working hours); completion is promised in
 * working days. The tenant confirms and rates a completed request (1–5) or reopens it, which gives
 * it a fresh completion promise. Staff close a completed request the tenant left unanswered.
 */
export const REQUEST_STATUSES = [
  'submitted',
  'assigned',
  'in_progress',
  'completed',
  'confirmed',
  'closed',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const TRANSITIONS = {
  assign: { from: ['submitted', 'assigned'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  note: { from: ['assigned', 'in_progress'], to: null },
  complete: { from: ['in_progress'], to: 'completed' },
  confirm: { from: ['completed'], to: 'confirmed' },
  reopen: { from: ['completed'], to: 'in_progress' },
  close: { from: ['completed'], to: 'closed' },
} as const satisfies Record<string, { from: RequestStatus[]; to: RequestStatus | null }>
export type RequestAction = keyof typeof TRANSITIONS

/** Actions operators take on the request page; the tenant confirms or reopens. */
export const STAFF_ACTIONS = ['assign', 'start', 'note', 'complete', 'close'] as const
export const TENANT_ACTIONS = ['confirm', 'reopen'] as const

/** States in which the request is still owed to the tenant (the completion promise runs). */
export const OPEN_STATUSES: RequestStatus[] = ['submitted', 'assigned', 'in_progress']

export function canTransition(action: RequestAction, status: RequestStatus) {
  return (TRANSITIONS[action].from as readonly string[]).includes(status)
}
