import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { fileTypeFromFile } from 'file-type'
import db from '@adonisjs/lucid/services/db'
import type { I18n } from '@adonisjs/i18n'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { VineValidator } from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import Tenant from '#core/models/tenant'
import RegistrationApplication from '#core/models/registration_application'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import { isValidUscc, normalizeUscc } from '#core/uscc'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import SpaceService, { floorInBuilding, type UnitInput } from '#park/services/space_service'
import TenantRegisterService, { type NewTenantInput } from '#park/services/tenant_register_service'
import { readImportSheet, type CellValue, type SheetRow } from '#park/services/onboarding_reader'
import {
  tenantImportRowValidator,
  unitImportRowValidator,
} from '#park/validators/onboarding_validator'
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  type ImportColumn,
  type ImportKind,
} from '#park/onboarding'

/** The uploaded file as the import needs it (never the request). */
export interface ImportUpload {
  path: string
  size: number
  name: string
}

/** One problem in the file: where it is (row, column), what the cell held, what is wrong. */
export interface ImportIssue {
  row: number
  column: string
  label: string
  letter: string
  value: string
  message: string
}

export type ImportOutcome =
  { imported: number; issues: null } | { imported: 0; issues: ImportIssue[]; rows: number }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const CHUNK = 500
const LIST_SEPARATORS = /[,，、;；\n]+/

const normalize = (value: string) =>
  value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/** Codes by what people type: the code itself or its name in either language. */
const lookups = new Map<string, Map<string, string>>()
function codeLookup(column: ImportColumn) {
  const cacheKey = column.codes!.labels
  let lookup = lookups.get(cacheKey)
  if (!lookup) {
    lookup = new Map()
    for (const code of column.codes!.values) {
      lookup.set(normalize(code), code)
      for (const locale of i18nManager.supportedLocales()) {
        lookup.set(normalize(i18nManager.locale(locale).t(`${column.codes!.labels}.${code}`)), code)
      }
    }
    lookups.set(cacheKey, lookup)
  }
  return lookup
}

/** A day as `YYYY-MM-DD`: Excel dates (and their serial numbers) or typed `2026/3/1`, `2026年3月1日`. */
function dayText(value: CellValue) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const fromDate = (d: Date) =>
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  if (value instanceof Date) return fromDate(value)
  // Excel counts days from 1899-12-30; a plain number in a date column is such a serial.
  if (typeof value === 'number' && value >= 1 && value < 2958466)
    return fromDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000))
  const text = String(value).normalize('NFKC').trim()
  const parts = text.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/)
  return parts ? `${parts[1]}-${pad(Number(parts[2]))}-${pad(Number(parts[3]))}` : text
}

