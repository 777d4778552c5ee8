import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Audit from '#audits/models/audit'
import AuditService from '#audits/services/audit_service'
import DocumentService from '#audits/services/document_service'
import ObservationService from '#audits/services/observation_service'
import ConfirmationService from '#audits/services/confirmation_service'
import SampleService from '#audits/services/sample_service'
import VerdictService from '#audits/services/verdict_service'
import SnapshotService from '#audits/services/snapshot_service'
import AuditTrail from '#core/services/audit_service'
import {
  assertRefused,
  makeAuditWorld,
  pdf,
  startFieldwork,
  uploadOf,
  type AuditWorld,
} from '#tests/helpers/audits'

/** Every clause judged conforming by the world's evaluator, then the audit moved to review. */
async function judgeAll(world: AuditWorld) {
  const clauses = await db.from('audit_clauses').where('framework_id', world.framework.id)
  const verdicts = new VerdictService()
  for (const clause of clauses) {
    await verdicts.set(world.audit, clause.id, { verdict: 'conforming' }, world.evaluator)
  }
  await new AuditService().transition(world.audit, 'review', world.evaluator)
}

async function uploadDocument(world: AuditWorld, number = '5.1.2', text = 'org chart') {
  return new DocumentService().upload(
    world.audit,
    await uploadOf('org.pdf', pdf(text)),
    { title: '组织架构', clauseIds: [(await world.clause(number)).id], effectiveOn: '2026-01-01' },
    world.operator
  )
}

test.group('Audits: creation and rights', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator creates an audit in planning with its evaluators, and the trail says so', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    assert.equal(world.audit.state, 'planning')
    assert.deepEqual(await new AuditService().evaluatorIds(world.audit), [world.evaluator.id])
    const entry = await db
      .from('audit_logs')
      .where({ action: 'audit.create', subject_id: String(world.audit.id) })
      .first()
    assert.equal(entry.actor_id, world.operator.id)
  })

  test('evaluators and tenants cannot create audits; bad input changes nothing', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    const service = new AuditService()
    const input = {
      frameworkId: world.framework.id,
      title: 'x',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      evaluatorIds: [],
    }
    await assertRefused(
      assert,
      () => service.create(input, world.evaluator),
      'audits.errors.operators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.create(input, world.adminA),
      'audits.errors.operators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.create({ ...input, periodTo: '2025-12-31' }, world.operator),
      'audits.errors.period_order'
    )
    await assertRefused(
      assert,
      () => service.create({ ...input, periodFrom: '2026-02-30' }, world.operator),
      'audits.errors.bad_date'
    )
    await assertRefused(
      assert,
      () => service.create({ ...input, evaluatorIds: [world.staff.id] }, world.operator),
      'audits.errors.not_evaluator'
    )
    assert.equal(Number((await db.from('audits').count('* as n').first()).n), 1)
  })

  test('fieldwork needs an evaluator; review, reopen and issue belong to assigned evaluators', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    const service = new AuditService()
    await service.setEvaluators(world.audit, [], world.operator)
    await assertRefused(
      assert,
      () => service.transition(world.audit, 'start', world.operator),
      'audits.errors.no_evaluators'
    )
    await service.setEvaluators(world.audit, [world.evaluator.id], world.operator)
    await assertRefused(
      assert,
      () => service.transition(world.audit, 'start', world.adminA),
      'audits.errors.forbidden',
      403
    )
    await service.transition(world.audit, 'start', world.operator)
    assert.equal((await Audit.findOrFail(world.audit.id)).state, 'fieldwork')
    await assertRefused(
      assert,
      () => service.transition(world.audit, 'review', world.operator),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.transition(world.audit, 'review', world.outsider),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => service.transition(world.audit, 'issue', world.evaluator),
      'audits.errors.transition',
      409
    )
    await service.transition(world.audit, 'review', world.evaluator)
    await service.transition(world.audit, 'reopen', world.evaluator)
    assert.equal((await Audit.findOrFail(world.audit.id)).state, 'fieldwork')
  })

  test('operators never write verdicts; unassigned evaluators neither', async ({ assert }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const clause = await world.clause('5.1.2')
    const verdicts = new VerdictService()
    await assertRefused(
      assert,
      () => verdicts.set(world.audit, clause.id, { verdict: 'conforming' }, world.operator),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => verdicts.set(world.audit, clause.id, { verdict: 'conforming' }, world.outsider),
      'audits.errors.evaluators_only',
      403
    )
    await assertRefused(
      assert,
      () => verdicts.set(world.audit, clause.id, { verdict: 'conforming' }, world.adminA),
      'audits.errors.evaluators_only',
      403
    )
    const verdict = await verdicts.set(
      world.audit,
      clause.id,
      { verdict: 'conforming' },
      world.evaluator
    )
    assert.equal(verdict.evaluatorId, world.evaluator.id)
    // Changing it keeps one row per clause.
    await verdicts.set(world.audit, clause.id, { verdict: 'not_applicable' }, world.evaluator)
    const rows = await db.from('audit_verdicts').where('audit_id', world.audit.id)
    assert.lengthOf(rows, 1)
    assert.equal(rows[0].verdict, 'not_applicable')
  })

  test('a nonconformity needs its description and a finding before issue; closing needs a re-check', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    const clause = await world.clause('7.3.2')
    const verdicts = new VerdictService()
    await assertRefused(
      assert,
      () => verdicts.set(world.audit, clause.id, { verdict: 'major' }, world.evaluator),
      'audits.errors.observation_required'
    )
    await assertRefused(
      assert,
      () =>
        verdicts.openFinding(
          world.audit,
          { clauseId: clause.id, description: 'x', dueOn: '2027-01-31' },
          world.evaluator
        ),
      'audits.errors.finding_needs_nonconformity'
    )
    await judgeAll(world)
    await new AuditService().transition(world.audit, 'reopen', world.evaluator)
    await verdicts.set(
      world.audit,
      clause.id,
      { verdict: 'minor', observation: '两件投诉超过承诺时限' },
      world.evaluator
    )
    await new AuditService().transition(world.audit, 'review', world.evaluator)
    await assertRefused(
      assert,
      () => new AuditService().transition(world.audit, 'issue', world.evaluator),
      'audits.errors.findings_missing'
    )
    await assertRefused(
      assert,
      () =>
        verdicts.openFinding(
          world.audit,
          {
            clauseId: clause.id,
            description: '整改',
            ownerUserId: world.adminA.id,
            dueOn: '2027-01-31',
          },
          world.evaluator
        ),
      'audits.errors.owner'
    )
    const finding = await verdicts.openFinding(
      world.audit,
      {
        clauseId: clause.id,
        description: '超时投诉整改',
        ownerUserId: world.staff.id,
        dueOn: '2027-01-31',
      },
      world.evaluator
    )
    assert.equal(finding.severity, 'minor')
    await assertRefused(
      assert,
      () => verdicts.closeFinding(finding, '  ', world.evaluator),
      'audits.errors.recheck_required'
    )
    await assertRefused(
      assert,
      () => verdicts.closeFinding(finding, '已复查', world.operator),
      'audits.errors.evaluators_only'
    )
    const closed = await verdicts.closeFinding(finding, '复查：新流程已执行', world.evaluator)
    assert.equal(closed.state, 'closed')
    assert.isNotNull(closed.closedAt)
  })
})

