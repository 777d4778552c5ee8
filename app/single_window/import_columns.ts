import { FIELD_SPECS } from '#single_window/specs/field_specs'
import type { FieldSpec } from '#single_window/specs/types'
import type { MessageType } from '#single_window/message_types'

/** Row 1 of a template holds the labels, row 2 the field names (the keys), data from row 3. */
export const LABEL_ROW = 1
export const KEY_ROW = 2
export const FIRST_DATA_ROW = 3
/** Goods-line columns are prefixed, because head and lines share names (currency, country, note). */
export const LINE_PREFIX = 'list.'

export interface ImportColumn {
  key: string
  label: string
  required: boolean
  spec: FieldSpec | null
  line: boolean
}

/** Filled by the builder, never imported. */
const SKIPPED = new Set(['guid'])

const cache = new Map<MessageType, ImportColumn[]>()

/**
 * The columns of a message type's import template, generated from the field specs: the business
 * mode, every head field, then every goods-line field (one row per goods line; rows with the same
 * document number form one document).
 */
export function importColumns(type: MessageType): ImportColumn[] {
  const cached = cache.get(type)
  if (cached) return cached
  const spec = FIELD_SPECS[type]
  const columns: ImportColumn[] = [
    { key: 'businessMode', label: '业务模式', required: true, spec: null, line: false },
  ]
  for (const field of spec.head.fields) {
    if (SKIPPED.has(field.name)) continue
    columns.push({
      key: field.name,
      label: field.label,
      required: field.required,
      spec: field,
      line: false,
    })
  }
  for (const field of spec.list?.fields ?? []) {
    columns.push({
      key: `${LINE_PREFIX}${field.name}`,
      label: `商品-${field.label}`,
      required: field.required,
      spec: field,
      line: true,
    })
  }
  cache.set(type, columns)
  return columns
}

/** A document as import rows (one per goods line), in column order: for demo files and the benchmark. */
export function toImportRows(
  type: MessageType,
  doc: { businessMode: string; head: Record<string, string>; lines: Record<string, string>[] }
): string[][] {
  const columns = importColumns(type)
  const lines = doc.lines.length ? doc.lines : [{}]
  return lines.map((line) =>
    columns.map((c) =>
      c.key === 'businessMode'
        ? doc.businessMode
        : c.line
          ? ((line as Record<string, string>)[c.key.slice(LINE_PREFIX.length)] ?? '')
          : (doc.head[c.key] ?? '')
    )
  )
}

/** A complete CSV import file (both header lines) for documents of one type. */
export function toImportCsv(
  type: MessageType,
  docs: Array<{
    businessMode: string
    head: Record<string, string>
    lines: Record<string, string>[]
  }>
) {
  const columns = importColumns(type)
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  const out = [
    columns.map((c) => quote(c.required ? `${c.label}*` : c.label)).join(','),
    columns.map((c) => c.key).join(','),
  ]
  for (const doc of docs)
    for (const row of toImportRows(type, doc)) out.push(row.map(quote).join(','))
  return `\uFEFF${out.join('\r\n')}\r\n`
}
