import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Human-readable numbers per kind and day, e.g. `TS20261123-0001`. The counter row is bumped in
 * one upsert inside the caller's transaction: the row lock serialises concurrent callers, and a
 * rolled-back transaction gives its number back, so the sequence has no gaps.
 */
export default class NumberingService {
  static async next(trx: TransactionClientContract, kind: string, at: DateTime = DateTime.now()) {
    if (!/^[A-Z]{2,6}$/.test(kind)) throw new Error(`Invalid number kind "${kind}"`)
    const day = at.setZone('Asia/Shanghai').toFormat('yyyyMMdd')
    await trx
      .table('number_sequences')
      .insert({ kind, day, last_value: 1 })
      .onConflict(['kind', 'day'])
      .merge({ last_value: trx.raw('number_sequences.last_value + 1') as any })
    const row = await trx.from('number_sequences').where({ kind, day }).firstOrFail()
    return `${kind}${day}-${String(row.last_value).padStart(4, '0')}`
  }
}
