import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import Audit from '#audits/models/audit'
import EvidenceStateService from '#audits/services/evidence_state_service'
import { seedAuditsDemo } from '#database/seed_data/audits_demo'
import { makeTenant, PASSWORD } from '#tests/helpers/world'

test.group('Audits: demo data', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the demo audit is in fieldwork with the demo evaluator, its evidence, and is seeded once', async ({
    assert,
  }) => {
    const tenant = await makeTenant('Demo Tenant')
    tenant.status = 'resident'
    await tenant.save()
    const make = (email: string, role: User['role']) =>
      User.create({ email, password: PASSWORD, fullName: email, role, isActive: true })
    await make('operator@parkgate.local', 'operator_admin')
    const evaluator = await make('evaluator@parkgate.local', 'evaluator')
    await seedAuditsDemo()
    await seedAuditsDemo()
    const audits = await Audit.query().preload('evaluators')
    assert.lengthOf(audits, 1)
    const [audit] = audits
    assert.equal(audit.state, 'fieldwork')
    assert.deepEqual(
      audit.evaluators.map((u) => u.id),
      [evaluator.id]
    )
    assert.lengthOf(await db.from('audit_documents').where('audit_id', audit.id), 4)
    assert.lengthOf(await db.from('audit_observations').where('audit_id', audit.id), 1)
    const states = await new EvidenceStateService().clauses(audit, evaluator)
    const of = (n: string) => states.find((s) => s.number === n)!.state
    assert.equal(of('5.1.3'), 'complete')
    assert.equal(of('5.6.3.1'), 'expired')
    assert.equal(of('5.3.3'), 'complete')
  })
})
