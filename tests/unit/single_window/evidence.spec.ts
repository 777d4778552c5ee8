import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { providerByKey, providersFor, type EvidenceRow } from '#core/evidence'
import { sampleKind } from '#audits/sampling'
import TrackingService from '#single_window/tracking/tracking_service'
import { makeTenant } from '#tests/helpers/world'

const period = { from: '2026-11-01', to: '2026-11-30' }

async function declaration(tenantId: number, docNo: string, status: string, submittedAt: string) {
  const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  const [id] = await db
    .table('sw_declarations')
    .insert({
      tenant_id: tenantId,
      message_type: 'CEB621',
      direction: 'import',
      business_mode: '9610',
      doc_no: docNo,
      header: '{}',
      status,
      submitted_at: submittedAt,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
  return Number(typeof id === 'object' ? id.id : id)
}

async function collect(rows: AsyncIterable<EvidenceRow>) {
  const out: EvidenceRow[] = []
  for await (const row of rows) out.push(row)
  return out
}

test.group('Single window: audit evidence (GB/T 39678 6.1, 6.5.4, 8.2.1.2, 8.2.5.3)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the clauses have the single-window providers', ({ assert }) => {
    const keys = (n: string) => providersFor(n).map((p) => p.key)
    assert.include(keys('6.1.1'), 'single_window.declarations')
    assert.include(keys('6.1.2'), 'single_window.declarations')
    assert.include(keys('8.2.1.2'), 'single_window.declarations')
    assert.include(keys('6.5.4'), 'single_window.tracking')
    assert.include(keys('8.2.5.3'), 'single_window.tracking')
    assert.notInclude(keys('6.5.1'), 'single_window.tracking')
  })

  test('declarations sent in the period are counted by outcome and exported row by row', async ({
    assert,
  }) => {
    const a = await makeTenant('Evidence A')
    const b = await makeTenant('Evidence B')
    // 2026-11-01 00:00 Shanghai is 2026-10-31 16:00 UTC: the first is in, the one an hour earlier is not.
    await declaration(a.id, 'IN-1', '800', '2026-10-31 16:00:00')
    await declaration(a.id, 'IN-2', '100', '2026-11-15 02:00:00')
    await declaration(b.id, 'IN-3', '120', '2026-11-30 15:59:59')
    await declaration(a.id, 'OUT-1', '800', '2026-10-31 15:00:00')
    await declaration(b.id, 'OUT-2', '800', '2026-11-30 16:00:00')

    const result = await providerByKey('single_window.declarations')!.provide(
      period,
      db.connection()
    )
    assert.equal(result.count, 3)
    assert.deepEqual(result.summary.params, { count: 3, released: 1, rejected: 1, tenants: 2 })
    assert.match(result.link!, /declarations/)
    const rows = await collect(result.rows!())
    assert.deepEqual(
      rows.map((r) => r.doc_no),
      ['IN-1', 'IN-2', 'IN-3']
    )
    assert.deepEqual(Object.keys(rows[0]), result.columns)

    const kind = sampleKind('declarations')!
    const ids = await kind.population(db.connection(), period)
    assert.lengthOf(ids, 3)
    const labels = await kind.labels(db.connection(), ids)
    assert.include([...labels.values()].join('|'), 'CEB621 IN-2 (100)')
  })

  test('tracking events of the period: waybills and deliveries, with no personal data', async ({
    assert,
  }) => {
    const tenant = await makeTenant('Evidence Tracking')
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })
    await new TrackingService().recordScanned(tenant.id, [
      {
        eventId: 'e1',
        logisticsNo: 'SF1',
        stage: 'entered_zone',
        action: '入区',
        occurredAt: at('2026-11-02T01:00:00'),
        place: 'A',
      },
      {
        eventId: 'e2',
        logisticsNo: 'SF1',
        stage: 'delivered',
        action: '妥投',
        occurredAt: at('2026-11-05T01:00:00'),
        place: 'B',
      },
      {
        eventId: 'e3',
        logisticsNo: 'SF2',
        stage: 'entered_zone',
        action: '入区',
        occurredAt: at('2026-11-06T01:00:00'),
        place: 'A',
      },
      {
        eventId: 'e4',
        logisticsNo: 'SF3',
        stage: 'delivered',
        action: '妥投',
        occurredAt: at('2026-10-20T01:00:00'),
        place: 'B',
      },
    ])
    const result = await providerByKey('single_window.tracking')!.provide(period, db.connection())
    assert.deepEqual(result.summary.params, { count: 3, waybills: 2, delivered: 1 })
    const rows = await collect(result.rows!())
    assert.lengthOf(rows, 3)
    for (const column of result.columns!) assert.notMatch(column, /buyer|name|phone|address/)
  })
})
