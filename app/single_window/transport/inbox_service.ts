import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import NotificationService from '#core/services/notification_service'
import {
  DEFAULT_MAX_BYTES,
  parseReceipt,
  readReceiptFile,
  ReceiptParseError,
  type LogisticsStatusRecord,
  type ReceiptRecord,
} from '#single_window/receipts/receipt_parser'
import { RECEIPT_TYPES } from '#single_window/receipts/receipt_types'
import { describeStatus } from '#single_window/receipts/status_catalogue'
import { ExchangeFolders, fsOps } from '#single_window/transport/exchange'
import TrackingService from '#single_window/tracking/tracking_service'

export interface InboxRunResult {
  files: number
  archived: number
  failed: number
  records: number
  /** Records that added a timeline event (new receipts). */
  applied: number
  /** Records already applied before (the same receipt again): nothing changed. */
  duplicates: number
}

interface ParsedFile {
  name: string
  sha256: string
  size: number
  messageType: string
  records: Array<ReceiptRecord | LogisticsStatusRecord>
  /** Declaration of each record (receipts) or tenant (CEB513), by index. */
  targets: Array<Target | null>
  applied: number
  tenantId: number | null
}

interface Target {
  declarationId: number
  tenantId: number
  messageType: string
  logisticsNo: string | null
}

interface DeclarationRow {
  id: number
  tenant_id: number
  message_type: string
  doc_no: string
  logistics_no: string | null
  /** h_ebcCode, h_ebpCode …: the head keys CROSS_CHECKED. */
  [key: `h_${string}`]: string | null
}

/** Keys of a receipt compared with the declaration's head, when both have them (tenant safety). */
const CROSS_CHECKED = ['ebpCode', 'ebcCode', 'agentCode', 'payCode', 'logisticsCode', 'customsCode']

const sql = (value: Date | DateTime) =>
  (value instanceof Date ? DateTime.fromJSDate(value) : value)
    .toUTC()
    .toSQL({ includeOffset: false })!

/** A receipt record's identity: the same receipt read twice has the same key. */
export function receiptDedupeKey(r: ReceiptRecord) {
  const digest = createHash('sha256')
    .update([r.messageType, r.docNo, r.returnStatus, r.returnTime, r.returnInfo].join('\u0000'))
    .digest('hex')
  return `rcpt:${digest}`
}

/**
 * Reads SW_EXCHANGE_DIR/InBox and applies the receipts to their declarations (issue 6,
 * "Receipts"): each file is parsed (receipt_parser), every record matched to its declaration,
 * and the records of all readable files applied in order of returnTime — status, returnInfo and
 * time on the declaration, an event on its timeline — in one transaction per chunk. The same
 * receipt twice changes nothing (the event's dedupe key). Applied files move to
 * ArchiveBox/<day>/; unreadable files and files with a record for an unknown declaration move to
 * FailBox with `<file>.reason.txt` beside them, and the operators are told. No file is deleted,
 * and a file is applied whole or not at all.
 */
export default class InboxService {
  readonly folders: ExchangeFolders
  readonly maxBytes: number
  readonly chunkSize: number
  #notifications = new NotificationService()
  #tracking = new TrackingService()

  constructor(options: { folders?: ExchangeFolders; maxBytes?: number; chunkSize?: number } = {}) {
    this.folders = options.folders ?? new ExchangeFolders()
    this.maxBytes =
      options.maxBytes ?? (Number(process.env.SW_RECEIPT_MAX_BYTES) || DEFAULT_MAX_BYTES)
    this.chunkSize = options.chunkSize ?? 2000
  }

  /**
   * Reads the InBox (at most `limit` files), `filesPerPass` files (100: 10,000 receipts) at a time so memory stays
   * bounded however full the InBox is; within a pass the records apply in returnTime order, and
   * across passes a declaration's status only moves to a newer returnTime.
   */
  async run(options: { limit?: number; filesPerPass?: number } = {}): Promise<InboxRunResult> {
    await this.folders.ensure()
    const limit = options.limit ?? 5000
    const perPass = options.filesPerPass ?? 100
    const total: InboxRunResult = {
      files: 0,
      archived: 0,
      failed: 0,
      records: 0,
      applied: 0,
      duplicates: 0,
    }
    while (total.files < limit) {
      const names = await this.folders.list('InBox', Math.min(perPass, limit - total.files))
      if (!names.length) break
      const pass = await this.#pass(names)
      for (const key of Object.keys(total) as Array<keyof InboxRunResult>) total[key] += pass[key]
    }
    return total
  }

