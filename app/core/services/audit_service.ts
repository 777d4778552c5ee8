import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidRow } from '@adonisjs/lucid/types/model'

export const GENESIS_HASH = '0'.repeat(64)

/** Keys never written to the trail, whatever the caller passes. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'rememberMeToken'])

export interface AuditEntry {
  action: string
  subjectType: string
  subjectId?: string | number | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
  tenantId?: number | null
  /** Defaults to the logged-in user of the current request. */
  actor?: { id: number; email: string } | null
}

/** A record the audited helpers can save: any Lucid row with a numeric id. */
type AuditedRow = LucidRow & { id: number }

export interface AuditOptions {
  tenantId?: number | null
  actor?: AuditEntry['actor']
  /** Save inside the caller's transaction instead of opening one. */
  client?: TransactionClientContract
}

export interface ChainVerdict {
  intact: boolean
  checked: number
  brokenAt?: number
  reason?: 'hash_mismatch' | 'link_mismatch'
}

function scrub(values?: Record<string, unknown> | null) {
  if (!values) return null
  const clean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (SECRET_KEYS.has(key)) continue
    clean[key] = value instanceof DateTime ? value.toUTC().toISO() : value
  }
  return JSON.stringify(clean)
}

/** The content a row's hash covers, in a fixed order. */
function rowContent(row: Record<string, any>) {
  return JSON.stringify([
    row.occurred_at,
    row.actor_id ?? null,
    row.actor_label ?? null,
    row.action,
    row.subject_type,
    row.subject_id ?? null,
    row.before_values ?? null,
    row.after_values ?? null,
    row.tenant_id ?? null,
    row.ip ?? null,
    row.request_id ?? null,
  ])
}

export function chainHash(prevHash: string, row: Record<string, any>) {
  return createHash('sha256').update(prevHash).update(rowContent(row)).digest('hex')
}

/**
 * The audit trail (GB/T 39678 7.2 records): who changed what, before and after, when, from where.
 * Rows are append-only and each carries the hash of the previous row, so any rewrite shows.
 */
export default class AuditService {
  /** Appends one entry inside the caller's transaction; the chain head row serialises appends. */
  async record(trx: TransactionClientContract, entry: AuditEntry) {
    const ctx = HttpContext.get()
    const actor = entry.actor === undefined ? ctx?.auth?.user : entry.actor
    const head = await this.lockHead(trx)
    const row: Record<string, any> = {
      occurred_at: DateTime.utc().toISO(),
      actor_id: actor?.id ?? null,
      actor_label: actor?.email ?? null,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id:
        entry.subjectId === null || entry.subjectId === undefined ? null : String(entry.subjectId),
      before_values: scrub(entry.before),
      after_values: scrub(entry.after),
      tenant_id: entry.tenantId ?? null,
      ip: ctx?.request.ip() ?? null,
      request_id: ctx?.request.id() ?? null,
      prev_hash: head.last_hash,
    }
    row.hash = chainHash(head.last_hash, row)
    const [id] = await trx.table('audit_logs').insert(row)
    await trx.from('audit_chain_heads').where('id', 1).update({ last_id: id, last_hash: row.hash })
    return row.hash as string
  }

  /**
   * Changes a record and saves it in one transaction (the caller's, when `options.client` is
   * given), recording its values before and after.
   */
  async saveChanges<T extends AuditedRow>(
    row: T,
    action: string,
    subjectType: string,
    change: (row: T, trx: TransactionClientContract) => unknown,
    { client, ...options }: AuditOptions = {}
  ) {
    const run = async (trx: TransactionClientContract) => {
      row.useTransaction(trx)
      const before = row.serialize()
      await change(row, trx)
      await row.save()
      await this.record(trx, {
        action,
        subjectType,
        subjectId: row.id,
        before,
        after: row.serialize(),
        ...options,
      })
      return row
    }
    return client ? run(client) : db.transaction(run)
  }

  /** Deletes a record in one transaction, recording what it was. */
  async deleteRecord<T extends AuditedRow>(
    row: T,
    action: string,
    subjectType: string,
    options: AuditOptions = {}
  ) {
    await db.transaction(async (trx) => {
      row.useTransaction(trx)
      const before = row.serialize()
      await row.delete()
      await this.record(trx, { action, subjectType, subjectId: row.id, before, ...options })
    })
  }

  private lockHead(trx: TransactionClientContract) {
    const query = trx.from('audit_chain_heads').where('id', 1)
    if (trx.dialect.name === 'mysql') query.forUpdate()
    return query.firstOrFail()
  }

  /** Walks the whole chain in id order and reports the first broken link. */
  async verify(pageSize = 2000): Promise<ChainVerdict> {
    let state = { prev: GENESIS_HASH, checked: 0 }
    let lastId = 0
    for (;;) {
      const rows = await db
        .from('audit_logs')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(pageSize)
      if (rows.length === 0) return { intact: true, checked: state.checked }
      const verdict = AuditService.checkRows(rows, state)
      if (!verdict.intact) return verdict
      state = { prev: rows[rows.length - 1].hash, checked: verdict.checked }
      lastId = Number(rows[rows.length - 1].id)
    }
  }

  /** Checks consecutive rows against the hash before them: each must link to it and hash right. */
  static checkRows(
    rows: Record<string, any>[],
    from = { prev: GENESIS_HASH, checked: 0 }
  ): ChainVerdict {
    let { prev, checked } = from
    for (const row of rows) {
      if (row.prev_hash !== prev)
        return { intact: false, checked, brokenAt: Number(row.id), reason: 'link_mismatch' }
      if (chainHash(row.prev_hash, row) !== row.hash)
        return { intact: false, checked, brokenAt: Number(row.id), reason: 'hash_mismatch' }
      prev = row.hash
      checked++
    }
    return { intact: true, checked }
  }
}
