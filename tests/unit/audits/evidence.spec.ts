import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { chunked, providersFor, register, registrations, unregister } from '#core/evidence'
import DocumentService from '#audits/services/document_service'
import ObservationService from '#audits/services/observation_service'
import ConfirmationService from '#audits/services/confirmation_service'
import SampleService from '#audits/services/sample_service'
import VerdictService from '#audits/services/verdict_service'
import EvidenceStateService, { stateOf } from '#audits/services/evidence_state_service'
import { fileComplaint, makeCategory, seedHolidays } from '#tests/helpers/complaints'
import {
  assertRefused,
  makeAuditWorld,
  pdf,
  startFieldwork,
  uploadOf,
  type AuditWorld,
} from '#tests/helpers/audits'

async function document(
  world: AuditWorld,
  numbers: string[],
  effectiveOn: string,
  expiresOn: string | null = null
) {
  const clauseIds = []
  for (const n of numbers) clauseIds.push((await world.clause(n)).id)
  return new DocumentService().upload(
    world.audit,
    await uploadOf('doc.pdf', pdf(numbers.join())),
    { title: `文件 ${numbers.join()}`, clauseIds, effectiveOn, expiresOn },
    world.operator
  )
}

const stateOfClause = async (world: AuditWorld, number: string) =>
  (await new EvidenceStateService().clauses(world.audit, world.operator)).find(
    (c) => c.number === number
  )!

test.group('Audits: evidence state per clause', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a clause asking for records is missing, then complete once a document in force is there', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    assert.equal((await stateOfClause(world, '5.1.3')).state, 'missing')
    await document(world, ['5.1.3'], '2026-01-01')
    const clause = await stateOfClause(world, '5.1.3')
    assert.equal(clause.state, 'complete')
    assert.equal(clause.counts.documents, 1)
    assert.deepEqual(clause.methods, [
      { method: 'records', verifiedBy: '8.1.1', status: 'present' },
    ])
  })

  test('a document that expired within the period makes the clause expired; one not yet in force does not count', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await document(world, ['5.6.3.1'], '2025-01-01', '2026-06-30')
    const clause = await stateOfClause(world, '5.6.3.1')
    assert.equal(clause.state, 'expired')
    assert.equal(clause.counts.expiredDocuments, 1)
    await document(world, ['5.1.1'], '2027-01-01')
    assert.equal((await stateOfClause(world, '5.1.1')).state, 'missing')
    // A renewed plan in force to the end of the period brings it back.
    await document(world, ['5.6.3.1'], '2026-07-01', '2027-06-30')
    assert.equal((await stateOfClause(world, '5.6.3.1')).state, 'complete')
  })

  test('on-site and confirmation methods: partial with one, complete with both', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const clause = await world.clause('6.2.2')
    assert.equal((await stateOfClause(world, '6.2.2')).state, 'missing')
    await new ObservationService().record(
      world.audit,
      { clauseId: clause.id, text: '现场有通关指引', observedOn: '2026-05-01' },
      [],
      world.evaluator
    )
    assert.equal((await stateOfClause(world, '6.2.2')).state, 'partial')
    const confirmation = await new ConfirmationService().send(
      world.audit,
      { clauseId: clause.id, question: '是否提供了通关指引？', audience: 'all' },
      world.evaluator
    )
    // Sent but unanswered is no evidence yet.
    assert.equal((await stateOfClause(world, '6.2.2')).state, 'partial')
    const mine = await db
      .from('audit_confirmation_recipients')
      .where({ confirmation_id: confirmation.id, tenant_id: world.tenantA.id })
      .first()
    await new ConfirmationService().answer(mine.id, { answer: 'yes', comment: '有' }, world.memberA)
    const done = await stateOfClause(world, '6.2.2')
    assert.equal(done.state, 'complete')
    assert.deepEqual(
      done.methods.map((m) => m.status),
      ['present', 'present']
    )
  })

  test('process verification needs a sample with every item judged', async ({ assert }) => {
    const world = await makeAuditWorld()
    await seedHolidays()
    const category = await makeCategory(world)
    await fileComplaint(category)
    await fileComplaint(category, { subject: '空调不制冷' })
    await startFieldwork(world)
    const clause = await world.clause('6.5.4')
    const sample = await new SampleService().draw(
      world.audit,
      { clauseId: clause.id, recordKind: 'complaints', size: 2, seed: 's1' },
      world.evaluator
    )
    assert.equal((await stateOfClause(world, '6.5.4')).state, 'missing')
    const items = await db
      .from('audit_sample_items')
      .where('sample_id', sample.id)
      .orderBy('position')
    await new SampleService().judge(items[0].id, { result: 'pass' }, world.evaluator)
    assert.equal((await stateOfClause(world, '6.5.4')).state, 'missing')
    await new SampleService().judge(items[1].id, { result: 'fail', note: '超时' }, world.evaluator)
    assert.equal((await stateOfClause(world, '6.5.4')).state, 'complete')
  })

  test('providers count as records: complaints of the period stand for 7.3.x through 7.3 and 8.3.3', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    assert.equal((await stateOfClause(world, '7.3.4')).state, 'missing')
    await seedHolidays()
    await fileComplaint(await makeCategory(world))
    const clause = await stateOfClause(world, '7.3.4')
    assert.equal(clause.state, 'complete')
    assert.equal(clause.counts.records, 1)
    const keys = providersFor('7.3.4').map((p) => p.key)
    assert.include(keys, 'complaints.archive')
    // 5.1.2: the departments the world made.
    assert.equal((await stateOfClause(world, '5.1.2')).state, 'complete')
  })

  test('the registry stays open: a later feature registers a provider and its clauses get records', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    assert.equal((await stateOfClause(world, '6.1.1')).methods[0].status, 'missing')
    register(['6.1', '6.5.4', '8.2.5.3'], {
      key: 'test.declarations',
      title: 'evidence.providers.service_requests',
      async provide() {
        return {
          provider: 'test.declarations',
          summary: {
            key: 'evidence.summaries.service_requests',
            params: { count: 3, completed: 3 },
          },
          count: 3,
          link: null,
        }
      },
    })
    try {
      assert.isTrue(registrations().some((r) => r.provider.key === 'test.declarations'))
      const clause = await stateOfClause(world, '6.1.2')
      assert.equal(clause.counts.records, 3)
      assert.equal(clause.state, 'complete')
    } finally {
      unregister('test.declarations')
    }
    assert.isFalse(providersFor('6.1.2').some((p) => p.key === 'test.declarations'))
  })

  test('provider rows stream in chunks and every row comes once', async ({ assert }) => {
    const world = await makeAuditWorld()
    await seedHolidays()
    const category = await makeCategory(world)
    for (let i = 0; i < 7; i++) await fileComplaint(category, { subject: `投诉 ${i}` })
    const provider = providersFor('7.3.4').find((p) => p.key === 'complaints.archive')!
    const result = await provider.provide({ from: '2026-01-01', to: '2026-12-31' }, db.connection())
    assert.equal(result.count, 7)
    assert.equal(result.link, '/complaints?from=2026-01-01&to=2026-12-31')
    const ids: number[] = []
    for await (const row of result.rows!()) ids.push(Number(row.id))
    assert.lengthOf(new Set(ids), 7)
    const calls: number[] = []
    const seen: number[] = []
    for await (const row of chunked(async (after, limit) => {
      calls.push(after)
      return await db
        .from('complaints')
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .select('id')
    }, 3)) {
      seen.push(row.id)
    }
    assert.lengthOf(seen, 7)
    assert.lengthOf(calls, 3)
  })

  test('state rules', ({ assert }) => {
    const m = (status: 'present' | 'expired' | 'missing') => ({
      method: 'records' as const,
      verifiedBy: '8.1.1',
      status,
    })
    assert.equal(stateOf([m('present'), m('present')]), 'complete')
    assert.equal(stateOf([m('present'), m('missing')]), 'partial')
    assert.equal(stateOf([m('present'), m('expired')]), 'expired')
    assert.equal(stateOf([m('missing'), m('missing')]), 'missing')
  })
})

