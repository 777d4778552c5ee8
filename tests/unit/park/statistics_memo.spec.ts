import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { dataVersion } from '#core/services/data_version'
import StatisticsService from '#park/services/statistics_service'
import { makeTenant } from '#tests/helpers/world'

const DAY = DateTime.fromISO('2026-06-01', { zone: 'Asia/Shanghai' })
const stamp = '2026-05-01 02:00:00'

/**
 * Runs outside the global transaction on purpose: memoised statistics are only used outside
 * one, and the point is that any committed write — through a model, a raw query or another
 * connection — is seen at once. It cleans its own rows.
 */
test.group('Park: memoised statistics', (group) => {
  const created = { building: 0, units: [] as number[], lease: 0, tenant: 0 }

  group.each.teardown(async () => {
    if (created.lease) await db.from('lease_units').where('lease_id', created.lease).delete()
    if (created.lease) await db.from('leases').where('id', created.lease).delete()
    if (created.units.length) await db.from('units').whereIn('id', created.units).delete()
    if (created.building) await db.from('buildings').where('id', created.building).delete()
    if (created.tenant) await db.from('tenants').where('id', created.tenant).delete()
    Object.assign(created, { building: 0, units: [], lease: 0, tenant: 0 })
  })

  test('the figures are memoised per day and recomputed after any committed write', async ({
    assert,
  }) => {
    const stats = new StatisticsService()
    const [building] = await db.table('buildings').insert({
      code: 'MEMO',
      name: '缓存楼',
      floors: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    created.building = Number(building)
    for (const [number, area] of [
      ['MEMO-1', 100],
      ['MEMO-2', 300],
    ] as const) {
      const [id] = await db.table('units').insert({
        building_id: created.building,
        floor: 1,
        number,
        unit_type: 'office',
        area,
        status: 'vacant',
        created_at: stamp,
        updated_at: stamp,
      })
      created.units.push(Number(id))
    }
    created.tenant = (await makeTenant('Memo Tenant')).id
    const [lease] = await db.table('leases').insert({
      number: 'MEMO-LEASE-1',
      tenant_id: created.tenant,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      monthly_rent_fen: 1,
      deposit_fen: 0,
      status: 'active',
      created_at: stamp,
      updated_at: stamp,
    })
    created.lease = Number(lease)
    await db.table('lease_units').insert({ lease_id: created.lease, unit_id: created.units[0] })

    const ours = (figures: Awaited<ReturnType<StatisticsService['compute']>>) =>
      figures.buildings.find((b) => b.name === 'MEMO 缓存楼')!
    const first = await stats.compute(DAY)
    assert.deepInclude(ours(first), { units: 2, leasedUnits: 1, area: 400, leasedArea: 100 })
    assert.throws(() => ((first as any).units = 0))

    const sqlite = db.connection().dialect.name === 'better-sqlite3'
    if (sqlite) {
      assert.isString(await dataVersion())
      assert.equal(await dataVersion(), await dataVersion())
      assert.strictEqual(await stats.compute(DAY), first, 'the same day, nothing written: memoised')
    } else {
      // MySQL has no cheap transactional version: the figures are computed afresh every time.
      assert.isNull(await dataVersion())
    }

    // A raw update, no model, no hook: still seen.
    await db.from('units').where('id', created.units[1]).update({ area: 900 })
    assert.deepInclude(ours(await stats.compute(DAY)), { area: 1000, leasedArea: 100 })

    // Another connection's commit (another process, a worker) is seen too.
    db.manager.add('statistics_other', db.getRawConnection(db.primaryConnectionName)!.config)
    try {
      await db
        .connection('statistics_other')
        .table('lease_units')
        .insert({ lease_id: created.lease, unit_id: created.units[1] })
    } finally {
      await db.manager.close('statistics_other')
    }
    const after = await stats.compute(DAY)
    assert.deepInclude(ours(after), { leasedUnits: 2, leasedArea: 1000 })
    // Other days are kept apart: before the lease began nothing of ours was leased.
    assert.deepInclude(ours(await stats.compute(DAY.minus({ years: 1 }))), { leasedUnits: 0 })
  })

  test('inside a transaction nothing is memoised: a rollback could take the figures back', async ({
    assert,
  }) => {
    const trx = await db.beginGlobalTransaction()
    try {
      assert.isNull(await dataVersion())
    } finally {
      await trx.rollback()
    }
  })
})
