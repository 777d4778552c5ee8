import ExcelJS from 'exceljs'
import type { I18n } from '@adonisjs/i18n'
import Building from '#park/models/building'
import {
  FIRST_DATA_ROW,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  KEY_ROW,
  LABEL_ROW,
  type ImportColumn,
  type ImportKind,
} from '#park/onboarding'
import { columnLetter } from '#park/services/onboarding_reader'

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEFC' },
}
const LAST_DATA_ROW = FIRST_DATA_ROW + IMPORT_MAX_ROWS - 1

const FORMATS: Partial<Record<ImportColumn['format'], string>> = {
  date: 'yyyy-mm-dd',
  count: '0',
  integer: '0',
  area: '0.00',
}

/** exceljs writes sheet-level validations over a range, but its typings only know the per-cell ones. */
function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation) {
  ;(
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(range, validation)
}

/** What to type in a column, in a sentence or two: the header's note and the instructions. */
export function columnHint(column: ImportColumn, i18n: I18n) {
  const parts = [i18n.t(column.required ? 'imports.hint.required' : 'imports.hint.optional')]
  if (column.hint) parts.push(i18n.t(column.hint))
  else if (column.format !== 'text') parts.push(i18n.t(`imports.hint.${column.format}`))
  if (column.key === 'moveInDate') parts.push(i18n.t('park.move_in_hint'))
  if (column.key === 'moveOutDate') parts.push(i18n.t('imports.hint.move_out'))
  if (column.key === 'floor') parts.push(i18n.t('park.floor_hint'))
  // Chinese sentences run on after 。; English ones take a space.
  return parts.join(i18n.locale.startsWith('zh') ? '' : ' ')
}

/**
 * GET /park/imports/:kind/template.xlsx: the data sheet (translated headers in row 1, machine keys
 * in row 2, frozen, widths, dropdowns from the codes sheet), the instructions with an example
 * row, and the codes sheet listing every allowed value with its code and translated name.
 */
export async function buildImportTemplate(kind: ImportKind, i18n: I18n) {
  const t = (key: string, data?: Record<string, unknown>) => i18n.t(key, data)
  const columns = IMPORT_COLUMNS[kind]
  const book = new ExcelJS.Workbook()
  book.creator = 'ParkGate'
  book.created = new Date()

  const data = book.addWorksheet(t(`imports.sheet.${kind}`), {
    views: [{ state: 'frozen', ySplit: KEY_ROW }],
  })
  const instructions = book.addWorksheet(t('imports.sheet.instructions'))
  const codes = book.addWorksheet(t('imports.sheet.codes'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })

  data.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.asText ? { numFmt: '@' } : FORMATS[c.format] ? { numFmt: FORMATS[c.format] } : {},
  }))
  const labels = data.getRow(LABEL_ROW)
  const keys = data.getRow(KEY_ROW)
  columns.forEach((c, i) => {
    const label = labels.getCell(i + 1)
    label.value = t(c.label) + (c.required ? ' *' : '')
    label.note = columnHint(c, i18n)
    keys.getCell(i + 1).value = c.key
  })
  labels.font = { bold: true }
  labels.fill = HEADER_FILL
  labels.alignment = { vertical: 'middle', wrapText: true }
  labels.height = 32
  keys.font = { italic: true, size: 9, color: { argb: 'FF6B7280' } }

  // The codes sheet: one block per coded column; its names feed the data sheet's dropdowns.
  codes.columns = [
    { header: t('imports.codes.column'), width: 26 },
    { header: t('imports.codes.code'), width: 24 },
    { header: t('imports.codes.name'), width: 30 },
  ]
  codes.getRow(1).font = { bold: true }
  codes.getRow(1).fill = HEADER_FILL
  const sheetRef = `'${codes.name.replace(/'/g, "''")}'`
  const listRanges = new Map<string, string>()
  for (const column of columns.filter((c) => c.codes)) {
    const first = codes.rowCount + 1
    for (const code of column.codes!.values) {
      codes.addRow([t(column.label), code, t(`${column.codes!.labels}.${code}`)])
    }
    listRanges.set(column.key, `${sheetRef}!$C$${first}:$C$${codes.rowCount}`)
    codes.addRow([])
  }
  if (kind === 'units') {
    const buildings = await Building.query().orderBy('code')
    const first = codes.rowCount + 1
    for (const b of buildings) {
      codes.addRow([
        t('imports.building_column'),
        b.code,
        `${b.name} (${t('park.floors_count', { count: b.floors })})`,
      ])
    }
    if (buildings.length) listRanges.set('building', `${sheetRef}!$B$${first}:$B$${codes.rowCount}`)
    else codes.addRow([t('imports.building_column'), '', t('park.no_buildings')])
  }

  columns.forEach((column, i) => {
    const letter = columnLetter(i + 1)
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${LAST_DATA_ROW}`
    const prompt = { showInputMessage: true, promptTitle: t(column.label).slice(0, 32) }
    const list = listRanges.get(column.key)
    if (list && column.format !== 'codes') {
      addValidation(data, range, {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        ...prompt,
        prompt: columnHint(column, i18n).slice(0, 255),
        // A warning, not a stop: a code typed by hand is as good as a name picked from the list.
        showErrorMessage: true,
        errorStyle: 'warning',
        error: t('imports.hint.pick_from_list'),
      })
    } else if (column.format === 'count' || column.format === 'integer') {
      addValidation(data, range, {
        type: 'whole',
        allowBlank: true,
        operator: column.format === 'count' ? 'greaterThanOrEqual' : 'between',
        formulae: column.format === 'count' ? [0] : [-5, 200],
        showErrorMessage: true,
        errorStyle: 'stop',
        error: columnHint(column, i18n).slice(0, 255),
      })
    } else if (column.format === 'area') {
      addValidation(data, range, {
        type: 'decimal',
        allowBlank: true,
        operator: 'greaterThan',
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        error: columnHint(column, i18n).slice(0, 255),
      })
    } else if (column.key === 'uscc') {
      addValidation(data, range, {
        type: 'textLength',
        allowBlank: true,
        operator: 'equal',
        formulae: [18],
        showErrorMessage: true,
        errorStyle: 'warning',
        error: t('validator.shared.messages.uscc.length', { field: t(column.label) }),
      })
    }
  })

  // Instructions: the rules, then one line per column with its key, what to type and an example.
  instructions.columns = [{ width: 26 }, { width: 22 }, { width: 64 }, { width: 34 }]
  const line = (text: string) => {
    const row = instructions.addRow([text])
    instructions.mergeCells(row.number, 1, row.number, 4)
    row.alignment = { wrapText: true, vertical: 'top' }
    return row
  }
  line(t(`imports.title_${kind}`)).font = { bold: true, size: 14 }
  const steps = [
    t('imports.instructions.rows', { first: FIRST_DATA_ROW }),
    t('imports.instructions.required'),
    t('imports.instructions.codes', { sheet: codes.name }),
    t('imports.instructions.all_or_nothing'),
    t('imports.instructions.limits', { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS }),
  ]
  if (kind === 'units') steps.push(t('imports.instructions.buildings'))
  steps.forEach((step, i) => line(`${i + 1}. ${step}`))
  instructions.addRow([])
  const head = instructions.addRow([
    t('imports.codes.column'),
    t('imports.instructions.key'),
    t('imports.instructions.how'),
    t('imports.instructions.example'),
  ])
  head.font = { bold: true }
  head.fill = HEADER_FILL
  for (const column of columns) {
    const row = instructions.addRow([
      t(column.label) + (column.required ? ' *' : ''),
      column.key,
      columnHint(column, i18n),
      column.example,
    ])
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  return book
}