test.group('Audits: checklist and heatmap', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the operator checklist lists clauses with missing or expired evidence and what lacks', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await document(world, ['5.1.3'], '2026-01-01')
    await document(world, ['5.6.3.1'], '2025-01-01', '2026-03-31')
    const list = await new EvidenceStateService().checklist(world.audit, world.operator)
    const numbers = list.map((c) => c.number)
    assert.notInclude(numbers, '5.1.3')
    const plan = list.find((c) => c.number === '5.6.3.1')!
    assert.deepEqual(plan.expired, ['records'])
    const onsite = list.find((c) => c.number === '6.1.1')!
    assert.sameMembers(onsite.missing, ['onsite', 'confirmation'])
    await assertRefused(
      assert,
      () => new EvidenceStateService().checklist(world.audit, world.adminA),
      'audits.errors.forbidden',
      403
    )
  })

  test('the heatmap filters by chapter, method, verdict and state and counts the grid', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    await new VerdictService().set(
      world.audit,
      (await world.clause('5.1.1')).id,
      { verdict: 'conforming' },
      world.evaluator
    )
    const heatmap = new EvidenceStateService()
    const all = await heatmap.heatmap(world.audit, world.evaluator)
    assert.equal(all.total, 57)
    assert.equal(
      Object.values(all.totals).reduce((a, b) => a + b, 0),
      57
    )
    assert.equal(
      Object.values(all.matrix['7']).reduce((a, b) => a + b, 0),
      12
    )
    const chapter6 = await heatmap.heatmap(world.audit, world.evaluator, { chapter: '6' })
    assert.equal(chapter6.total, 22)
    const process = await heatmap.heatmap(world.audit, world.evaluator, { method: 'process' })
    assert.deepEqual(
      process.rows.map((r) => r.number),
      ['6.5.4']
    )
    const conforming = await heatmap.heatmap(world.audit, world.evaluator, {
      verdict: 'conforming',
    })
    assert.deepEqual(
      conforming.rows.map((r) => r.number),
      ['5.1.1']
    )
    const none = await heatmap.heatmap(world.audit, world.evaluator, { verdict: 'none' })
    assert.equal(none.total, 56)
    const complete = await heatmap.heatmap(world.audit, world.evaluator, { state: 'complete' })
    assert.isTrue(complete.rows.every((r) => r.state === 'complete'))
    assert.include(
      complete.rows.map((r) => r.number),
      '5.1.2'
    )
  })

  test('the heatmap takes a fixed number of queries, whatever the number of clauses', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    let queries = 0
    const count = () => queries++
    const knex = db.connection().getWriteClient()
    knex.on('query', count)
    try {
      await new EvidenceStateService().heatmap(world.audit, world.operator)
    } finally {
      knex.off('query', count)
    }
    assert.isAbove(queries, 5)
    // 7 evidence queries + one or three per provider (8 providers), never one per clause (57).
    assert.isBelow(queries, 30)
  })
})