/** The cell as the report shows it. */
function shown(value: CellValue) {
  if (value === null) return ''
  const text = value instanceof Date ? dayText(value) : String(value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/**
 * VineJS messages named after the file's column headers (the report shows each next to its
 * column), with the usual translated rule messages.
 */
class ColumnMessages implements MessagesProviderContact {
  private inner: MessagesProviderContact
  constructor(
    i18n: I18n,
    private labels: Record<string, string>
  ) {
    this.inner = i18n.createMessagesProvider()
  }

  getMessage(message: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
    const label = this.labels[field.name] ?? field.name
    const data = meta ? { ...meta } : undefined
    if (data?.otherField) data.otherField = this.labels[data.otherField] ?? data.otherField
    return this.inner.getMessage(message, rule, { ...field, name: label } as FieldContext, data)
  }
}

/** Collects the issues of a file; a cell is reported once (its first problem). */
class Report {
  issues: ImportIssue[] = []
  private flagged = new Set<string>()
  private badRows = new Set<number>()

  constructor(
    private columns: ImportColumn[],
    private labels: Record<string, string>,
    private letters: Record<string, string>
  ) {}

  add(row: SheetRow, key: string, message: string) {
    if (this.has(row, key)) return
    this.flagged.add(`${row.number}:${key}`)
    this.badRows.add(row.number)
    this.issues.push({
      row: row.number,
      column: key,
      label: this.labels[key],
      letter: this.letters[key] ?? '',
      value: shown(row.cells[key] ?? null),
      message,
    })
  }

  has(row: SheetRow, key: string) {
    return this.flagged.has(`${row.number}:${key}`)
  }

  rowHasIssues(row: SheetRow) {
    return this.badRows.has(row.number)
  }

  /** Rows with at least one issue. */
  get rowCount() {
    return this.badRows.size
  }

  /** Issues in the file's order: by row, then by column. */
  sorted() {
    const order = new Map(this.columns.map((c, i) => [c.key, i]))
    return this.issues.sort((a, b) => a.row - b.row || order.get(a.column)! - order.get(b.column)!)
  }
}

/**
 * Bulk onboarding from Excel: every row is checked (the same rules as the forms, plus the file's
 * own duplicates and what the register already holds) before anything is written; any problem
 * rejects the whole file with a per-row, per-column report. A clean file is written in one
 * transaction with one audit entry per record and one for the import itself.
 */
export default class OnboardingService {
  constructor(
    private audit = new AuditService(),
    private register = new TenantRegisterService(audit),
    private spaces = new SpaceService(audit)
  ) {}

  async import(kind: ImportKind, upload: ImportUpload, i18n: I18n): Promise<ImportOutcome> {
    return kind === 'tenants' ? this.importTenants(upload, i18n) : this.importUnits(upload, i18n)
  }

  async importTenants(upload: ImportUpload, i18n: I18n): Promise<ImportOutcome> {
    const { rows, report, check } = await this.open('tenants', upload, i18n)
    // Clean rows' inputs; they are written only if the whole file turns out clean.
    const inputs: NewTenantInput[] = []
    for (const row of rows) {
      const input = await check<NewTenantInput>(row, tenantImportRowValidator)
      if (input) inputs.push(input)
    }

    // USCCs: once in the file, and not in the register nor waiting in a registration.
    const firstRow = new Map<string, number>()
    const usccOf = new Map<SheetRow, string>()
    for (const row of rows) {
      if (report.has(row, 'uscc')) continue
      const uscc = normalizeUscc(String(row.cells.uscc ?? ''))
      if (!isValidUscc(uscc)) continue
      usccOf.set(row, uscc)
      const seen = firstRow.get(uscc)
      if (seen) report.add(row, 'uscc', i18n.t('imports.duplicate_in_file', { row: String(seen) }))
      else firstRow.set(uscc, row.number)
    }
    const codes = [...firstRow.keys()]
    const registered = new Map<string, string>()
    const pending = new Map<string, string>()
    for (let i = 0; i < codes.length; i += CHUNK) {
      const chunk = codes.slice(i, i + CHUNK)
      for (const t of await Tenant.query().whereIn('uscc', chunk).select('uscc', 'name'))
        registered.set(t.uscc, t.name)
      for (const a of await RegistrationApplication.query()
        .whereIn('pendingUscc', chunk)
        .select('pendingUscc', 'number'))
        pending.set(a.pendingUscc!, a.number)
    }
    for (const [row, uscc] of usccOf) {
      if (registered.has(uscc))
        report.add(row, 'uscc', i18n.t('imports.uscc_registered', { name: registered.get(uscc) }))
      else if (pending.has(uscc))
        report.add(row, 'uscc', i18n.t('imports.uscc_pending', { number: pending.get(uscc) }))
    }

    if (report.issues.length) return this.rejected(report)
    return this.write('tenant', upload, async (trx) => {
      for (const input of inputs) await this.register.insert(trx, input)
      return inputs.length
    })
  }

  async importUnits(upload: ImportUpload, i18n: I18n): Promise<ImportOutcome> {
    const { rows, report, check } = await this.open('units', upload, i18n)
    const buildings = await Building.query().orderBy('code')
    const byCode = new Map(buildings.map((b) => [normalize(b.code), b]))
    const byName = new Map<string, Building[]>()
    for (const b of buildings)
      byName.set(normalize(b.name), [...(byName.get(normalize(b.name)) ?? []), b])
    const codes = buildings.map((b) => b.code)
    const known = codes.length > 20 ? `${codes.slice(0, 20).join('、')}…` : codes.join('、')

    // Clean rows' inputs; they are written only if the whole file turns out clean.
    const inputs: UnitInput[] = []
    const firstRow = new Map<string, number>()
    const placed: Array<{ row: SheetRow; building: Building; number: string }> = []
    for (const row of rows) {
      const checked = await check<Omit<UnitInput, 'buildingId'> & { building: string }>(
        row,
        unitImportRowValidator
      )
      if (report.has(row, 'building')) continue
      const wanted = normalize(String(row.cells.building))
      const building =
        byCode.get(wanted) ??
        (byName.get(wanted)?.length === 1 ? byName.get(wanted)![0] : undefined)
      if (!building) {
        report.add(
          row,
          'building',
          i18n.t(buildings.length ? 'imports.unknown_building' : 'imports.no_buildings', {
            value: shown(row.cells.building),
            buildings: known,
          })
        )
        continue
      }
      const floor = Number(row.cells.floor)
      if (!report.has(row, 'floor') && !floorInBuilding(building, floor)) {
        report.add(row, 'floor', i18n.t('park.floor_outside_building', { floors: building.floors }))
      }
      if (!report.has(row, 'number')) {
        const number = String(row.cells.number).trim().toUpperCase()
        const key = `${building.id}|${number}`
        const seen = firstRow.get(key)
        if (seen)
          report.add(row, 'number', i18n.t('imports.duplicate_in_file', { row: String(seen) }))
        else {
          firstRow.set(key, row.number)
          placed.push({ row, building, number })
        }
      }
      if (checked) {
        const { floor: level, number, unitType, area, status } = checked
        inputs.push({ buildingId: building.id, floor: level, number, unitType, area, status })
      }
    }

    // Unit numbers already taken in their building.
    for (let i = 0; i < placed.length; i += CHUNK) {
      const chunk = placed.slice(i, i + CHUNK)
      const taken = await Unit.query()
        .whereIn('buildingId', [...new Set(chunk.map((p) => p.building.id))])
        .whereIn('number', [...new Set(chunk.map((p) => p.number))])
        .select('buildingId', 'number')
      const takenKeys = new Set(taken.map((u) => `${u.buildingId}|${u.number}`))
      for (const p of chunk) {
        if (takenKeys.has(`${p.building.id}|${p.number}`))
          report.add(p.row, 'number', i18n.t('park.unit_number_taken'))
      }
    }

    if (report.issues.length) return this.rejected(report)
    return this.write('unit', upload, async (trx) => {
      // All the file's units together must still fit in the park's leasable area.
      const added = inputs.reduce((sum, input) => sum + input.area, 0)
      await this.spaces.assertAreaWithinLeasable(trx, added, undefined, 'spreadsheet')
      for (const input of inputs) await this.spaces.insertUnit(trx, input)
      return inputs.length
    })
  }

  /**
   * Checks the upload's size and bytes (an xlsx is a zip; its name proves nothing), reads the
   * data sheet, and returns a row checker that runs the row validator and maps codes.
   */
  private async open(kind: ImportKind, upload: ImportUpload, i18n: I18n) {
    if (upload.size > IMPORT_MAX_BYTES) {
      throw new DomainException(
        'imports.too_large',
        { max: IMPORT_MAX_BYTES / 1024 / 1024 },
        { field: 'spreadsheet' }
      )
    }
    const type = await fileTypeFromFile(upload.path)
    if (!type || (type.mime !== XLSX && type.mime !== 'application/zip')) {
      throw new DomainException('imports.not_xlsx', {}, { field: 'spreadsheet' })
    }
    const columns = IMPORT_COLUMNS[kind]
    const labels = Object.fromEntries(columns.map((c) => [c.key, i18n.t(c.label)]))
    const sheet = await readImportSheet(upload.path, columns, (c) => labels[c.key])
    const report = new Report(columns, labels, sheet.letters)
    const messagesProvider = new ColumnMessages(i18n, labels)

    /** One row through its validator; problems go to the report, a clean row comes back. */
    const check = async <T>(row: SheetRow, validator: VineValidator<any, any>) => {
      const data: Record<string, unknown> = {}
      for (const column of columns) {
        data[column.key] = this.cellInput(column, row, report, i18n, labels)
      }
      const [error, value] = await validator.tryValidate(data, { messagesProvider })
      for (const message of error?.messages ?? []) {
        const key = String(message.field).split('.')[0]
        report.add(row, labels[key] ? key : columns[0].key, message.message)
      }
      return report.rowHasIssues(row) ? null : (value as T)
    }
    return { rows: sheet.rows, report, check }
  }

  /** What the validator gets for a cell: text as text, days as `YYYY-MM-DD`, names as codes. */
  private cellInput(
    column: ImportColumn,
    row: SheetRow,
    report: Report,
    i18n: I18n,
    labels: Record<string, string>
  ) {
    const raw = row.cells[column.key] ?? null
    switch (column.format) {
      case 'count':
        // The template says so: a blank count is zero.
        return raw ?? 0
      case 'integer':
      case 'area':
        return raw ?? undefined
      case 'date':
        return raw === null ? undefined : dayText(raw)
      case 'code':
      case 'codes': {
        if (raw === null) return column.format === 'codes' && column.required ? [] : undefined
        const lookup = codeLookup(column)
        const tokens =
          column.format === 'code'
            ? [shown(raw)]
            : shown(raw)
                .split(LIST_SEPARATORS)
                .map((x) => x.trim())
                .filter(Boolean)
        const found: string[] = []
        for (const token of tokens) {
          const code = lookup.get(normalize(token))
          if (code) {
            if (!found.includes(code)) found.push(code)
          } else {
            report.add(
              row,
              column.key,
              i18n.t('imports.unknown_code', { value: token, column: labels[column.key] })
            )
          }
        }
        return column.format === 'code' ? found[0] : found
      }
      default:
        return raw === null ? undefined : raw instanceof Date ? dayText(raw) : String(raw)
    }
  }

  private rejected(report: Report): ImportOutcome {
    return { imported: 0, issues: report.sorted(), rows: report.rowCount }
  }

  /** Writes everything in one transaction with the import's own audit entry; a race on a unique key undoes it all. */
  private async write(
    subject: 'tenant' | 'unit',
    upload: ImportUpload,
    insert: (trx: TransactionClientContract) => Promise<number>
  ): Promise<ImportOutcome> {
    const sha256 = await sha256Of(upload.path)
    try {
      const imported = await db.transaction(async (trx) => {
        const count = await insert(trx)
        await this.audit.record(trx, {
          action: `${subject}.imported`,
          subjectType: 'import',
          after: { file: upload.name.slice(0, 200), sha256, count },
        })
        return count
      })
      return { imported, issues: null }
    } catch (error: any) {
      if (error?.code === 'ER_DUP_ENTRY' || error?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new DomainException(
          'imports.changed_meanwhile',
          {},
          { field: 'spreadsheet', status: 409 }
        )
      }
      throw error
    }
  }
}

async function sha256Of(path: string) {
  const digest = createHash('sha256')
  for await (const chunk of createReadStream(path)) digest.update(chunk)
  return digest.digest('hex')
}
