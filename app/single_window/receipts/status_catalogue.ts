import type { I18n } from '@adonisjs/i18n'

/**
 * The receipt status codes (returnStatus) in plain words: the official meaning and the tenant's
 * next step, zh-CN and en in resources/lang/<locale>/sw_status.json. Codes from the 2022-05 XSD
 * annotations and spec PDF §3.2–3.16 and table 7-2 (SPEC.md §6.1, §6.2). A code nobody knows is
 * kept exactly as received and shown as unknown; negative codes are processing errors whose text
 * (returnInfo) is the explanation.
 */
export type StatusCategory =
  | 'draft'
  | 'eport'
  | 'sent'
  | 'send_failed'
  | 'rejected'
  | 'accepted'
  | 'review'
  | 'concluded'
  | 'inspection'
  | 'detained'
  | 'handed_over'
  | 'suspended'
  | 'returned'
  | 'released'
  | 'closed'
  | 'error'
  | 'unknown'

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

export interface StatusInfo {
  /** The code exactly as received. */
  code: string
  known: boolean
  category: StatusCategory
  tone: StatusTone
  /** No further receipt is expected for the declaration (rejected, closed, error …). */
  final: boolean
  /** i18n keys in the sw_status namespace. */
  labelKey: string
  meaningKey: string
  nextStepKey: string
}

interface Entry {
  category: StatusCategory
  tone: StatusTone
  final: boolean
  /** The entry's key in sw_status.json `codes`. */
  key: string
}

const entry = (key: string, category: StatusCategory, tone: StatusTone, final = false): Entry => ({
  key,
  category,
  tone,
  final,
})

/** The official codes, one by one (SPEC.md §6.1). */
const CODES: Record<string, Entry> = {
  '1': entry('1', 'draft', 'neutral'),
  '2': entry('2', 'eport', 'info'),
  '3': entry('3', 'sent', 'info'),
  '4': entry('4', 'send_failed', 'danger', true),
  '100': entry('100', 'rejected', 'danger', true),
  '120': entry('120', 'accepted', 'info'),
  '300': entry('300', 'review', 'warning'),
  '399': entry('399', 'concluded', 'success'),
  '500': entry('500', 'inspection', 'warning'),
  '501': entry('501', 'detained', 'danger'),
  '502': entry('502', 'detained', 'danger'),
  '503': entry('503', 'detained', 'danger'),
  '505': entry('505', 'handed_over', 'warning'),
  '599': entry('599', 'detained', 'danger'),
  '600': entry('600', 'suspended', 'warning'),
  '700': entry('700', 'returned', 'danger', true),
  '800': entry('800', 'released', 'success'),
  '899': entry('899', 'closed', 'success', true),
}

/** 501–599 without a code of their own: other detention (其它扣留). */
const DETAINED = entry('detained', 'detained', 'danger')
const ERROR = entry('negative', 'error', 'danger', true)
const UNKNOWN = entry('unknown', 'unknown', 'neutral')

/** Local states of a declaration before any receipt (SW-core's state machine). */
const LOCAL: Record<string, Entry> = {
  draft: entry('local_draft', 'draft', 'neutral'),
  checked: entry('local_checked', 'draft', 'neutral'),
  queued: entry('local_queued', 'sent', 'info'),
  written: entry('local_written', 'sent', 'info'),
}

function lookup(code: string): { entry: Entry; known: boolean } {
  const official = CODES[code]
  if (official) return { entry: official, known: true }
  const local = LOCAL[code]
  if (local) return { entry: local, known: true }
  if (/^-\d+$/.test(code)) return { entry: ERROR, known: true }
  const n = /^\d+$/.test(code) ? Number(code) : Number.NaN
  if (n >= 501 && n <= 599) return { entry: DETAINED, known: true }
  return { entry: UNKNOWN, known: false }
}

/** Everything known about a status code; unknown codes come back as they are, marked unknown. */
export function describeStatus(code: string | null | undefined): StatusInfo {
  const value = String(code ?? '').trim()
  const { entry: e, known } = lookup(value)
  return {
    code: value,
    known,
    category: e.category,
    tone: e.tone,
    final: e.final,
    labelKey: `sw_status.codes.${e.key}.label`,
    meaningKey: `sw_status.codes.${e.key}.meaning`,
    nextStepKey: `sw_status.codes.${e.key}.next`,
  }
}

/** The codes the catalogue has words for (for lists, filters and the lang-file test). */
export const CATALOGUE_KEYS = [
  ...new Set(
    [...Object.values(CODES), ...Object.values(LOCAL), DETAINED, ERROR, UNKNOWN].map((e) => e.key)
  ),
]

/** The status in the reader's words: label, official meaning and the next step. */
export function statusWords(
  i18n: I18n,
  code: string | null | undefined,
  returnInfo?: string | null
) {
  const info = describeStatus(code)
  const data = { code: info.code, info: returnInfo ?? '' }
  return {
    ...info,
    label: i18n.t(info.labelKey, data),
    meaning: i18n.t(info.meaningKey, data),
    nextStep: i18n.t(info.nextStepKey, data),
  }
}
