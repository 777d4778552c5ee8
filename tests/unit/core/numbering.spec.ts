import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import NumberingService from '#core/services/numbering_service'

/**
 * Runs outside the global transaction on purpose: the point is concurrent transactions.
 * It cleans its own rows.
 */
test.group('Numbering', (group) => {
  group.each.teardown(async () => {
    await db.from('number_sequences').whereIn('kind', ['TS', 'QA']).delete()
  })

  test('numbers are per kind and per Shanghai day', async ({ assert }) => {
    const at = DateTime.fromISO('2026-11-23T17:30:00Z') // already the 24th in Shanghai
    const first = await db.transaction((trx) => NumberingService.next(trx, 'TS', at))
    const second = await db.transaction((trx) => NumberingService.next(trx, 'TS', at))
    const other = await db.transaction((trx) => NumberingService.next(trx, 'QA', at))
    assert.deepEqual(
      [first, second, other],
      ['TS20261124-0001', 'TS20261124-0002', 'QA20261124-0001']
    )
  })

  test('concurrent transactions get unique, gap-free numbers; a rollback gives its number back', async ({
    assert,
  }) => {
    const at = DateTime.fromISO('2026-11-23T02:00:00Z')
    const tries = Array.from({ length: 20 }, (_, i) =>
      db
        .transaction(async (trx) => {
          const number = await NumberingService.next(trx, 'TS', at)
          if (i % 5 === 4) throw new Error('rolled back')
          return number
        })
        .catch(() => null)
    )
    const numbers = (await Promise.all(tries)).filter((n): n is string => n !== null).sort()
    assert.lengthOf(numbers, 16)
    assert.deepEqual(
      numbers,
      Array.from({ length: 16 }, (_, i) => `TS20261123-${String(i + 1).padStart(4, '0')}`)
    )
  })
})
