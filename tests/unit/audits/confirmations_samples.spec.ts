import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type Tenant from '#core/models/tenant'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import ConfirmationService from '#audits/services/confirmation_service'
import SampleService from '#audits/services/sample_service'
import AuditPolicy from '#audits/policies/audit_policy'
import Audit from '#audits/models/audit'
import { draw } from '#audits/random'
import { fileComplaint, makeCategory, seedHolidays } from '#tests/helpers/complaints'
import { makeTenant } from '#tests/helpers/world'
import {
  assertRefused,
  makeAuditWorld,
  startFieldwork,
  type AuditWorld,
} from '#tests/helpers/audits'

async function moreTenants(count: number) {
  for (let i = 0; i < count; i++) {
    const tenant = await makeTenant(`Tenant ${i}`)
    tenant.status = 'resident'
    await tenant.save()
  }
}

async function recipientOf(confirmationId: number, tenant: Tenant) {
  return db
    .from('audit_confirmation_recipients')
    .where({ confirmation_id: confirmationId, tenant_id: tenant.id })
    .first()
}

async function ask(world: AuditWorld, audience: 'all' | 'sample' = 'all', extra = {}) {
  return new ConfirmationService().send(
    world.audit,
    {
      clauseId: (await world.clause('6.9.1')).id,
      question: '是否获得孵化服务？',
      audience,
      ...extra,
    },
    world.evaluator
  )
}

test.group('Audits: tenant confirmations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('sent to all tenants in the park; only assigned evaluators send', async ({ assert }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const confirmation = await ask(world)
    const recipients = await db
      .from('audit_confirmation_recipients')
      .where('confirmation_id', confirmation.id)
    assert.sameMembers(
      recipients.map((r) => r.tenant_id),
      [world.tenantA.id, world.tenantB.id]
    )
    const input = {
      clauseId: (await world.clause('6.9.1')).id,
      question: 'x',
      audience: 'all' as const,
    }
    await assertRefused(
      assert,
      () => new ConfirmationService().send(world.audit, input, world.operator),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => new ConfirmationService().send(world.audit, input, world.outsider),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () =>
        new ConfirmationService().send(world.audit, { ...input, question: ' ' }, world.evaluator),
      'audits.errors.question_required'
    )
  })

  test('a seeded sample of tenants is reproducible', async ({ assert }) => {
    const world = await makeAuditWorld()
    await moreTenants(10)
    await startFieldwork(world)
    const first = await ask(world, 'sample', { sampleSize: 4, seed: 'audit-2026' })
    const second = await ask(world, 'sample', { sampleSize: 4, seed: 'audit-2026' })
    const third = await ask(world, 'sample', { sampleSize: 4, seed: 'other' })
    const tenantsOf = async (id: number) =>
      (
        await db
          .from('audit_confirmation_recipients')
          .where('confirmation_id', id)
          .orderBy('tenant_id')
      ).map((r) => r.tenant_id)
    assert.lengthOf(await tenantsOf(first.id), 4)
    assert.deepEqual(await tenantsOf(first.id), await tenantsOf(second.id))
    assert.notDeepEqual(await tenantsOf(first.id), await tenantsOf(third.id))
    await assertRefused(
      assert,
      () => ask(world, 'sample', { sampleSize: 0 }),
      'audits.errors.sample_size'
    )
  })

  test('tenants answer their own question only; the tally counts answers and keeps comments', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const confirmation = await ask(world)
    const mineA = await recipientOf(confirmation.id, world.tenantA)
    const mineB = await recipientOf(confirmation.id, world.tenantB)
    const service = new ConfirmationService()
    // Tenant B's user cannot answer tenant A's question: it does not exist for them.
    await assertRefused(
      assert,
      () => service.answer(mineA.id, { answer: 'no' }, world.adminB),
      'audits.errors.not_found',
      404
    )
    await assertRefused(
      assert,
      () => service.answer(mineA.id, { answer: 'yes' }, world.operator),
      'audits.errors.forbidden',
      403
    )
    await assertRefused(
      assert,
      () => service.answer(mineA.id, { answer: 'maybe' as any }, world.adminA),
      'audits.errors.answer'
    )
    assert.isNull((await recipientOf(confirmation.id, world.tenantA)).answer)
    await service.answer(mineA.id, { answer: 'yes', comment: '参加了孵化培训' }, world.memberA)
    await service.answer(mineB.id, { answer: 'no', comment: '  ' }, world.adminB)
    const tally = await service.tally(confirmation, world.evaluator)
    assert.deepEqual(
      { recipients: tally.recipients, answered: tally.answered, yes: tally.yes, no: tally.no },
      { recipients: 2, answered: 2, yes: 1, no: 1 }
    )
    assert.deepEqual(tally.comments, [
      { tenantId: world.tenantA.id, answer: 'yes', comment: '参加了孵化培训' },
    ])
    await assertRefused(
      assert,
      () => service.tally(confirmation, world.adminA),
      'audits.errors.forbidden',
      403
    )
  })

  test('a tenant sees only the questions sent to its own enterprise', async ({ assert }) => {
    const world = await makeAuditWorld()
    await moreTenants(6)
    await startFieldwork(world)
    await ask(world)
    await ask(world, 'sample', { sampleSize: 1, seed: 'x' })
    const service = new ConfirmationService()
    const forA = await service.forTenant(world.memberA)
    assert.isAbove(forA.length, 0)
    assert.isTrue(forA.every((r) => r.tenantId === world.tenantA.id))
    const forB = await service.forTenant(world.adminB)
    assert.isTrue(forB.every((r) => r.tenantId === world.tenantB.id))
    assert.lengthOf(await service.forTenant(world.operator), 0)
    const policy = new AuditPolicy()
    const recipient = await AuditConfirmationRecipient.findOrFail(forA[0].id)
    assert.isTrue(policy.answer(world.memberA, recipient))
    assert.isFalse(policy.answer(world.adminB, recipient))
    assert.isFalse(policy.answer(world.operator, recipient))
  })
})

