import { createReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import DomainException from '#core/exceptions/domain_exception'
import { FIRST_DATA_ROW, IMPORT_MAX_ROWS, KEY_ROW, type ImportColumn } from '#park/onboarding'

/** A cell as the import sees it: text, a number, a day (Excel dates), or blank. */
export type CellValue = string | number | Date | null

export interface SheetRow {
  /** The row number Excel shows, so the report points at the right line. */
  number: number
  cells: Record<string, CellValue>
}

export interface ImportSheet {
  rows: SheetRow[]
  /** Where each column sits in the uploaded file (A, B, …), by key. */
  letters: Record<string, string>
}

/** Excel's column letters for a 1-based column number. */
export function columnLetter(index: number) {
  let letter = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter
  }
  return letter
}

/** Flattens what exceljs gives for a cell (rich text, hyperlinks, formulas) to a plain value. */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim()
  if (typeof value === 'object') {
    const cell = value as Record<string, any>
    if (Array.isArray(cell.richText))
      return plainValue(cell.richText.map((part: { text: string }) => part.text).join(''))
    if ('result' in cell) return plainValue(cell.result)
    if ('text' in cell) return plainValue(cell.text)
    if ('error' in cell) return String(cell.error)
  }
  return plainValue(String(value))
}

function rowValues(row: ExcelJS.Row) {
  return (Array.isArray(row.values) ? row.values : []) as unknown[]
}

/**
 * Reads the data sheet of an import template with exceljs's streaming reader: the sheet whose
 * key row (row 2) names the columns. Blank rows are skipped; reading stops as soon as the file
 * holds more data rows than one import accepts, so a huge sheet never sits in memory.
 */
export async function readImportSheet(
  path: string,
  columns: ImportColumn[],
  labelOf: (column: ImportColumn) => string
) {
  const input = createReadStream(path)
  const known = new Set(columns.map((c) => c.key))
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    })
    for await (const worksheet of reader) {
      let positions: Map<number, string> | null = null
      const sheet: ImportSheet = { rows: [], letters: {} }
      for await (const row of worksheet) {
        if (row.number === KEY_ROW) positions = keyPositions(rowValues(row), known, sheet)
        if (!positions || row.number < FIRST_DATA_ROW) continue
        const cells: Record<string, CellValue> = {}
        let blank = true
        for (const [index, key] of positions) {
          cells[key] = plainValue(rowValues(row)[index])
          if (cells[key] !== null) blank = false
        }
        if (blank) continue
        if (sheet.rows.length === IMPORT_MAX_ROWS) {
          throw new DomainException(
            'imports.too_many_rows',
            { max: IMPORT_MAX_ROWS },
            { field: 'spreadsheet' }
          )
        }
        sheet.rows.push({ number: row.number, cells })
      }
      if (positions) return finish(sheet, columns, labelOf)
    }
  } catch (error) {
    if (error instanceof DomainException) throw error
    // Not a zip, or a zip that is not a workbook: exceljs cannot read it.
    throw new DomainException('imports.not_xlsx', {}, { field: 'spreadsheet' })
  } finally {
    input.destroy()
  }
  throw new DomainException('imports.not_template', {}, { field: 'spreadsheet' })
}

/** Column positions by key, from the key row; null when the row names none of our columns. */
function keyPositions(values: unknown[], known: Set<string>, sheet: ImportSheet) {
  const positions = new Map<number, string>()
  values.forEach((value, index) => {
    const key = typeof value === 'string' ? value.trim() : null
    if (!key || !known.has(key)) return
    if (sheet.letters[key]) {
      throw new DomainException(
        'imports.duplicate_column',
        { column: key, letter: columnLetter(index) },
        { field: 'spreadsheet' }
      )
    }
    sheet.letters[key] = columnLetter(index)
    positions.set(index, key)
  })
  return positions.size ? positions : null
}

function finish(
  sheet: ImportSheet,
  columns: ImportColumn[],
  labelOf: (column: ImportColumn) => string
) {
  const missing = columns.filter((c) => c.required && !sheet.letters[c.key])
  if (missing.length) {
    throw new DomainException(
      'imports.missing_columns',
      { columns: missing.map((c) => `${labelOf(c)} (${c.key})`).join('、') },
      { field: 'spreadsheet' }
    )
  }
  if (!sheet.rows.length) throw new DomainException('imports.no_rows', {}, { field: 'spreadsheet' })
  return sheet
}
