import { DateTime } from 'luxon'
import { Decimal } from 'decimal.js'
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import SwImportBatch, {
  type ImportProblem,
  type ImportReport,
} from '#single_window/models/sw_import_batch'
import DeclarationService, {
  derivedColumns,
  isRejected,
  lineRow,
  pickDocument,
  type Actor,
} from '#single_window/services/declaration_service'
import { readImportRows, type ImportRow } from '#single_window/services/import_reader'
import {
  importColumns,
  LINE_PREFIX,
  toImportCsv,
  toImportRows,
} from '#single_window/import_columns'
import {
  checkDocument,
  completeDocument,
  type ProfileIdentity,
} from '#single_window/checks/document_checks'
import { personalLimits, threeDocumentMatch } from '#single_window/checks/business_checks'
import { hasErrors, type CheckProblem } from '#single_window/checks/problem'
import { MESSAGE_TYPES, type BusinessMode, type MessageType } from '#single_window/message_types'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import { CODE_LISTS } from '#single_window/code_lists'
import { buildMessage } from '#single_window/builders/message_builder'
import { prepareSigner } from '#single_window/builders/signer'
import { signAll } from '#single_window/builders/signer'
import { demoExportShipment, demoImportParcel } from '#single_window/demo_data'
import type SwProfile from '#single_window/models/sw_profile'

type Values = Record<string, string | null | undefined>

/** Rows one import accepts (SW_IMPORT_MAX_ROWS; the benchmark imports 100,000 inventory lists). */
export const IMPORT_MAX_ROWS = Number(process.env.SW_IMPORT_MAX_ROWS ?? 100_000)
/** Rows per INSERT and per submit transaction. */
const CHUNK = 500
/** Documents whose parcels are indexed at once during an import. */
const INDEX_SLICE = 5000

const sqlNow = () => DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')

interface Doc {
  key: string
  mode: BusinessMode
  head: Record<string, string>
  lines: Record<string, string>[]
  /** File row of the head and of each line, for the report. */
  rows: number[]
}

const identityOf = (profile: SwProfile): ProfileIdentity => ({
  copCode: profile.copCode,
  copName: profile.copName,
  roles: profile.roleList,
  ebpCode: profile.ebpCode,
  ebpName: profile.ebpName,
})

/**
 * The parcels' other documents and the buyers' yearly totals, loaded in bulk (chunks of `CHUNK`
 * keys) for the three-document match and the limits of many inventory lists at once.
 */
class ParcelIndex {
  /** Candidates by order / waybill number; the platform or carrier picks one (see pickDocument). */
  orders = new Map<string, Array<{ id: number; header: string; lines: Values[] }>>()
  payments = new Map<string, Array<{ header: string }>>()
  waybills = new Map<string, Array<{ header: string }>>()
  declared = new Map<string, Decimal>()

