import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import type ExcelJS from 'exceljs'
import type { HttpContext } from '@adonisjs/core/http'
import { create as contentDisposition } from 'content-disposition'

/** Every export is written with exceljs's streaming writer. */
export type Book = ExcelJS.stream.xlsx.WorkbookWriter

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Writes a workbook with the streaming writer, so rows go out as they are added instead of piling
 * up as cell objects, and returns the finished file.
 */
export async function write(fill: (book: Book) => Promise<void> | void) {
  // Loaded on the first export, not with the register's controller: it is a big library.
  const { default: excel } = await import('exceljs')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = finished(out)
  const book = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  })
  book.creator = 'ParkGate'
  book.created = new Date()
  await fill(book)
  await book.commit()
  await done
  return Buffer.concat(chunks)
}

/**
 * One sheet: a bold, frozen header row, given widths, number formats and wrapping per column. A column's
 * cells share one style object: the writer recognises a style by its object, so it renders each
 * column's style once instead of once per cell (half the time of a 5,000-row roster).
 */
export function sheet(
  book: Book,
  name: string,
  columns: Array<{ header: string; width: number; format?: string; wrap?: boolean }>,
  rows: Iterable<unknown[]>,
  options: { autoFilter?: boolean } = {}
) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  if (options.autoFilter) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  }
  const styles: Array<Partial<ExcelJS.Style>> = columns.map((c) => ({
    ...(c.format ? { numFmt: c.format } : {}),
    // Long text (requirements, observations) wraps inside its column, top-aligned.
    ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
  }))
  ws.columns = columns.map((c, i) => ({ header: c.header, width: c.width, style: styles[i] }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEFC' } }
  header.commit()
  for (const values of rows) {
    const row = ws.addRow(values)
    row.eachCell((cell, column) => (cell.style = styles[column - 1]))
    row.commit()
  }
  return ws
}

/** Sends a finished workbook as a download. */
export function sendXlsx(response: HttpContext['response'], filename: string, file: Buffer) {
  response.header('Content-Type', XLSX_TYPE)
  response.header('Content-Disposition', contentDisposition(filename))
  return response.send(file)
}
