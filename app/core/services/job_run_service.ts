import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Makes a job's side effect happen once per key: the key row and the effect commit in one
 * transaction, so a redelivered job (or a crash before commit) can never apply it twice.
 */
export default class JobRunService {
  static async once<T>(
    jobName: string,
    key: string,
    effect: (trx: TransactionClientContract) => Promise<T>
  ) {
    return db.transaction(async (trx) => {
      // A row committed earlier is always 'done': the key and the effect commit together.
      await trx
        .table('job_runs')
        .insert({
          job_name: jobName,
          idempotency_key: key,
          status: 'running',
          started_at: DateTime.utc().toSQL({ includeOffset: false }),
        })
        .onConflict('idempotency_key')
        .ignore()
      const mine = await trx.from('job_runs').where('idempotency_key', key).first()
      if (mine.status === 'done') return { skipped: true as const }
      const result = await effect(trx)
      await trx
        .from('job_runs')
        .where('idempotency_key', key)
        .update({
          status: 'done',
          result: JSON.stringify(result ?? null),
          finished_at: DateTime.utc().toSQL({ includeOffset: false }),
        })
      return { skipped: false as const, result }
    })
  }

  /** The latest finished run of a job, with its parsed result. */
  static async latest(jobName: string) {
    const row = await db
      .from('job_runs')
      .where({ job_name: jobName, status: 'done' })
      .orderBy('id', 'desc')
      .first()
    return row ? { ...row, result: row.result ? JSON.parse(row.result) : null } : null
  }
}
