import { stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse'
import DomainException from '#core/exceptions/domain_exception'
import { FIRST_DATA_ROW, KEY_ROW } from '#single_window/import_columns'

/** One data row: the number the user sees in Excel (or the CSV line), cells by field key. */
export interface ImportRow {
  number: number
  cells: Record<string, string>
}

/** Text of an exceljs cell value: rich text, formulas and hyperlinks flattened; numbers as typed. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (value instanceof Date) {
    const p = (n: number) => String(n).padStart(2, '0')
    return `${value.getUTCFullYear()}${p(value.getUTCMonth() + 1)}${p(value.getUTCDate())}`
  }
  if (typeof value === 'object') {
    const cell = value as Record<string, any>
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((r: { text: string }) => r.text)
        .join('')
        .trim()
    if ('result' in cell) return cellText(cell.result)
    if ('text' in cell) return cellText(cell.text)
  }
  return String(value).trim()
}

const keyPositions = (values: string[], known: Set<string>) => {
  const positions: Array<[number, string]> = []
  values.forEach((value, index) => {
    if (known.has(value)) positions.push([index, value])
  })
  return positions
}

/**
 * Reads an import file row by row: .xlsx with exceljs's streaming reader (the first sheet whose
 * row 2 holds field names), or CSV (UTF-8, BOM allowed; line 2 holds the field names) with
 * csv-parse's streaming parser, so neither the file nor its rows are ever held whole. Blank rows
 * are skipped; reading stops past `maxRows` data rows (the caller sees `maxRows + 1`). An
 * unreadable file throws `sw.errors.batch_format` while iterating.
 */
export async function* readImportRows(
  path: string,
  name: string,
  known: Set<string>,
  maxRows: number
): AsyncGenerator<ImportRow> {
  const csv = /\.csv$/i.test(name)
  try {
    await stat(path)
    yield* csv ? readCsv(path, known, maxRows) : readXlsx(path, known, maxRows)
  } catch (error) {
    if (error instanceof DomainException) throw error
    throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
  }
}

/** The whole file at once (small files, tests): see readImportRows. */
export async function readImportFile(
  path: string,
  name: string,
  known: Set<string>,
  maxRows: number
): Promise<ImportRow[]> {
  const rows: ImportRow[] = []
  for await (const row of readImportRows(path, name, known, maxRows)) rows.push(row)
  return rows
}

async function* readCsv(path: string, known: Set<string>, maxRows: number) {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: false })
  )
  let positions: Array<[number, string]> | null = null
  let index = -1
  let count = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index++
      if (index === KEY_ROW - 1) {
        positions = keyPositions(
          record.map((k) => k.trim()),
          known
        )
        if (positions.length === 0)
          throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
        continue
      }
      if (index < FIRST_DATA_ROW - 1 || !positions) continue
      const cells: Record<string, string> = {}
      let blank = true
      for (const [at, key] of positions) {
        const value = (record[at] ?? '').trim()
        if (value !== '') {
          cells[key] = value
          blank = false
        }
      }
      if (blank) continue
      yield { number: index + 1, cells }
      if (++count > maxRows) break
    }
  } finally {
    parser.destroy()
  }
  if (!positions) throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
}

async function* readXlsx(path: string, known: Set<string>, maxRows: number) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  for await (const worksheet of reader) {
    let positions: Array<[number, string]> | null = null
    let count = 0
    for await (const row of worksheet) {
      const values = (Array.isArray(row.values) ? row.values : []) as unknown[]
      if (row.number === KEY_ROW) {
        positions = keyPositions(values.map(cellText), known)
        if (positions.length === 0) break
        continue
      }
      if (!positions || row.number < FIRST_DATA_ROW) continue
      const cells: Record<string, string> = {}
      let blank = true
      for (const [index, key] of positions) {
        const value = cellText(values[index])
        if (value !== '') {
          cells[key] = value
          blank = false
        }
      }
      if (blank) continue
      yield { number: row.number, cells }
      if (++count > maxRows) break
    }
    if (positions && positions.length > 0) return
  }
  throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
}