  static async load(
    client: TransactionClientContract | typeof db,
    heads: Values[],
    exceptIds: number[] = []
  ) {
    const index = new ParcelIndex()
    const orderNos = [...new Set(heads.map((h) => h.orderNo).filter(Boolean))] as string[]
    const logisticsNos = [...new Set(heads.map((h) => h.logisticsNo).filter(Boolean))] as string[]
    const buyers = [...new Set(heads.map((h) => h.buyerIdNumber).filter(Boolean))] as string[]
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key)
      if (list) list.push(value)
      else map.set(key, [value])
    }
    for (let i = 0; i < orderNos.length; i += CHUNK) {
      const chunk = orderNos.slice(i, i + CHUNK)
      const rows = await client
        .from('sw_declarations')
        .whereIn('message_type', ['CEB311', 'CEB411'])
        .whereIn('order_no', chunk)
        .orderBy('id', 'desc')
        .select('id', 'message_type', 'order_no', 'header')
      const orderById = new Map<number, { id: number; header: string; lines: Values[] }>()
      for (const row of rows) {
        if (row.message_type === 'CEB311') {
          const order = {
            id: row.id as number,
            header: row.header as string,
            lines: [] as Values[],
          }
          push(index.orders, row.order_no, order)
          orderById.set(row.id, order)
        } else {
          push(index.payments, row.order_no, { header: row.header as string })
        }
      }
      if (orderById.size) {
        const lines = await client
          .from('sw_declaration_lines')
          .whereIn('declaration_id', [...orderById.keys()])
          .orderBy('declaration_id')
          .orderBy('gnum')
          .select('declaration_id', 'fields')
        for (const line of lines)
          orderById.get(line.declaration_id)?.lines.push(JSON.parse(line.fields))
      }
    }
    for (let i = 0; i < logisticsNos.length; i += CHUNK) {
      const rows = await client
        .from('sw_declarations')
        .where('message_type', 'CEB511')
        .whereIn('logistics_no', logisticsNos.slice(i, i + CHUNK))
        .orderBy('id', 'desc')
        .select('logistics_no', 'header')
      for (const row of rows)
        push(index.waybills, row.logistics_no, { header: row.header as string })
    }
    const start = DateTime.now()
      .setZone('Asia/Shanghai')
      .startOf('year')
      .toUTC()
      .toFormat('yyyy-MM-dd HH:mm:ss')
    for (let i = 0; i < buyers.length; i += CHUNK) {
      const rows = await client
        .from('sw_declarations')
        .where('message_type', 'CEB621')
        .whereIn('buyer_id_number', buyers.slice(i, i + CHUNK))
        .where('submitted_at', '>=', start)
        .if(exceptIds.length > 0, (q) => q.whereNotIn('id', exceptIds))
        .select('buyer_id_number', 'status', 'amount')
      for (const row of rows) {
        if (['draft', 'checked'].includes(row.status) || isRejected(row.status)) continue
        const sum = index.declared.get(row.buyer_id_number) ?? new Decimal(0)
        index.declared.set(row.buyer_id_number, sum.plus(row.amount ?? 0))
      }
    }
    return index
  }

  /** Match and limits of one inventory list; `pending` adds what this batch already holds for the buyer. */
  check(head: Values, lines: Values[], pending: Map<string, Decimal>): CheckProblem[] {
    const order = pickDocument(this.orders.get(head.orderNo ?? '') ?? [], 'ebpCode', head.ebpCode)
    const payment = pickDocument(
      this.payments.get(head.orderNo ?? '') ?? [],
      'ebpCode',
      head.ebpCode
    )
    const waybill = pickDocument(
      this.waybills.get(head.logisticsNo ?? '') ?? [],
      'logisticsCode',
      head.logisticsCode
    )
    const problems = threeDocumentMatch({
      inventory: { head, lines },
      order: order ? { head: order.parsed, lines: order.lines } : null,
      payment: payment ? { head: payment.parsed } : null,
      waybill: waybill ? { head: waybill.parsed } : null,
    })
    const buyer = head.buyerIdNumber ?? ''
    const before = (this.declared.get(buyer) ?? new Decimal(0)).plus(pending.get(buyer) ?? 0)
    problems.push(...personalLimits(lines, before))
    const value = lines.reduce(
      (s, l) => s.plus(l.totalPrice && /^\d+(\.\d+)?$/.test(l.totalPrice) ? l.totalPrice : 0),
      new Decimal(0)
    )
    pending.set(buyer, (pending.get(buyer) ?? new Decimal(0)).plus(value))
    return problems
  }
}

/**
 * Batch import (issue 6; SW 702-2018 3.1: enterprise business data imported in batches; SZDB/Z
 * 304.1-2018 6.4: the window provides the document requirements and standard format templates for
 * declarations): templates generated from the field specs, Excel or
 * CSV files read row by row, every row checked like a form, all or nothing in one transaction with
 * a per-row, per-field report; and batch submission (checks again, then each chunk's state changes
 * and outbox messages in one transaction). Inserts are batched: this path is benchmarked at
 * 100,000 inventory lists.
 */
export default class BatchService {
  constructor(
    private declarations = new DeclarationService(),
    private audit = new AuditService()
  ) {}

