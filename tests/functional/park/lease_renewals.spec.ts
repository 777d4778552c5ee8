import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import Lease from '#park/models/lease'
import Unit from '#park/models/unit'
import Notification from '#core/models/notification'
import AuditLog from '#core/models/audit_log'
import LeaseService from '#park/services/lease_service'
import LeaseReminderJob from '#park/jobs/lease_reminder_job'
import LeaseExpiryJob from '#park/jobs/lease_expiry_job'
import { todayInShanghai } from '#core/dates'
import { makeWorld, type World } from '#tests/helpers/world'
import { makeUnits } from '#tests/helpers/park'

function activeLease(
  world: World,
  unitIds: number[],
  start: string,
  end: string,
  tenantId?: number
) {
  return new LeaseService().create({
    tenantId: tenantId ?? world.tenantA.id,
    unitIds,
    startDate: DateTime.fromISO(start),
    endDate: DateTime.fromISO(end),
    monthlyRentFen: 1_000_000,
    depositFen: 2_000_000,
    activate: true,
  })
}

const renewalForm = (overrides: Record<string, string> = {}) => ({
  endDate: '2027-12-31',
  monthlyRent: '10500',
  deposit: '21000',
  ...overrides,
})

test.group('Park: lease renewals', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('renewing starts a new active lease the day after; the old one is marked renewed and both link', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a, b } = await makeUnits()
    const old = await activeLease(world, [a.id, b.id], '2026-01-01', '2026-12-31')
    const response = await client
      .post(`/park/leases/${old.id}/renew`)
      .form(renewalForm())
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const renewal = await Lease.query()
      .where('renewed_from_id', old.id)
      .preload('units')
      .firstOrFail()
    response.assertHeader('location', `/park/leases/${renewal.id}`)
    assert.equal(renewal.status, 'active')
    assert.equal(renewal.startDate.toISODate(), '2027-01-01')
    assert.equal(renewal.endDate.toISODate(), '2027-12-31')
    assert.equal(renewal.monthlyRentFen, 1_050_000)
    assert.equal(renewal.tenantId, world.tenantA.id)
    assert.sameMembers(
      renewal.units.map((u) => u.number),
      ['L-101', 'L-102']
    )
    assert.equal((await Lease.findOrFail(old.id)).status, 'renewed')
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'lease.renewed', subjectId: String(old.id) })
        .first()
    )

    const page = await client.get(`/park/leases/${old.id}`).loginAs(world.staff)
    page.assertTextIncludes(renewal.number)
    page.assertTextIncludes('已续签')
  })

  test('a second renewal, a renewal of a non-active lease and an end before the new start are refused', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const old = await activeLease(world, [a.id], '2026-01-01', '2026-12-31')
    const early = await client
      .post(`/park/leases/${old.id}/renew`)
      .form(renewalForm({ endDate: '2026-12-31' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    early.assertFieldErrors('endDate', ['续签合同的到期日期必须晚于 2027-01-01。'])
    assert.equal((await Lease.findOrFail(old.id)).status, 'active', 'nothing changed')
    assert.lengthOf(await Lease.all(), 1)

    await client
      .post(`/park/leases/${old.id}/renew`)
      .form(renewalForm())
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const again = await client
      .post(`/park/leases/${old.id}/renew`)
      .form(renewalForm({ endDate: '2028-12-31' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', '只有生效中的合同可以续签。')
    assert.lengthOf(await Lease.all(), 2)
  })

  test('a renewal that would overlap another tenant’s later lease on the unit is refused whole', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const old = await activeLease(world, [a.id], '2026-01-01', '2026-12-31')
    const other = await activeLease(world, [a.id], '2027-06-01', '2027-12-31', world.tenantB.id)
    const response = await client
      .post(`/park/leases/${old.id}/renew`)
      .form(renewalForm())
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', `单元 L-101 在该租期内已被合同 ${other.number} 占用。`)
    assert.equal((await Lease.findOrFail(old.id)).status, 'active')
    assert.lengthOf(await Lease.all(), 2)
  })

  test('terminating a renewal frees the units: the renewed lease whose term is over holds nothing', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const old = await activeLease(world, [a.id], '2024-01-01', '2024-12-31')
    const renewal = await new LeaseService().renew(old.id, {
      endDate: DateTime.fromISO('2030-12-31'),
      monthlyRentFen: 1,
      depositFen: 0,
    })
    await new LeaseService().terminate(renewal.id)
    assert.equal((await Unit.findOrFail(a.id)).status, 'vacant')
    // The expiry job leaves a renewed lease as it is.
    await new LeaseExpiryJob().handle({})
    assert.equal((await Lease.findOrFail(old.id)).status, 'renewed')
  })

  test('renewals are for operators only', async ({ client, assert }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const old = await activeLease(world, [a.id], '2026-01-01', '2026-12-31')
    for (const user of [world.adminA, world.memberA, world.adminB, world.evaluator]) {
      ;(await client.get(`/park/leases/${old.id}/renew`).loginAs(user).redirects(0)).assertStatus(
        403
      )
      const post = await client
        .post(`/park/leases/${old.id}/renew`)
        .form(renewalForm())
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      post.assertStatus(403)
    }
    assert.lengthOf(await Lease.all(), 1)
  })
})

test.group('Park: lease expiry reminders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('60 and 30 days ahead the tenant’s users and the operators are told once; renewed leases are not', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const { a, b } = await makeUnits()
    const today = DateTime.fromISO('2026-03-02', { zone: 'Asia/Shanghai' })
    // Ends in 45 days: inside the 60-day window only.
    const soon = await activeLease(
      world,
      [a.id],
      '2025-05-01',
      today.plus({ days: 45 }).toISODate()!
    )
    // Ends in 90 days: no reminder yet.
    await activeLease(
      world,
      [b.id],
      '2025-06-01',
      today.plus({ days: 90 }).toISODate()!,
      world.tenantB.id
    )
    const run = (day: DateTime) =>
      new LeaseReminderJob().handle({ scheduledFor: day.toUTC().toISO()! })

    await run(today)
    await run(today) // the same day twice: no second round
    const forA = await Notification.query().where('user_id', world.adminA.id)
    assert.lengthOf(forA, 1)
    assert.equal(forA[0].params.number, soon.number)
    assert.equal(forA[0].params.days, 45)
    assert.lengthOf(await Notification.query().where('user_id', world.memberA.id), 1)
    assert.lengthOf(await Notification.query().where('user_id', world.staff.id), 1)
    assert.lengthOf(await Notification.query().where('user_id', world.adminB.id), 0)
    assert.lengthOf(await Notification.query().where('user_id', world.evaluator.id), 0)

    // 20 days later: 25 days left, the 30-day reminder goes out (and only it).
    await run(today.plus({ days: 20 }))
    await run(today.plus({ days: 21 }))
    const later = await Notification.query().where('user_id', world.adminA.id).orderBy('id')
    assert.lengthOf(later, 2)
    assert.equal(later[1].params.days, 25)
    assert.equal(later[1].dedupeKey, `lease-expiring:${soon.id}:30`)

    // Once renewed, nobody is reminded about it any more.
    const c = await Unit.create({
      buildingId: a.buildingId,
      floor: 2,
      number: 'L-201',
      unitType: 'office',
      area: 10,
      status: 'vacant',
    })
    const renewed = await activeLease(
      world,
      [c.id],
      '2025-01-01',
      today.plus({ days: 100 }).toISODate()!
    )
    await new LeaseService().renew(renewed.id, {
      endDate: today.plus({ days: 500 }),
      monthlyRentFen: 1,
      depositFen: 0,
    })
    await run(today.plus({ days: 70 }))
    assert.notInclude(
      (await Notification.query().where('user_id', world.adminA.id)).map((n) => n.params.number),
      renewed.number
    )
  })

  test('the reminder reads in each reader’s language', async ({ client }) => {
    const world = await makeWorld()
    const { a } = await makeUnits()
    const end = todayInShanghai().plus({ days: 30 })
    const lease = await activeLease(world, [a.id], '2025-01-01', end.toISODate()!)
    await new LeaseReminderJob().handle({})
    const zh = await client.get('/notifications').loginAs(world.adminA)
    zh.assertTextIncludes(
      `租赁合同 ${lease.number} 将于 ${end.toISODate()} 到期（剩余 30 天）：Alpha Trading，L-101。`
    )
    world.staff.locale = 'en'
    await world.staff.save()
    const en = await client.get('/notifications').loginAs(world.staff)
    en.assertTextIncludes(
      `Lease ${lease.number} ends on ${end.toISODate()} (30 days left): Alpha Trading, L-101.`
    )
  })
})