  async #pass(names: string[]): Promise<InboxRunResult> {
    const result: InboxRunResult = {
      files: names.length,
      archived: 0,
      failed: 0,
      records: 0,
      applied: 0,
      duplicates: 0,
    }
    const parsed: ParsedFile[] = []
    for (const name of names) {
      let bytes: Buffer
      try {
        bytes = await readReceiptFile(this.folders.path('InBox', name), this.maxBytes)
      } catch (error) {
        if (error instanceof ReceiptParseError)
          await this.#fail(name, null, error.code, error.detail)
        else await this.#fail(name, null, 'unreadable', (error as Error).message)
        result.failed++
        continue
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      try {
        const file = parseReceipt(bytes, this.maxBytes)
        parsed.push({
          name,
          sha256,
          size: bytes.length,
          messageType: file.messageType,
          records: file.records,
          targets: [],
          applied: 0,
          tenantId: null,
        })
      } catch (error) {
        const e =
          error instanceof ReceiptParseError
            ? error
            : new ReceiptParseError('malformed', String(error))
        await this.#fail(name, { sha256, size: bytes.length }, e.code, e.detail)
        result.failed++
      }
    }

    await this.#resolve(parsed)
    const good: ParsedFile[] = []
    for (const file of parsed) {
      const missing = file.records.findIndex((_r, i) => !file.targets[i])
      if (missing === -1) {
        good.push(file)
        continue
      }
      const record = file.records[missing]
      const detail =
        record.kind === 'receipt'
          ? `${record.messageType} ${record.docNo ?? JSON.stringify(record.keys)}`
          : `CEB513 ${record.logisticsNo}`
      await this.#fail(file.name, file, 'unknown_declaration', `no declaration for ${detail}`, {
        type: record.messageType,
        docNo: record.kind === 'receipt' ? (record.docNo ?? '') : record.logisticsNo,
      })
      result.failed++
    }

    const { applied, duplicates } = await this.#apply(good)
    result.applied = applied
    result.duplicates = duplicates
    for (const file of good) {
      result.records += file.records.length
      await this.#archive(file)
      result.archived++
    }
    return result
  }

  /** Finds each record's declaration (receipts) or tenant (CEB513). */
  async #resolve(files: ParsedFile[]) {
    const wanted = new Map<string, Set<string>>()
    const waybills = new Set<string>()
    for (const file of files) {
      for (const r of file.records) {
        if (r.kind === 'logistics_status') waybills.add(r.logisticsNo)
        else if (r.docNo && RECEIPT_TYPES[r.messageType]?.docKey) {
          if (!wanted.has(r.requestType)) wanted.set(r.requestType, new Set())
          wanted.get(r.requestType)!.add(r.docNo)
        }
      }
    }
    const byDoc = new Map<string, DeclarationRow[]>()
    // Only the head keys compared below, extracted by the database: the whole JSON is large.
    const extract = (key: string) =>
      db.connection().dialect.name === 'mysql'
        ? db.raw(`JSON_UNQUOTE(JSON_EXTRACT(header, '$.${key}')) as h_${key}`)
        : db.raw(`json_extract(header, '$.${key}') as h_${key}`)
    const columns = [
      'id',
      'tenant_id',
      'message_type',
      'doc_no',
      'logistics_no',
      ...CROSS_CHECKED.map(extract),
    ]
    for (const [type, docs] of wanted) {
      const list = [...docs]
      for (let i = 0; i < list.length; i += 500) {
        const rows: DeclarationRow[] = await db
          .from('sw_declarations')
          .where('message_type', type)
          .whereIn('doc_no', list.slice(i, i + 500))
          .select(columns)
        for (const row of rows) {
          const key = `${row.message_type}|${row.doc_no}`
          if (!byDoc.has(key)) byDoc.set(key, [])
          byDoc.get(key)!.push(row)
        }
      }
    }
    const byWaybill = new Map<string, Set<number>>()
    const list = [...waybills]
    for (let i = 0; i < list.length; i += 500) {
      const rows = await db
        .from('sw_declarations')
        .whereIn('logistics_no', list.slice(i, i + 500))
        .select('tenant_id', 'logistics_no', 'id')
      for (const row of rows) {
        if (!byWaybill.has(row.logistics_no)) byWaybill.set(row.logistics_no, new Set())
        byWaybill.get(row.logistics_no)!.add(Number(row.tenant_id))
      }
    }
    const headerKey = (row: DeclarationRow, key: string) => {
      const value = row[`h_${key}`]
      return value === null || value === undefined ? undefined : String(value)
    }
    for (const file of files) {
      file.targets = file.records.map((r) => {
        if (r.kind === 'logistics_status') {
          const tenants = byWaybill.get(r.logisticsNo)
          if (!tenants || tenants.size !== 1) return null
          const [tenantId] = tenants
          return { declarationId: 0, tenantId, messageType: 'CEB513', logisticsNo: r.logisticsNo }
        }
        const candidates = (byDoc.get(`${r.requestType}|${r.docNo}`) ?? []).filter((row) =>
          CROSS_CHECKED.every((key) => {
            const theirs = r.keys[key]
            const ours = theirs === undefined ? undefined : headerKey(row, key)
            return theirs === undefined || ours === undefined || ours === '' || ours === theirs
          })
        )
        if (candidates.length !== 1) return null
        const row = candidates[0]
        return {
          declarationId: Number(row.id),
          tenantId: Number(row.tenant_id),
          messageType: row.message_type,
          logisticsNo: row.logistics_no,
        }
      })
      const tenants = new Set(file.targets.filter(Boolean).map((t) => t!.tenantId))
      file.tenantId = tenants.size === 1 ? [...tenants][0] : null
    }
  }

  /** Applies every record of the good files in returnTime order, one transaction per chunk. */
  async #apply(files: ParsedFile[]) {
    type Item = { file: ParsedFile; record: ReceiptRecord; target: Target; order: number }
    const receipts: Item[] = []
    const statuses = new Map<number, { file: ParsedFile; records: LogisticsStatusRecord[] }>()
    let order = 0
    for (const file of files) {
      file.records.forEach((record, i) => {
        const target = file.targets[i]!
        if (record.kind === 'receipt') receipts.push({ file, record, target, order: order++ })
        else {
          const entry = statuses.get(target.tenantId) ?? { file, records: [] }
          entry.records.push(record)
          statuses.set(target.tenantId, entry)
        }
      })
    }
    // SPEC.md §2: returnTime is YYYYMMDDhhmmssSSS, so string order is time order.
    receipts.sort((a, b) =>
      a.record.returnTime < b.record.returnTime
        ? -1
        : a.record.returnTime > b.record.returnTime
          ? 1
          : a.order - b.order
    )
    let applied = 0
    let duplicates = 0
    /** The returnTime each declaration's status is at, across chunks. */
    const current = new Map<number, string | null>()
    for (let i = 0; i < receipts.length; i += this.chunkSize) {
      const chunk = receipts.slice(i, i + this.chunkSize)
      await db.transaction(async (trx) => {
        const keys = chunk.map((item) => receiptDedupeKey(item.record))
        const known = new Set<string>()
        for (let k = 0; k < keys.length; k += 500) {
          const rows = await trx
            .from('sw_declaration_events')
            .whereIn('dedupe_key', keys.slice(k, k + 500))
            .select('dedupe_key')
          for (const row of rows) known.add(row.dedupe_key)
        }
        const ids = [...new Set(chunk.map((item) => item.target.declarationId))].filter(
          (id) => !current.has(id)
        )
        for (let k = 0; k < ids.length; k += 500) {
          const rows = await trx
            .from('sw_declarations')
            .whereIn('id', ids.slice(k, k + 500))
            .select('id', 'status_return_time')
          for (const row of rows) current.set(Number(row.id), row.status_return_time ?? null)
        }
        const now = sql(DateTime.utc())
        const events: Record<string, unknown>[] = []
        const latest = new Map<number, Item>()
        const seen = new Set<string>()
        chunk.forEach((item, index) => {
          const key = keys[index]
          if (known.has(key) || seen.has(key)) {
            duplicates++
            return
          }
          seen.add(key)
          applied++
          item.file.applied++
          const r = item.record
          events.push({
            declaration_id: item.target.declarationId,
            kind: 'receipt',
            status: r.returnStatus.slice(0, 20),
            text: r.returnInfo,
            occurred_at: sql(r.returnAt),
            return_time: r.returnTime,
            source: item.file.name.slice(0, 255),
            data: JSON.stringify({ receipt: r.messageType, guid: r.guid, keys: r.keys }),
            dedupe_key: key,
            created_at: now,
          })
          const at = current.get(item.target.declarationId)
          // Receipts apply in returnTime order: an older one arriving late joins the timeline only.
          if (at === undefined || at === null || r.returnTime >= at) {
            current.set(item.target.declarationId, r.returnTime)
            latest.set(item.target.declarationId, item)
          }
        })
        for (let k = 0; k < events.length; k += 500) {
          await trx.table('sw_declaration_events').multiInsert(events.slice(k, k + 500))
        }
        // One UPDATE per 400 declarations: each row's own values through CASE id … ELSE col END.
        const updates = [...latest].map(([id, item]) => ({ id, r: item.record }))
        for (let k = 0; k < updates.length; k += 400) {
          const part = updates.slice(k, k + 400)
          const caseOf = (column: string, value: (r: ReceiptRecord) => string | undefined) => {
            const bindings: Array<string | number> = []
            for (const u of part) {
              const v = value(u.r)
              if (v !== undefined) bindings.push(u.id, v)
            }
            if (!bindings.length) return undefined
            const whens = 'WHEN ? THEN ? '.repeat(bindings.length / 2)
            return trx.raw(`CASE id ${whens}ELSE ${column} END`, bindings)
          }
          const update: Record<string, unknown> = {
            status: caseOf('status', (r) => r.returnStatus.slice(0, 20)),
            status_text: caseOf('status_text', (r) => r.returnInfo),
            status_at: caseOf('status_at', (r) => sql(r.returnAt)),
            status_return_time: caseOf('status_return_time', (r) => r.returnTime),
            updated_at: now,
          }
          const preNo = caseOf('pre_no', (r) => r.keys.preNo?.slice(0, 18))
          const invtNo = caseOf('invt_no', (r) => r.keys.invtNo?.slice(0, 20))
          if (preNo) update.pre_no = preNo
          if (invtNo) update.invt_no = invtNo
          await trx
            .from('sw_declarations')
            .whereIn(
              'id',
              part.map((u) => u.id)
            )
            .update(update)
        }
        await this.#sideEffects(
          trx,
          chunk.filter((_item, index) => !known.has(keys[index]))
        )
      })
    }
    for (const [tenantId, entry] of statuses) {
      await db.transaction(async (trx) => {
        const result = await this.#tracking.recordLogisticsStatus(
          trx,
          tenantId,
          entry.records,
          (r) =>
            `CEB513 ${r.logisticsStatus}${r.logisticsName ? ` ${r.logisticsName}` : ''}`.slice(
              0,
              200
            )
        )
        applied += result.created.length
        duplicates += result.duplicates.length
        entry.file.applied += result.created.length
      })
    }
    return { applied, duplicates }
  }

  /** Release (800) → tracking; rejection (100) or processing error → the tenant is told. */
  async #sideEffects(
    trx: TransactionClientContract,
    items: Array<{ record: ReceiptRecord; target: Target; file: ParsedFile }>
  ) {
    const releases = new Map<
      number,
      Array<{ declarationId: number; logisticsNo: string; at: Date; type: string }>
    >()
    for (const { record, target } of items) {
      const status = describeStatus(record.returnStatus)
      if (
        status.category === 'released' &&
        target.logisticsNo &&
        (record.messageType === 'CEB622' || record.messageType === 'CEB604')
      ) {
        const list = releases.get(target.tenantId) ?? []
        list.push({
          declarationId: target.declarationId,
          logisticsNo: target.logisticsNo,
          at: record.returnAt,
          type: record.messageType,
        })
        releases.set(target.tenantId, list)
      }
      if (status.category === 'rejected' || status.category === 'error') {
        await this.#notifications.notifyTenant(trx, target.tenantId, {
          kind: 'sw.receipt_rejected',
          messageKey: 'sw_status.notify.rejected',
          data: {
            type: record.requestType,
            docNo: record.docNo ?? '',
            code: record.returnStatus,
            info: record.returnInfo.slice(0, 200),
          },
          dedupeKey: `sw-rejected:${target.declarationId}:${record.returnStatus}:${record.returnTime}`,
        })
      }
    }
    for (const [tenantId, list] of releases) {
      await this.#tracking.record(
        trx,
        tenantId,
        'receipt',
        list.map((r) => ({
          eventId: `release:${r.declarationId}`,
          logisticsNo: r.logisticsNo,
          stage: 'released' as const,
          // The action text is data, not a page string: the receipt's own words (SPEC.md §6.3).
          action: `${r.type} 800 海关放行`,
          occurredAt: r.at,
          place: null,
          declarationId: r.declarationId,
        }))
      )
    }
  }

  async #archive(file: ParsedFile) {
    const day = DateTime.now().setZone('Asia/Shanghai').toISODate()!
    let storedAs: string
    try {
      storedAs = `ArchiveBox/${await this.folders.move('InBox', file.name, 'ArchiveBox', day)}`
    } catch (error) {
      // Another inbox run took it first: its records were applied once (dedupe keys).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    await db.table('sw_inbox_files').insert({
      file_name: file.name.slice(0, 255),
      stored_as: storedAs.slice(0, 400),
      sha256: file.sha256,
      size: file.size,
      state: 'archived',
      message_type: file.messageType,
      records: file.records.length,
      applied: file.applied,
      reason_code: null,
      reason: null,
      tenant_id: file.tenantId,
      processed_at: sql(DateTime.utc()),
    })
  }

  /** FailBox with the reason beside the file, a log row, and the operators alerted. */
  async #fail(
    name: string,
    file: {
      sha256: string
      size: number
      messageType?: string
      records?: unknown[]
      tenantId?: number | null
    } | null,
    code: string,
    detail: string,
    extra: { type?: string; docNo?: string } = {}
  ) {
    let storedName: string
    try {
      storedName = await this.folders.move('InBox', name, 'FailBox')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    const reason = `${code}: ${detail}`
    await fsOps.writeFile(
      this.folders.path('FailBox', `${storedName}.reason.txt`),
      `file: ${name}\nreason: ${reason}\nat: ${DateTime.utc().toISO()}\n`
    )
    await db.transaction(async (trx) => {
      await trx.table('sw_inbox_files').insert({
        file_name: name.slice(0, 255),
        stored_as: `FailBox/${storedName}`.slice(0, 400),
        sha256: file?.sha256 ?? '',
        size: file?.size ?? 0,
        state: 'failed',
        message_type: file?.messageType ?? null,
        records: file?.records?.length ?? 0,
        applied: 0,
        reason_code: code,
        reason: detail.slice(0, 2000),
        tenant_id: null,
        processed_at: sql(DateTime.utc()),
      })
      await this.#notifications.notifyOperators(trx, {
        kind: code === 'unknown_declaration' ? 'sw.receipt_unknown' : 'sw.receipt_failed',
        messageKey:
          code === 'unknown_declaration'
            ? 'sw_status.notify.unknown_declaration'
            : 'sw_status.notify.failbox',
        data: {
          file: name,
          reason: reason.slice(0, 300),
          type: extra.type ?? '',
          docNo: extra.docNo ?? '',
        },
        dedupeKey: `sw-failbox:${storedName}`,
      })
    })
  }
}