  /** The import template (.xlsx): row 1 Chinese labels (* = required), row 2 field names, a notes sheet. */
  async template(type: MessageType, locale = 'zh-CN') {
    const t = i18nManager.locale(locale)
    const columns = importColumns(type)
    const book = new ExcelJS.Workbook()
    book.creator = 'ParkGate'
    const sheet = book.addWorksheet(type, { views: [{ state: 'frozen', ySplit: 2 }] })
    sheet.columns = columns.map((c) => ({
      width: Math.max(12, Math.min(30, c.label.length * 2 + 4)),
      style: { numFmt: '@' },
    }))
    const labels = sheet.getRow(1)
    const keys = sheet.getRow(2)
    columns.forEach((c, i) => {
      labels.getCell(i + 1).value = c.required ? `${c.label}*` : c.label
      keys.getCell(i + 1).value = c.key
    })
    labels.font = { bold: true }
    labels.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEFC' } }
    keys.font = { color: { argb: 'FF888888' } }
    const notes = book.addWorksheet(t.t('sw.import.notes_sheet'))
    notes.columns = [{ width: 28 }, { width: 14 }, { width: 10 }, { width: 90 }]
    notes.addRow([t.t('sw.import.notes_title', { type })]).font = { bold: true }
    for (const line of ['notes_rows', 'notes_lines', 'notes_all_or_nothing', 'notes_text']) {
      notes.addRow([t.t(`sw.import.${line}`)])
    }
    notes.addRow([])
    notes.addRow([
      t.t('sw.import.col_field'),
      t.t('sw.import.col_type'),
      t.t('sw.import.col_required'),
      t.t('sw.import.col_doc'),
    ]).font = { bold: true }
    for (const c of columns) {
      const s = c.spec
      const notation = !s
        ? 'C'
        : s.base === 'decimal'
          ? `N${s.totalDigits},${s.fractionDigits}`
          : s.base === 'int'
            ? 'int'
            : s.length
              ? `C${s.length}`
              : `C..${s.maxLength ?? ''}`
      notes.addRow([
        `${c.label} (${c.key})`,
        notation,
        c.required ? '✓' : '',
        s?.doc ?? t.t('sw.import.mode_doc'),
      ])
    }
    notes.addRow([])
    notes.addRow([t.t('sw.import.codes_title')]).font = { bold: true }
    for (const [name, list] of Object.entries(CODE_LISTS)) {
      for (const entry of list)
        notes.addRow([name, entry.code, locale === 'en' ? entry.en : entry.zh])
    }
    notes.addRow([])
    notes.addRow([t.t('sw.import.example_title')]).font = { bold: true }
    const example =
      MESSAGE_TYPES[type].direction === 'import' ? demoImportParcel(1) : demoExportShipment(1)
    const doc = example.find((d) => d.messageType === type)!
    notes.addRow(columns.map((c) => c.key))
    for (const row of toImportRows(type, doc)) notes.addRow(row)
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  /** The CSV template: the same two header lines, UTF-8 with BOM so Excel opens it correctly. */
  csvTemplate(type: MessageType) {
    return toImportCsv(type, [])
  }

  /**
   * Imports one file for one message type. Every row is checked; if any row has a problem nothing
   * is imported and the batch is stored as 'rejected' with the report (row, field, message); else all
   * documents are created in one transaction as 'checked' and the batch is 'accepted'.
   */
  async import(
    tenantId: number,
    type: MessageType,
    file: { path: string; name: string },
    actor: Actor | null = null,
    locale = 'zh-CN'
  ) {
    const profile = await this.declarations.requireProfile(tenantId)
    const columns = importColumns(type)
    // Rows are grouped into documents as they are read: neither the file nor its rows are kept.
    const { docs, problems, rowCount } = await this.group(
      type,
      readImportRows(file.path, file.name, new Set(columns.map((c) => c.key)), IMPORT_MAX_ROWS)
    )
    if (rowCount === 0) throw new DomainException('sw.errors.batch_empty', {}, { field: 'file' })
    if (rowCount > IMPORT_MAX_ROWS) {
      throw new DomainException(
        'sw.errors.batch_too_many',
        { max: IMPORT_MAX_ROWS },
        { field: 'file' }
      )
    }
    const identity = identityOf(profile)
    const checked: Doc[] = []
    for (const doc of docs) {
      const completed = completeDocument(type, doc.mode, doc.head, doc.lines, identity)
      doc.head = completed.head
      doc.lines = completed.lines
      checked.push(doc)
    }
    const pending = new Map<string, Decimal>()
    const existing = await this.existingDocNos(
      tenantId,
      type,
      checked.map((d) => d.key)
    )
    // The parcels' orders, payments and waybills are loaded per slice of documents, so only one
    // slice's index is in memory; `pending` carries the buyers' totals across slices.
    let index: ParcelIndex | null = null
    for (const [n, doc] of checked.entries()) {
      if (type === 'CEB621' && n % INDEX_SLICE === 0) {
        index = await ParcelIndex.load(
          db,
          checked.slice(n, n + INDEX_SLICE).map((d) => d.head)
        )
      }
      const found = checkDocument(type, doc.mode, doc.head, doc.lines, identity)
      if (index) found.push(...index.check(doc.head, doc.lines, pending))
      if (existing.has(doc.key)) {
        found.push({
          field: MESSAGE_TYPES[type].docNoField,
          key: 'import.exists',
          data: { docNo: doc.key },
          level: 'error',
        })
      }
      for (const p of found) {
        if (p.level !== 'error') continue
        const row = p.line ? (doc.rows[p.line] ?? doc.rows[0]) : doc.rows[0]
        const isLine =
          p.line !== undefined && FIELD_SPECS[type].list?.fields.some((f) => f.name === p.field)
        problems.push({
          row,
          field: isLine ? `${LINE_PREFIX}${p.field}` : p.field,
          key: p.key,
          data: p.data,
        })
      }
    }
    problems.sort((a, b) => a.row - b.row)
    const translate = (list: ImportProblem[]) => this.translate(type, list, locale)
    if (problems.length > 0) {
      const report: ImportReport = { created: 0, errors: problems }
      const batch = await SwImportBatch.create({
        tenantId,
        messageType: type,
        fileName: file.name.slice(0, 255),
        rowCount,
        state: 'rejected',
        report: JSON.stringify({
          created: 0,
          errors: problems.slice(0, 5000),
          total: problems.length,
        }),
        createdBy: actor?.id ?? null,
      })
      return { batch, report: { ...report, errors: translate(problems) }, created: 0 }
    }
    const batch = await db.transaction(async (trx) => {
      const row = await SwImportBatch.create(
        {
          tenantId,
          messageType: type,
          fileName: file.name.slice(0, 255),
          rowCount,
          state: 'accepted',
          report: JSON.stringify({ created: checked.length, errors: [] }),
          createdBy: actor?.id ?? null,
        },
        { client: trx }
      )
      await this.insertDocuments(trx, tenantId, type, row.id, checked, actor)
      await this.audit.record(trx, {
        action: 'sw.batch.import',
        subjectType: 'sw_import_batch',
        subjectId: row.id,
        after: {
          messageType: type,
          fileName: file.name,
          documents: checked.length,
          rows: rowCount,
        },
        tenantId,
        actor: actor ?? undefined,
      })
      return row
    })
    return { batch, report: { created: checked.length, errors: [] }, created: checked.length }
  }

  /**
   * Submits every 'checked' declaration of an accepted batch: checks them again (one that fails
   * stays a draft with its problems and is not sent), then per chunk of 500 one transaction holds
   * the status changes, the outbox messages and the events. Returns how many were queued.
   */
  async submitBatch(tenantId: number, batchId: number, actor: Actor | null = null) {
    await prepareSigner()
    const batch = await SwImportBatch.query()
      .where('tenantId', tenantId)
      .where('id', batchId)
      .first()
    if (!batch)
      throw new DomainException('sw.errors.not_found', {}, { status: 404, code: 'E_NOT_FOUND' })
    const profile = await this.declarations.requireProfile(tenantId)
    const identity = identityOf(profile)
    const transfer = { copCode: profile.copCode, copName: profile.copName, dxpId: profile.dxpId }
    let queued = 0
    let failed = 0
    let lastId = 0
    const pending = new Map<string, Decimal>()
    for (;;) {
      const rows = await db
        .from('sw_declarations')
        .where('tenant_id', tenantId)
        .where('batch_id', batchId)
        .where('status', 'checked')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(CHUNK)
        .select('id', 'message_type', 'business_mode', 'header')
      if (rows.length === 0) break
      lastId = rows[rows.length - 1].id
      const ids = rows.map((r) => r.id)
      const lineRows = await db
        .from('sw_declaration_lines')
        .whereIn('declaration_id', ids)
        .orderBy('declaration_id')
        .orderBy('gnum')
        .select('declaration_id', 'fields')
      const linesOf = new Map<number, Values[]>()
      for (const l of lineRows) {
        const list = linesOf.get(l.declaration_id) ?? []
        list.push(JSON.parse(l.fields))
        linesOf.set(l.declaration_id, list)
      }
      const heads = rows.map((r) => JSON.parse(r.header) as Values)
      const index = batch.messageType === 'CEB621' ? await ParcelIndex.load(db, heads, ids) : null
      const good: Array<{ id: number; guid: string; xml: string }> = []
      const bad: Array<{ id: number; problems: CheckProblem[] }> = []
      rows.forEach((row, i) => {
        const head = heads[i]
        const lines = linesOf.get(row.id) ?? []
        const type = row.message_type as MessageType
        const problems = checkDocument(type, row.business_mode, head, lines, identity)
        if (index) problems.push(...index.check(head, lines, pending))
        if (hasErrors(problems)) {
          bad.push({ id: row.id, problems })
          return
        }
        const rest = { ...head, guid: null }
        const built = buildMessage(type, [{ head: rest, lines }], transfer, { sign: false })
        good.push({ id: row.id, guid: built.guid, xml: built.xml })
      })
      if (MESSAGE_TYPES[batch.messageType as MessageType].signatureRequired && good.length) {
        const signed = await signAll(good.map((g) => g.xml))
        signed.forEach((xml, i) => (good[i].xml = xml))
      }
      await db.transaction(async (trx) => {
        const now = sqlNow()
        for (const b of bad) {
          await trx
            .from('sw_declarations')
            .where('id', b.id)
            .update({ status: 'draft', check_report: JSON.stringify(b.problems), updated_at: now })
        }
        if (good.length === 0) return
        // One UPDATE per chunk: each row's own guid through CASE, the same status for all.
        const cases = good.map(() => 'WHEN ? THEN ?').join(' ')
        const bindings = good.flatMap((g) => [g.id, g.guid])
        await trx
          .from('sw_declarations')
          .whereIn(
            'id',
            good.map((g) => g.id)
          )
          .update({
            status: 'queued',
            last_guid: trx.raw(`CASE id ${cases} END`, bindings),
            submitted_at: now,
            status_text: null,
            check_report: '[]',
            updated_at: now,
          })
        await trx.table('sw_messages').multiInsert(
          good.map((g) => ({
            guid: g.guid,
            tenant_id: tenantId,
            declaration_id: g.id,
            message_type: batch.messageType,
            xml: g.xml,
            state: 'pending',
            attempts: 0,
            created_at: now,
            updated_at: now,
          }))
        )
        await trx.table('sw_declaration_events').multiInsert(
          good.map((g) => ({
            declaration_id: g.id,
            kind: 'submitted',
            status: 'queued',
            text: g.guid,
            occurred_at: now,
            source: 'user',
            dedupe_key: `submitted:${g.guid}`,
            created_by: actor?.id ?? null,
            created_at: now,
          }))
        )
      })
      queued += good.length
      failed += bad.length
    }
    await db.transaction((trx) =>
      this.audit.record(trx, {
        action: 'sw.batch.submit',
        subjectType: 'sw_import_batch',
        subjectId: batchId,
        after: { queued, failed },
        tenantId,
        actor: actor ?? undefined,
      })
    )
    return { queued, failed }
  }

  /** Groups rows into documents by document number; a row without lines-type is one document. */
  private async group(type: MessageType, rows: AsyncIterable<ImportRow>) {
    const info = MESSAGE_TYPES[type]
    const hasLines = FIELD_SPECS[type].list !== null
    const headKeys = importColumns(type)
      .filter((c) => !c.line && c.key !== 'businessMode')
      .map((c) => c.key)
    const lineKeys = importColumns(type)
      .filter((c) => c.line)
      .map((c) => c.key)
    const docs = new Map<string, Doc>()
    const problems: ImportProblem[] = []
    let rowCount = 0
    for await (const row of rows) {
      rowCount++
      const cells = row.cells
      const key = cells[info.docNoField] ?? `#row${row.number}`
      const mode = (cells.businessMode ?? '') as BusinessMode
      if (!info.modes.includes(mode)) {
        problems.push({
          row: row.number,
          field: 'businessMode',
          key: 'import.mode',
          data: { modes: info.modes.join(' / ') },
        })
      }
      let doc = docs.get(key)
      if (doc && !hasLines) {
        problems.push({
          row: row.number,
          field: info.docNoField,
          key: 'import.duplicate_in_file',
          data: { docNo: key, row: doc.rows[0] },
        })
        continue
      }
      if (!doc) {
        const head: Record<string, string> = {}
        for (const k of headKeys) if (cells[k] !== undefined) head[k] = cells[k]
        doc = { key, mode, head, lines: [], rows: [row.number] }
        docs.set(key, doc)
      } else {
        // Later rows of the same document repeat its head; a different value is a mistake.
        for (const k of headKeys) {
          if (cells[k] !== undefined && doc.head[k] !== undefined && cells[k] !== doc.head[k]) {
            problems.push({
              row: row.number,
              field: k,
              key: 'import.head_differs',
              data: { row: doc.rows[0] },
            })
          }
        }
      }
      if (hasLines) {
        const line: Record<string, string> = {}
        for (const k of lineKeys)
          if (cells[k] !== undefined) line[k.slice(LINE_PREFIX.length)] = cells[k]
        doc.lines.push(line)
        doc.rows.push(row.number)
      }
    }
    // doc.rows[0] is the head's row; doc.rows[n] the row of line n (1-based).
    return { docs: [...docs.values()], problems, rowCount }
  }

  private async existingDocNos(tenantId: number, type: MessageType, keys: string[]) {
    const found = new Set<string>()
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await db
        .from('sw_declarations')
        .where('tenant_id', tenantId)
        .where('message_type', type)
        .whereIn('doc_no', keys.slice(i, i + CHUNK))
        .select('doc_no')
      for (const r of rows) found.add(r.doc_no)
    }
    return found
  }

