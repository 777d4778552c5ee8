import { Readable } from 'node:stream'

/** One exported row: an array of cells, or an object whose keys give the header. */
export type CsvRow = readonly unknown[] | Record<string, unknown>

/** A cell as RFC 4180 text: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text: string
  if (value instanceof Date) text = value.toISOString()
  else if (typeof value === 'object' && 'toISO' in value && typeof value.toISO === 'function') {
    text = String(value.toISO())
  } else if (typeof value === 'object') text = JSON.stringify(value)
  else text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV line (CRLF, as RFC 4180 and Excel expect). */
export function csvLine(cells: readonly unknown[]) {
  return cells.map(csvCell).join(',') + '\r\n'
}

/**
 * CSV text of rows that arrive one by one (a provider's cursor), as a readable stream that
 * pulls the next rows only when the reader wants more: memory holds one batch, never the table.
 * A UTF-8 byte-order mark goes first so Excel opens the Chinese text correctly. With object rows
 * and no header given, the first row's keys are the header.
 */
export function csvStream(
  rows: AsyncIterable<CsvRow> | Iterable<CsvRow>,
  header?: readonly string[]
): Readable {
  async function* lines() {
    yield '\uFEFF'
    let keys: string[] | null = null
    let headerWritten = false
    if (header) {
      yield csvLine(header)
      headerWritten = true
    }
    let batch = ''
    for await (const row of rows) {
      if (Array.isArray(row)) {
        batch += csvLine(row)
      } else {
        const record = row as Record<string, unknown>
        if (keys === null) keys = header ? [...header] : Object.keys(record)
        if (!headerWritten) {
          batch += csvLine(keys)
          headerWritten = true
        }
        batch += csvLine(keys.map((k) => record[k]))
      }
      // Lines go out in ~64 KB pieces: one chunk per row would cost more than the rows.
      if (batch.length >= 65536) {
        yield batch
        batch = ''
      }
    }
    if (batch) yield batch
  }
  return Readable.from(lines(), { objectMode: false })
}
