import { FIELD_SPECS } from '#single_window/specs/field_specs'
import type { FieldSpec } from '#single_window/specs/types'
import { FIELD_CODE_LISTS, inCodeList } from '#single_window/code_lists'
import { MESSAGE_TYPES, type MessageType } from '#single_window/message_types'
import type { CheckProblem } from '#single_window/checks/problem'

type Values = Record<string, string | null | undefined>

const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/
const INT = /^-?\d+$/
const SURROGATE = /[\uD800-\uDFFF]/
const DIGITS = /^\d+$/

/** Characters as XSD counts them (code points), without allocating for the usual BMP-only text. */
const charCount = (value: string) => (SURROGATE.test(value) ? [...value].length : value.length)

/** Fields filled by the builder, never by the user. */
const BUILDER_FIELDS = new Set(['guid'])

/** Time formats of the spec (SPEC §2: C8 YYYYMMDD, C14 YYYYMMDDhhmmss). */
const DATE_FIELDS = new Set(['declTime', 'ieDate'])
const TIME_FIELDS = new Set(['appTime', 'payTime'])

function validDate(value: string) {
  if (!/^\d{8}$/.test(value)) return false
  const y = Number(value.slice(0, 4))
  const m = Number(value.slice(4, 6))
  const d = Number(value.slice(6, 8))
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function validTime(value: string) {
  if (!/^\d{14}$/.test(value) || !validDate(value.slice(0, 8))) return false
  const h = Number(value.slice(8, 10))
  const mi = Number(value.slice(10, 12))
  const s = Number(value.slice(12, 14))
  return h < 24 && mi < 60 && s < 60
}

/**
 * Fixed values the XSD documentation prescribes (annotation text of the 2022-05 XSDs): report type
 * 1/2/3, business status 1/2, import/export flag, order type, ID type.
 */
function allowedValues(type: MessageType, name: string): string[] | null {
  const direction = MESSAGE_TYPES[type].direction
  switch (name) {
    case 'appType':
      return ['1', '2', '3']
    case 'appStatus':
      return ['1', '2']
    case 'ieFlag':
      return [direction === 'import' ? 'I' : 'E']
    case 'orderType':
      return direction === 'import' ? ['I'] : ['E', 'B', 'W']
    case 'buyerIdType':
    case 'payerIdType':
      return ['1', '2']
    case 'statisticsFlag':
      return ['A', 'B']
    case 'fFlag':
    case 'iFlag':
      return ['1', '2', '3']
    default:
      return null
  }
}

/** One field against its XSD facets, the fixed values and the code lists. Pure. */
export function checkField(
  type: MessageType,
  spec: FieldSpec,
  raw: string | null | undefined,
  out: CheckProblem[],
  line?: number
) {
  const value = raw ?? ''
  const field = spec.name
  if (value === '') {
    if (spec.required && !BUILDER_FIELDS.has(field)) {
      out.push({ field, line, key: 'check.required', level: 'error' })
    }
    return
  }
  if (spec.base === 'decimal') {
    const m = DECIMAL.exec(value)
    if (!m) {
      out.push({ field, line, key: 'check.decimal', level: 'error' })
      return
    }
    const intDigits = m[1].replace(/^0+(?=\d)/, '').length
    const fraction = m[2]?.length ?? 0
    if (spec.fractionDigits !== undefined && fraction > spec.fractionDigits) {
      out.push({
        field,
        line,
        key: 'check.fraction_digits',
        data: { max: spec.fractionDigits },
        level: 'error',
      })
    }
    if (spec.totalDigits !== undefined && intDigits + fraction > spec.totalDigits) {
      out.push({
        field,
        line,
        key: 'check.total_digits',
        data: { max: spec.totalDigits },
        level: 'error',
      })
    }
    if (value.startsWith('-')) out.push({ field, line, key: 'check.negative', level: 'error' })
    return
  }
  if (spec.base === 'int') {
    if (!INT.test(value) || Math.abs(Number(value)) > 2147483647) {
      out.push({ field, line, key: 'check.integer', level: 'error' })
      return
    }
    if (spec.totalDigits !== undefined && value.replace('-', '').length > spec.totalDigits) {
      out.push({
        field,
        line,
        key: 'check.total_digits',
        data: { max: spec.totalDigits },
        level: 'error',
      })
    }
    if (value.startsWith('-')) out.push({ field, line, key: 'check.negative', level: 'error' })
    return
  }
  const length = charCount(value)
  if (spec.length !== undefined && length !== spec.length) {
    out.push({ field, line, key: 'check.length', data: { length: spec.length }, level: 'error' })
  } else if (spec.maxLength !== undefined && length > spec.maxLength) {
    out.push({
      field,
      line,
      key: 'check.max_length',
      data: { max: spec.maxLength },
      level: 'error',
    })
  } else if (spec.minLength !== undefined && length < spec.minLength) {
    out.push({
      field,
      line,
      key: 'check.min_length',
      data: { min: spec.minLength },
      level: 'error',
    })
  }
  if (value.trim() !== value) {
    out.push({ field, line, key: 'check.whitespace', level: 'error' })
  }
  const allowed = allowedValues(type, field)
  if (allowed && !allowed.includes(value)) {
    out.push({
      field,
      line,
      key: 'check.one_of',
      data: { values: allowed.join(' / ') },
      level: 'error',
    })
  }
  if (DATE_FIELDS.has(field) && !validDate(value)) {
    out.push({ field, line, key: 'check.date', level: 'error' })
  }
  if (TIME_FIELDS.has(field) && !validTime(value)) {
    out.push({ field, line, key: 'check.time', level: 'error' })
  }
  if (field === 'gcode' && !DIGITS.test(value)) {
    out.push({ field, line, key: 'check.gcode', level: 'error' })
  }
  const list = FIELD_CODE_LISTS[field]
  if (list && !inCodeList(list, value)) {
    out.push({ field, line, key: 'check.code_list', data: { list, code: value }, level: 'error' })
  }
  // Import documents are declared in RMB only (XSD: "限定为人民币").
  if (field === 'currency' && MESSAGE_TYPES[type].direction === 'import' && value !== '142') {
    out.push({ field, line, key: 'check.currency_cny', level: 'error' })
  }
}

/** Every head and line field of one record against the XSD (types, lengths, required, digits). */
export function checkRecordFields(
  type: MessageType,
  head: Values,
  lines: Values[]
): CheckProblem[] {
  const spec = FIELD_SPECS[type]
  const out: CheckProblem[] = []
  for (const field of spec.head.fields) checkField(type, field, head[field.name], out)
  if (spec.list) {
    if (lines.length < spec.list.min) {
      out.push({ field: spec.list.element, key: 'check.lines_required', level: 'error' })
    }
    if (spec.list.max > 0 && lines.length > spec.list.max) {
      out.push({
        field: spec.list.element,
        key: 'check.lines_max',
        data: { max: spec.list.max },
        level: 'error',
      })
    }
    for (const [i, line] of lines.entries()) {
      for (const field of spec.list.fields) checkField(type, field, line[field.name], out, i + 1)
    }
  }
  return out
}

/** Head and line fields the XSD knows, for rejecting unknown columns and form fields. */
export function knownFields(type: MessageType) {
  const spec = FIELD_SPECS[type]
  return {
    head: new Set(spec.head.fields.map((f) => f.name)),
    list: new Set((spec.list?.fields ?? []).map((f) => f.name)),
  }
}