  /** Inserts declarations, lines and 'created' events in chunks, inside the caller's transaction. */
  private async insertDocuments(
    trx: TransactionClientContract,
    tenantId: number,
    type: MessageType,
    batchId: number,
    docs: Doc[],
    actor: Actor | null
  ) {
    const now = sqlNow()
    const direction = MESSAGE_TYPES[type].direction
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk = docs.slice(i, i + CHUNK)
      await trx.table('sw_declarations').multiInsert(
        chunk.map((doc) => {
          const d = derivedColumns(type, doc.head, doc.lines)
          return {
            tenant_id: tenantId,
            message_type: type,
            direction,
            business_mode: doc.mode,
            ...d,
            header: JSON.stringify(doc.head),
            status: 'checked',
            check_report: '[]',
            batch_id: batchId,
            created_by: actor?.id ?? null,
            created_at: now,
            updated_at: now,
          }
        })
      )
      const ids = await trx
        .from('sw_declarations')
        .where('tenant_id', tenantId)
        .where('message_type', type)
        .whereIn(
          'doc_no',
          chunk.map((d) => d.key)
        )
        .select('id', 'doc_no')
      const idOf = new Map(ids.map((r) => [r.doc_no as string, r.id as number]))
      const lines = chunk.flatMap((doc) =>
        doc.lines.map((line) => lineRow(idOf.get(doc.key)!, line))
      )
      for (let j = 0; j < lines.length; j += CHUNK) {
        await trx.table('sw_declaration_lines').multiInsert(lines.slice(j, j + CHUNK))
      }
      await trx.table('sw_declaration_events').multiInsert(
        chunk.map((doc) => ({
          declaration_id: idOf.get(doc.key),
          kind: 'created',
          status: 'checked',
          text: null,
          occurred_at: now,
          source: 'import',
          data: JSON.stringify({ batchId }),
          dedupe_key: `created:${idOf.get(doc.key)}`,
          created_by: actor?.id ?? null,
          created_at: now,
        }))
      )
    }
  }

  /** The report in the user's language: row, field (label and name), message. */
  translate(type: MessageType, problems: ImportProblem[], locale = 'zh-CN') {
    const t = i18nManager.locale(locale)
    const labels = new Map(importColumns(type).map((c) => [c.key, c.label]))
    return problems.map((p) => ({
      ...p,
      label: labels.get(p.field) ? `${labels.get(p.field)} (${p.field})` : p.field,
      message: t.t(`sw.${p.key}`, p.data ?? {}),
    }))
  }
}
