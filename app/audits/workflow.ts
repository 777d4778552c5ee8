/**
 * The audit state machine and the vocabularies of the evidence workspace, in one place
 * (GB/T 39678-2020 §8 verification methods):
 *
 *   planning ─start→ fieldwork ─review→ review ─issue→ issued (locked: nothing changes any more)
 *                       ↑─────── reopen ──────┘
 *
 * Operators prepare evidence in planning and fieldwork; evaluators record observations, samples and
 * verdicts in fieldwork and review; issuing needs a verdict on every clause and freezes a snapshot.
 */
export const AUDIT_STATES = ['planning', 'fieldwork', 'review', 'issued'] as const
export type AuditState = (typeof AUDIT_STATES)[number]

export const AUDIT_TRANSITIONS = {
  start: { from: ['planning'], to: 'fieldwork' },
  review: { from: ['fieldwork'], to: 'review' },
  reopen: { from: ['review'], to: 'fieldwork' },
  issue: { from: ['review'], to: 'issued' },
} as const satisfies Record<string, { from: AuditState[]; to: AuditState }>
export type AuditAction = keyof typeof AUDIT_TRANSITIONS

export function canTransition(action: AuditAction, state: AuditState) {
  return (AUDIT_TRANSITIONS[action].from as readonly string[]).includes(state)
}

/** States in which operators may still add or change evidence. */
export const EVIDENCE_STATES: AuditState[] = ['planning', 'fieldwork']
/** States in which evaluators record observations, samples, verdicts and findings. */
export const EVALUATION_STATES: AuditState[] = ['fieldwork', 'review']

/**
 * GB/T 39678 §8 verification methods: 归档 (archived records), 现场查看 (on-site check),
 * 向产业园企业确认 (confirmation with tenants), 过程验证 (process verification), 考核/评价
 * (assessment results).
 */
export const METHODS = ['records', 'onsite', 'confirmation', 'process', 'assessment'] as const
export type Method = (typeof METHODS)[number]

export const OBLIGATIONS = ['shall', 'should'] as const
export type Obligation = (typeof OBLIGATIONS)[number]

export const VERDICTS = ['conforming', 'minor', 'major', 'not_applicable', 'not_assessed'] as const
export type Verdict = (typeof VERDICTS)[number]
/** Verdicts that open a finding. */
export const NONCONFORMITIES: Verdict[] = ['minor', 'major']

export const EVIDENCE_STATUSES = ['complete', 'partial', 'missing', 'expired'] as const
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number]

export const AUDIENCES = ['all', 'sample'] as const
export type Audience = (typeof AUDIENCES)[number]

export const ANSWERS = ['yes', 'no'] as const
export type Answer = (typeof ANSWERS)[number]

export const SAMPLE_RESULTS = ['pass', 'fail'] as const
export type SampleResult = (typeof SAMPLE_RESULTS)[number]

export const FINDING_STATES = ['open', 'closed'] as const
export type FindingState = (typeof FINDING_STATES)[number]
