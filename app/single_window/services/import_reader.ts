import { readFile, stat } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
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
 * Reads an import file: .xlsx with exceljs's streaming reader (the first sheet whose row 2 holds
 * field names), or CSV (UTF-8, BOM allowed; line 2 holds the field names). Blank rows are skipped;
 * reading stops past `maxRows` data rows.
 */
export async function readImportFile(
  path: string,
  name: string,
  known: Set<string>,
  maxRows: number
): Promise<ImportRow[]> {
  const csv = /\.csv$/i.test(name)
  try {
    await stat(path)
    return csv ? await readCsv(path, known, maxRows) : await readXlsx(path, known, maxRows)
  } catch (error) {
    if (error instanceof DomainException) throw error
    throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
  }
}

async function readCsv(path: string, known: Set<string>, maxRows: number) {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  const records = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][]
  const keys = records[KEY_ROW - 1] ?? []
  const positions = keyPositions(
    keys.map((k) => k.trim()),
    known
  )
  if (positions.length === 0)
    throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
  const rows: ImportRow[] = []
  for (let i = FIRST_DATA_ROW - 1; i < records.length; i++) {
    const record = records[i]
    const cells: Record<string, string> = {}
    let blank = true
    for (const [index, key] of positions) {
      const value = (record[index] ?? '').trim()
      if (value !== '') {
        cells[key] = value
        blank = false
      }
    }
    if (blank) continue
    rows.push({ number: i + 1, cells })
    if (rows.length > maxRows) break
  }
  return rows
}

async function readXlsx(path: string, known: Set<string>, maxRows: number) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  })
  for await (const worksheet of reader) {
    let positions: Array<[number, string]> | null = null
    const rows: ImportRow[] = []
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
      rows.push({ number: row.number, cells })
      if (rows.length > maxRows) break
    }
    if (positions && positions.length > 0) return rows
  }
  throw new DomainException('sw.errors.batch_format', {}, { field: 'file' })
}