test.group('Audits: record samples', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the same seed draws the same complaints; items are judged by assigned evaluators only', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await seedHolidays()
    const category = await makeCategory(world)
    for (let i = 0; i < 12; i++) await fileComplaint(category, { subject: `投诉 ${i}` })
    await startFieldwork(world)
    const service = new SampleService()
    const clauseId = (await world.clause('7.3.2')).id
    const a = await service.draw(
      world.audit,
      { clauseId, recordKind: 'complaints', size: 5, seed: 'seed-1' },
      world.evaluator
    )
    const b = await service.draw(
      world.audit,
      { clauseId, recordKind: 'complaints', size: 5, seed: 'seed-1' },
      world.evaluator
    )
    const items = async (id: number) =>
      db.from('audit_sample_items').where('sample_id', id).orderBy('position')
    const drawnA = (await items(a.id)).map((i) => i.record_id)
    assert.equal(a.population, 12)
    assert.lengthOf(drawnA, 5)
    assert.deepEqual(
      drawnA,
      (await items(b.id)).map((i) => i.record_id)
    )
    assert.isTrue((await items(a.id)).every((i) => /\S+ 投诉 \d+$/.test(i.label)))
    const first = (await items(a.id))[0]
    await assertRefused(
      assert,
      () => service.judge(first.id, { result: 'pass' }, world.operator),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.judge(first.id, { result: 'pass' }, world.outsider),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.judge(first.id, { result: 'meh' as any }, world.evaluator),
      'audits.errors.result'
    )
    const judged = await service.judge(
      first.id,
      { result: 'fail', note: '未在承诺时限内办结' },
      world.evaluator
    )
    assert.equal(judged.result, 'fail')
    assert.equal(judged.checkedBy, world.evaluator.id)
  })

  test('bad draws are refused clearly and write nothing', async ({ assert }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const service = new SampleService()
    const clauseId = (await world.clause('7.3.2')).id
    await assertRefused(
      assert,
      () =>
        service.draw(world.audit, { clauseId, recordKind: 'complaints', size: 3 }, world.evaluator),
      'audits.errors.empty_population'
    )
    await assertRefused(
      assert,
      () =>
        service.draw(world.audit, { clauseId, recordKind: 'invoices', size: 3 }, world.evaluator),
      'audits.errors.record_kind'
    )
    await assertRefused(
      assert,
      () =>
        service.draw(world.audit, { clauseId, recordKind: 'complaints', size: 0 }, world.evaluator),
      'audits.errors.sample_size'
    )
    await assertRefused(
      assert,
      () =>
        service.draw(
          world.audit,
          { clauseId: 999999, recordKind: 'complaints', size: 1 },
          world.evaluator
        ),
      'audits.errors.unknown_clause'
    )
    assert.lengthOf(await db.from('audit_samples'), 0)
  })

  test('the draw is a partial Fisher–Yates: distinct, order-independent, seeded', ({ assert }) => {
    const population = Array.from({ length: 100 }, (_, i) => i + 1)
    const once = draw(population, 10, 'k')
    assert.lengthOf(new Set(once), 10)
    assert.deepEqual(draw([...population].reverse(), 10, 'k'), once)
    assert.notDeepEqual(draw(population, 10, 'j'), once)
    assert.lengthOf(draw([1, 2, 3], 10, 'k'), 3)
  })
})

test.group('Audits: policy', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('operators prepare, evaluators judge their audits, tenants neither; nothing once issued', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    const policy = new AuditPolicy()
    assert.isTrue(policy.view(world.operator))
    assert.isTrue(policy.view(world.outsider))
    assert.isFalse(policy.view(world.adminA))
    assert.isTrue(policy.create(world.staff))
    assert.isFalse(policy.create(world.evaluator))
    assert.isTrue(policy.prepareEvidence(world.operator, world.audit))
    assert.isFalse(policy.prepareEvidence(world.evaluator, world.audit))
    await startFieldwork(world)
    assert.isTrue(await policy.evaluate(world.evaluator, world.audit))
    assert.isFalse(await policy.evaluate(world.outsider, world.audit))
    assert.isFalse(await policy.evaluate(world.operator, world.audit))
    assert.isTrue(await policy.transition(world.evaluator, world.audit, 'review'))
    assert.isFalse(await policy.transition(world.operator, world.audit, 'review'))
    const issued = new Audit().merge({ ...world.audit.$attributes, state: 'issued' })
    assert.isFalse(policy.prepareEvidence(world.operator, issued))
    assert.isFalse(await policy.evaluate(world.evaluator, issued))
    assert.isFalse(policy.manage(world.operator, issued))
  })
})
