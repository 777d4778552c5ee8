import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NotificationService from '#core/services/notification_service'
import { ExchangeFolders, messageFileName } from '#single_window/transport/exchange'

export interface OutboxResult {
  /** Files written into OutBox. */
  written: number
  /** Messages whose file was there already (a crash after the rename): marked written, not rewritten. */
  alreadyThere: number
  /** Messages whose write failed this time; they stay pending and are tried again. */
  failed: number
  /** Messages that failed MAX_ATTEMPTS times: state `failed`, operators told. */
  gaveUp: number
}

/** A message is tried this many times before it is set aside for an operator. */
export const MAX_ATTEMPTS = 10

const sql = (value: DateTime) => value.toUTC().toSQL({ includeOffset: false })!

/**
 * The transactional outbox's second half (issue 6, "Messages and transport"): each pending
 * sw_messages row — written in the same transaction as its declaration's state change by
 * SW-core's DeclarationService — becomes one file in SW_EXCHANGE_DIR/OutBox, exactly once:
 * temp files flushed to disk once per chunk, then linked into place (ExchangeFolders.writeBatch),
 * named from the guid, then the rows are marked written. A file already in OutBox or SentBox is never written again. When the disk
 * fails, the row stays pending with the error and the attempt counted, and the caller (the job)
 * is told so it retries.
 */
export default class OutboxService {
  readonly folders: ExchangeFolders
  readonly chunkSize: number
  #notifications = new NotificationService()

  constructor(options: { folders?: ExchangeFolders; chunkSize?: number } = {}) {
    this.folders = options.folders ?? new ExchangeFolders()
    this.chunkSize = options.chunkSize ?? 500
  }

  /** Writes every pending message (up to `limit`), oldest first. */
  async flush(options: { limit?: number } = {}): Promise<OutboxResult> {
    await this.folders.ensure()
    const limit = options.limit ?? 100_000
    const result: OutboxResult = { written: 0, alreadyThere: 0, failed: 0, gaveUp: 0 }
    let lastId = 0
    let seen = 0
    while (seen < limit) {
      const rows: Array<{
        id: number
        guid: string
        tenant_id: number
        declaration_id: number
        message_type: string
        xml: string
        attempts: number
      }> = await db
        .from('sw_messages')
        .where('state', 'pending')
        .where('id', '>', lastId)
        .orderBy('id', 'asc')
        .limit(Math.min(this.chunkSize, limit - seen))
        .select('id', 'guid', 'tenant_id', 'declaration_id', 'message_type', 'xml', 'attempts')
      if (!rows.length) break
      seen += rows.length
      lastId = Number(rows[rows.length - 1].id)
      // Claim: the attempt is counted before the write. A row still pending with attempts > 0 may
      // have been written by a run that crashed before marking it: its name is looked for first.
      const maybeWritten = new Set(
        rows
          .filter((r) => Number(r.attempts) > 0)
          .map((r) => messageFileName(r.message_type, r.guid))
      )
      await db
        .from('sw_messages')
        .whereIn(
          'id',
          rows.map((r) => r.id)
        )
        .update({ attempts: db.raw('attempts + 1') })
      const outcome = await this.folders.writeBatch(
        'OutBox',
        rows.map((r) => ({ name: messageFileName(r.message_type, r.guid), content: r.xml })),
        { check: maybeWritten, alsoIn: ['SentBox', 'FailBox'] }
      )
      const done: typeof rows = []
      const failures: Array<{ row: (typeof rows)[number]; error: string }> = []
      for (const row of rows) {
        const written = outcome.get(messageFileName(row.message_type, row.guid))
        if (written === 'written' || written === 'exists') {
          done.push(row)
          if (written === 'written') result.written++
          else result.alreadyThere++
        } else failures.push({ row, error: written?.message || String(written) })
      }
      await db.transaction(async (trx) => {
        const now = sql(DateTime.utc())
        const concat =
          trx.dialect.name === 'mysql'
            ? "CONCAT(message_type, 'Message_', guid, '.xml')"
            : "message_type || 'Message_' || guid || '.xml'"
        for (let i = 0; i < done.length; i += 500) {
          const ids = done.slice(i, i + 500).map((r) => r.id)
          await trx
            .from('sw_messages')
            .whereIn('id', ids)
            .where('state', 'pending')
            .update({
              state: 'written',
              written_at: now,
              file_name: trx.raw(concat),
              last_error: null,
              updated_at: now,
            })
          await trx
            .table('sw_declaration_events')
            .multiInsert(
              done.slice(i, i + 500).map((r) => ({
                declaration_id: r.declaration_id,
                kind: 'written',
                status: null,
                text: messageFileName(r.message_type, r.guid),
                occurred_at: now,
                return_time: null,
                source: 'outbox',
                data: JSON.stringify({ guid: r.guid }),
                dedupe_key: `written:${r.guid}`,
                created_at: now,
              }))
            )
            .onConflict('dedupe_key')
            .ignore()
        }
        for (const { row, error } of failures) {
          const gaveUp = Number(row.attempts) + 1 >= MAX_ATTEMPTS
          await trx
            .from('sw_messages')
            .where('id', row.id)
            .update({
              last_error: error.slice(0, 2000),
              state: gaveUp ? 'failed' : 'pending',
              updated_at: now,
            })
          if (gaveUp) {
            result.gaveUp++
            await this.#notifications.notifyOperators(trx, {
              kind: 'sw.outbox_failed',
              messageKey: 'sw_status.notify.outbox_failed',
              data: { guid: row.guid, error: error.slice(0, 200) },
              tenantId: null,
              dedupeKey: `sw-outbox-failed:${row.guid}`,
            })
          }
        }
      })
      result.failed += failures.length
    }
    return result
  }
}
