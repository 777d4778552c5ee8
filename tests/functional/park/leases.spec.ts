import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Unit from '#park/models/unit'
import Lease from '#park/models/lease'
import AuditLog from '#core/models/audit_log'
import { makeWorld, type World } from '#tests/helpers/world'
import { makeUnits } from '#tests/helpers/park'

const leaseForm = (world: World, unitIds: number[], overrides: Record<string, unknown> = {}) => ({
  'tenantId': String(world.tenantA.id),
  'unitIds[]': unitIds.map(String),
  'startDate': '2026-01-01',
  'endDate': '2026-12-31',
  'monthlyRent': '12000.50',
  'deposit': '24000',
  'activate': 'true',
  ...overrides,
})

test.group('Park: leases', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an active lease binds units to a tenant; money is kept in fen; the units become leased', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a, b } = await makeUnits()
    const response = await client
      .post('/park/leases')
      .form(leaseForm(world, [a.id, b.id]))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const lease = await Lease.query().preload('units').firstOrFail()
    assert.equal(lease.status, 'active')
    assert.equal(lease.monthlyRentFen, 1200050)
    assert.equal(lease.depositFen, 2400000)
    assert.match(lease.number, /^LS\d{8}-0001$/)
    assert.sameMembers(
      lease.units.map((u) => u.number),
      ['L-101', 'L-102']
    )
    assert.equal((await Unit.findOrFail(a.id)).status, 'leased')
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'lease.activated', subjectId: String(lease.id) })
        .first()
    )
  })

  test('an overlapping active lease on a unit is refused and nothing changes; a later term is fine', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    await client
      .post('/park/leases')
      .form(leaseForm(world, [a.id]))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const clash = await client
      .post('/park/leases')
      .form(
        leaseForm(world, [a.id], {
          tenantId: String(world.tenantB.id),
          startDate: '2026-06-01',
          endDate: '2027-05-31',
        })
      )
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    clash.assertFlashMessage(
      'error',
      `单元 L-101 在该租期内已被合同 ${(await Lease.firstOrFail()).number} 占用。`
    )
    assert.lengthOf(await Lease.all(), 1)
    await client
      .post('/park/leases')
      .form(
        leaseForm(world, [a.id], {
          tenantId: String(world.tenantB.id),
          startDate: '2027-01-01',
          endDate: '2027-12-31',
        })
      )
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(await Lease.query().where('status', 'active'), 2)
  })

  test('terminating a lease releases its units; a draft activates later and is checked then', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    await client
      .post('/park/leases')
      .form(leaseForm(world, [a.id]))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const first = await Lease.firstOrFail()
    await client
      .post('/park/leases')
      .form(leaseForm(world, [a.id], { activate: '' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const draft = await Lease.query().where('status', 'draft').firstOrFail()
    const refused = await client
      .post(`/park/leases/${draft.id}/activate`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', `单元 L-101 在该租期内已被合同 ${first.number} 占用。`)
    await client
      .post(`/park/leases/${first.id}/terminate`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await Unit.findOrFail(a.id)).status, 'vacant')
    await client
      .post(`/park/leases/${draft.id}/activate`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await Lease.findOrFail(draft.id)).status, 'active')
  })

  test('bad input gives translated field errors and stores nothing', async ({ client, assert }) => {
    const world = await makeWorld()
    await makeUnits()
    const bad = await client
      .post('/park/leases')
      .form({
        ...leaseForm(world, []),
        startDate: '2026-12-31',
        endDate: '2026-01-01',
        monthlyRent: '-1',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('unitIds', ['请至少选择一个租赁单元。'])
    bad.assertFieldErrors('endDate', ['到期日期必须晚于起租日期。'])
    bad.assertFieldErrors('monthlyRent', ['月租金不能小于 0。'])
    assert.lengthOf(await Lease.all(), 0)
  })

  test('leases are for operators only', async ({ client }) => {
    const world = await makeWorld()
    for (const user of [world.adminA, world.memberA, world.evaluator]) {
      ;(await client.get('/park/leases').loginAs(user).redirects(0)).assertStatus(403)
    }
    ;(await client.get('/park/leases').redirects(0)).assertHeader('location', '/login')
  })
})

/**
 * Real concurrency: no global transaction here, so the requests race for real on SQLite and on
 * MySQL. The group cleans up what it made (the audit trail is append-only and keeps its entries).
 */
test.group('Park: leases under concurrent requests', (group) => {
  group.each.teardown(async () => {
    await db.from('lease_units').delete()
    await db.from('leases').delete()
    await db.from('units').delete()
    await db.from('buildings').delete()
    await db.from('users').delete()
    await db.from('tenants').delete()
    await db.from('departments').delete()
    await db.from('number_sequences').where('kind', 'LS').delete()
  })

  test('ten concurrent requests for overlapping leases on one unit: exactly one becomes active', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const attempts = Array.from({ length: 10 }, (_, i) =>
      client
        .post('/park/leases')
        .form(
          leaseForm(world, [a.id], { startDate: `2026-0${(i % 9) + 1}-01`, endDate: '2027-12-31' })
        )
        .loginAs(world.staff)
        .withCsrfToken()
        .redirects(0)
    )
    await Promise.all(attempts)
    const active = await Lease.query().where('status', 'active')
    assert.lengthOf(active, 1)
    assert.lengthOf(await Lease.all(), 1, 'the refused requests left nothing behind')
  })
})

test.group('Park: lease expiry job', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the daily job expires ended leases, frees their units, and a second run changes nothing', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const { default: LeaseService } = await import('#park/services/lease_service')
    const { default: LeaseExpiryJob } = await import('#park/jobs/lease_expiry_job')
    const { DateTime } = await import('luxon')
    const lease = await new LeaseService().create({
      tenantId: world.tenantA.id,
      unitIds: [a.id],
      startDate: DateTime.fromISO('2025-01-01'),
      endDate: DateTime.fromISO('2025-12-31'),
      monthlyRentFen: 100,
      depositFen: 0,
      activate: true,
    })
    // The run of 2026-01-01 (Shanghai) sees the lease ended the day before.
    await new LeaseExpiryJob().handle({ scheduledFor: '2025-12-31T16:10:00.000Z' })
    assert.equal((await Lease.findOrFail(lease.id)).status, 'expired')
    assert.equal((await Unit.findOrFail(a.id)).status, 'vacant')
    await new LeaseExpiryJob().handle({ scheduledFor: '2025-12-31T16:10:00.000Z' })
    assert.lengthOf(
      await AuditLog.query().where({ action: 'lease.expired', subjectId: String(lease.id) }),
      1
    )
  })
})