test.group('Park: lease list filters and export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the list filters by tenant, building and end date; the Excel export has the same rows', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const { a, b } = await makeUnits()
    const today = todayInShanghai()
    const ending = await activeLease(
      world,
      [a.id],
      '2025-01-01',
      today.plus({ days: 20 }).toISODate()!
    )
    const later = await activeLease(
      world,
      [b.id],
      '2025-01-01',
      today.plus({ days: 400 }).toISODate()!,
      world.tenantB.id
    )

    const soon = await client.get('/park/leases?endingWithin=30').loginAs(world.staff)
    soon.assertTextIncludes(ending.number)
    assert.notInclude(soon.text(), later.number)
    const byTenant = await client.get('/park/leases?q=Beta').loginAs(world.staff)
    byTenant.assertTextIncludes(later.number)
    assert.notInclude(byTenant.text(), ending.number)

    const response = await client.get('/park/leases.xlsx?endingWithin=30').loginAs(world.staff)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const sheet = book.getWorksheet('租赁合同')!
    assert.equal(sheet.rowCount, 2, 'header + the one lease ending within 30 days')
    const row = sheet.getRow(2)
    assert.equal(row.getCell(1).value, ending.number)
    assert.equal(row.getCell(2).value, 'Alpha Trading')
    assert.equal(row.getCell(5).value, 100)
    assert.equal(row.getCell(8).value, 10000)
    assert.equal(row.getCell(8).numFmt, '"¥"#,##0.00')
    assert.equal(sheet.views[0].state, 'frozen')

    const all = new ExcelJS.Workbook()
    await all.xlsx.load((await client.get('/park/leases.xlsx').loginAs(world.staff)).body() as any)
    assert.equal(all.getWorksheet('租赁合同')!.rowCount, 3)
  })

  test('the export is for operators only', async ({ client }) => {
    const world = await makeWorld()
    for (const user of [world.adminA, world.memberA, world.evaluator]) {
      ;(await client.get('/park/leases.xlsx').loginAs(user).redirects(0)).assertStatus(403)
    }
    ;(await client.get('/park/leases.xlsx').redirects(0)).assertHeader('location', '/login')
  })
})