test.group('Audits: issue, snapshot and lock', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('issue needs a verdict on every clause', async ({ assert }) => {
    const world = await makeAuditWorld()
    await startFieldwork(world)
    await new AuditService().transition(world.audit, 'review', world.evaluator)
    const error = await assertRefused(
      assert,
      () => new AuditService().transition(world.audit, 'issue', world.evaluator),
      'audits.errors.verdicts_missing'
    )
    assert.equal(error.data.count, 57)
  })

  test('issue freezes every piece of evidence with SHA-256 and locks the audit against every write', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    const document = await uploadDocument(world)
    await startFieldwork(world)
    const observation = await new ObservationService().record(
      world.audit,
      {
        clauseId: (await world.clause('5.3.3')).id,
        text: '功能区齐全',
        observedOn: '2026-06-01',
        place: 'A 栋',
      },
      [
        await uploadOf(
          'site.png',
          Buffer.from(
            '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
            'hex'
          )
        ),
      ],
      world.evaluator
    )
    const confirmation = await new ConfirmationService().send(
      world.audit,
      {
        clauseId: (await world.clause('6.7')).id,
        question: '是否提供了法律服务？',
        audience: 'all',
      },
      world.evaluator
    )
    const recipient = await db
      .from('audit_confirmation_recipients')
      .where({ confirmation_id: confirmation.id, tenant_id: world.tenantA.id })
      .firstOrFail()
    await new ConfirmationService().answer(recipient.id, { answer: 'yes' }, world.adminA)
    await judgeAll(world)
    const issued = await new AuditService().transition(world.audit, 'issue', world.evaluator)
    assert.equal(issued.state, 'issued')
    assert.match(issued.snapshotSha256!, /^[0-9a-f]{64}$/)
    assert.equal(issued.issuedBy, world.evaluator.id)

    const snapshots = await db.from('audit_snapshots').where('audit_id', world.audit.id)
    const kinds = new Set(snapshots.map((s) => s.kind))
    for (const kind of [
      'document',
      'photo',
      'observation',
      'confirmation',
      'verdict',
      'clause_state',
    ]) {
      assert.isTrue(kinds.has(kind), kind)
    }
    const frozenDoc = snapshots.find((s) => s.kind === 'document')!
    assert.equal(frozenDoc.sha256, document.sha256)
    assert.equal(snapshots.filter((s) => s.kind === 'clause_state').length, 57)
    const verification = await new SnapshotService().verify(issued)
    assert.isTrue(verification.intact)

    const locked = 'audits.errors.locked'
    const fresh = await Audit.findOrFail(world.audit.id)
    const clauseId = (await world.clause('5.1.2')).id
    await assertRefused(
      assert,
      () =>
        new VerdictService().set(
          fresh,
          clauseId,
          { verdict: 'major', observation: 'x' },
          world.evaluator
        ),
      locked,
      409
    )
    await assertRefused(
      assert,
      () =>
        new ObservationService().record(
          fresh,
          { clauseId, text: 'x', observedOn: '2026-06-01' },
          [],
          world.evaluator
        ),
      locked,
      409
    )
    await assertRefused(
      assert,
      async () =>
        new DocumentService().upload(
          fresh,
          await uploadOf('a.pdf', pdf()),
          { title: 'x', clauseIds: [clauseId], effectiveOn: '2026-01-01' },
          world.operator
        ),
      locked,
      409
    )
    await assertRefused(
      assert,
      () => new DocumentService().remove(document, world.operator),
      locked,
      409
    )
    await assertRefused(
      assert,
      () =>
        new ConfirmationService().send(
          fresh,
          { clauseId, question: 'x', audience: 'all' },
          world.evaluator
        ),
      locked,
      409
    )
    const otherRecipient = await db
      .from('audit_confirmation_recipients')
      .where({ confirmation_id: confirmation.id, tenant_id: world.tenantB.id })
      .firstOrFail()
    await assertRefused(
      assert,
      () => new ConfirmationService().answer(otherRecipient.id, { answer: 'no' }, world.adminB),
      locked,
      409
    )
    await assertRefused(
      assert,
      () =>
        new SampleService().draw(
          fresh,
          { clauseId, recordKind: 'complaints', size: 1 },
          world.evaluator
        ),
      locked,
      409
    )
    await assertRefused(
      assert,
      () => new AuditService().setEvaluators(fresh, [world.outsider.id], world.operator),
      locked,
      409
    )
    await assertRefused(
      assert,
      () => new AuditService().transition(fresh, 'reopen', world.evaluator),
      locked,
      409
    )
    assert.equal((await db.from('audit_observations').where('audit_id', fresh.id)).length, 1)
    assert.equal(observation.auditId, fresh.id)
    // The audit trail holds the whole story and is still intact.
    const actions = (
      await db.from('audit_logs').where('subject_type', 'audit').select('action')
    ).map((r) => r.action)
    assert.includeMembers(actions, ['audit.create', 'audit.start', 'audit.review', 'audit.issue'])
    assert.isTrue((await new AuditTrail().verify()).intact)
  })

  test('a document altered on disk is detected and stops the issue; after issue, verify names it', async ({
    assert,
  }) => {
    const world = await makeAuditWorld()
    const document = await uploadDocument(world)
    const documents = new DocumentService()
    assert.isTrue((await documents.verify(document)).intact)
    await drive.use().put(document.storageKey, pdf('forged'))
    const check = await documents.verify(document)
    assert.isFalse(check.intact)
    assert.isFalse(check.missing)
    assert.deepEqual(
      (await documents.tampered(world.audit)).map((t) => t.documentId),
      [document.id]
    )
    await startFieldwork(world)
    await judgeAll(world)
    const error = await assertRefused(
      assert,
      () => new AuditService().transition(world.audit, 'issue', world.evaluator),
      'audits.errors.tampered',
      409
    )
    assert.equal(error.data.count, 1)
    assert.equal((await Audit.findOrFail(world.audit.id)).state, 'review')
    assert.lengthOf(await db.from('audit_snapshots').where('audit_id', world.audit.id), 0)

    // Restore, issue, then tamper with the frozen file and the frozen row.
    await drive.use().put(document.storageKey, pdf('org chart'))
    const issued = await new AuditService().transition(world.audit, 'issue', world.evaluator)
    await drive.use().put(document.storageKey, pdf('forged again'))
    const verdict = await db
      .from('audit_snapshots')
      .where({ audit_id: issued.id, kind: 'verdict' })
      .first()
    await db
      .from('audit_snapshots')
      .where('id', verdict.id)
      .update({ payload: verdict.payload.replace('conforming', 'major') })
    const verification = await new SnapshotService().verify(issued)
    assert.isFalse(verification.intact)
    assert.sameMembers(
      verification.broken.map((b) => b.reason),
      ['file_changed', 'payload_changed']
    )
  })
})
