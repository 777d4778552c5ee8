import { test } from '@japa/runner'
import sinon from 'sinon'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Complaint from '#complaints/models/complaint'
import ComplaintEvent from '#complaints/models/complaint_event'
import Notification from '#core/models/notification'
import User from '#core/models/user'
import AuditLog from '#core/models/audit_log'
import ComplaintDeadlineJob from '#complaints/jobs/complaint_deadline_job'
import ComplaintAutoCloseJob from '#complaints/jobs/complaint_auto_close_job'
import ComplaintService from '#complaints/services/complaint_service'
import { makeWorld } from '#tests/helpers/world'
import {
  advance,
  clearLimits,
  fileComplaint,
  freezeAt,
  makeCategory,
  seedHolidays,
} from '#tests/helpers/complaints'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toUTC().toISO()!

const eventsOf = (id: number, action: string) =>
  ComplaintEvent.query().where({ complaintId: id, action })

test.group('Complaints: reminders, escalation and auto-close', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.teardown(() => sinon.restore())

  test('at 75% of the allowed time the department is reminded, once, however often the job runs', async ({
    assert,
  }) => {
    const world = await makeWorld()
    freezeAt('2026-11-23T09:00')
    // Due Monday 30 Nov 18:00: 75% of 177 hours is reached on Sat 28 Nov 21:45.
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'in_progress'
    )
    sinon.restore()

    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-28T21:30') })
    assert.lengthOf(await eventsOf(complaint.id, 'reminded'), 0)

    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-28T22:00') })
    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-28T22:00') })
    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-28T22:15') })
    assert.lengthOf(await eventsOf(complaint.id, 'reminded'), 1)
    const reminders = await Notification.query().where('kind', 'complaint.reminder')
    assert.deepEqual(
      reminders.map((n) => n.userId),
      [world.staff.id]
    )
    assert.equal(reminders[0].url, `/complaints/${complaint.id}`)
    assert.isNotNull((await Complaint.findOrFail(complaint.id)).reminderSentAt)
    assert.lengthOf(await eventsOf(complaint.id, 'escalated'), 0)
  })

  test('when the deadline passes the case is escalated to the department head, once', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const head = await User.create({
      email: 'head@example.test',
      password: 'Secret#2026a',
      fullName: '部门负责人',
      role: 'operator_staff',
      isActive: true,
      departmentId: world.department.id,
    })
    world.department.headUserId = head.id
    await world.department.save()
    freezeAt('2026-11-23T09:00')
    const complaint = await fileComplaint(await makeCategory(world))
    sinon.restore()

    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-30T18:15') })
    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-30T18:30') })
    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-11-30T18:30') })
    assert.lengthOf(await eventsOf(complaint.id, 'escalated'), 1)
    // Past the deadline the 75% reminder is moot: the escalation says more.
    assert.lengthOf(await eventsOf(complaint.id, 'reminded'), 0)
    const escalations = await Notification.query().where('kind', 'complaint.overdue')
    assert.deepEqual(
      escalations.map((n) => n.userId),
      [head.id]
    )
    const stored = await Complaint.findOrFail(complaint.id)
    assert.isNotNull(stored.overdueEscalatedAt)
    assert.equal(stored.status, 'submitted')
    assert.isOk(
      await AuditLog.findBy({ action: 'complaint.escalated', subjectId: String(complaint.id) })
    )
  })

  test('a paused case is neither reminded nor escalated', async ({ assert }) => {
    const world = await makeWorld()
    freezeAt('2026-11-23T09:00')
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'in_progress'
    )
    await new ComplaintService().act(
      complaint.id,
      'await',
      { note: '请补充材料' },
      { user: world.staff, kind: 'staff' }
    )
    sinon.restore()
    await new ComplaintDeadlineJob().handle({ scheduledFor: at('2026-12-05T10:00') })
    assert.lengthOf(
      await ComplaintEvent.query()
        .where('complaintId', complaint.id)
        .whereIn('action', ['reminded', 'escalated']),
      0
    )
  })

  test('a resolved case without an answer closes 7 days later; the job is idempotent', async ({
    assert,
  }) => {
    const world = await makeWorld()
    freezeAt('2026-11-23T09:00')
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'resolved'
    )
    const answered = await advance(
      await fileComplaint(await makeCategory(world, 5, '环境卫生')),
      world,
      'resolved'
    )
    sinon.restore()

    await new ComplaintAutoCloseJob().handle({ scheduledFor: at('2026-11-29T00:30') })
    assert.equal((await Complaint.findOrFail(complaint.id)).status, 'resolved')

    await new ComplaintService().feedback(
      answered.id,
      { satisfaction: 5, decision: 'confirm' },
      { user: null, kind: 'complainant' }
    )
    await new ComplaintAutoCloseJob().handle({ scheduledFor: at('2026-12-01T00:30') })
    await new ComplaintAutoCloseJob().handle({ scheduledFor: at('2026-12-01T00:30') })
    await new ComplaintAutoCloseJob().handle({ scheduledFor: at('2026-12-02T00:30') })
    const closed = await Complaint.findOrFail(complaint.id)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.closeKind, 'no_answer')
    assert.lengthOf(await eventsOf(complaint.id, 'close'), 1)
    const event = (await eventsOf(complaint.id, 'close'))[0]
    assert.equal(event.actorKind, 'system')
    assert.equal((await Complaint.findOrFail(answered.id)).closeKind, 'confirmed')
  })
})

test.group('Complaints: the public lookup', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.setup(() => clearLimits())
  group.each.teardown(() => sinon.restore())

  test('number + last four phone digits show status, deadline and the published result, nothing personal', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    freezeAt('2026-02-13T10:00')
    const complaint = await advance(
      await fileComplaint(await makeCategory(world), {
        complainantName: '张三丰',
        complainantPhone: '13912345678',
      }),
      world,
      'resolved'
    )
    sinon.restore()
    const page = await client.get(
      `/complaints/lookup?number=${complaint.number.toLowerCase()}&phone4=5678`
    )
    page.assertStatus(200)
    page.assertTextIncludes(complaint.number)
    page.assertTextIncludes('已办结')
    page.assertTextIncludes('2026-02-27 18:00')
    page.assertTextIncludes('已退还多收费用并公示收费标准。')
    for (const personal of ['张三丰', '13912345678', '园区停车场收费标准没有公示']) {
      assert.notInclude(page.text(), personal)
    }
  })

  test('a wrong pair gets exactly the answer an unknown number gets', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await fileComplaint(await makeCategory(world))
    const wrong = await client.get(`/complaints/lookup?number=${complaint.number}&phone4=0000`)
    const unknown = await client.get('/complaints/lookup?number=TS20200101-9999&phone4=5678')
    const malformed = await client.get('/complaints/lookup?number=hello&phone4=12')
    for (const response of [wrong, unknown, malformed]) {
      response.assertStatus(200)
      response.assertTextIncludes('没有找到与该受理编号和电话后四位相符的投诉')
      assert.notInclude(response.text(), '停车场收费不透明')
    }
    const strip = (html: string) =>
      html.replace(/value=['"][^'"]*['"]/g, '').replace(/nonce="[^"]*"/g, '')
    assert.equal(strip(wrong.text()), strip(unknown.text()))
  })

  test('the lookup is rate-limited per address', async ({ client }) => {
    for (let i = 0; i < 20; i++) {
      ;(
        await client.get(`/complaints/lookup?number=TS20260101-000${i % 10}&phone4=1234`)
      ).assertStatus(200)
    }
    const blocked = await client
      .get('/complaints/lookup?number=TS20260101-0001&phone4=1234')
      .redirects(0)
    blocked.assertStatus(302)
    blocked.assertFlashMessage('error', '提交或查询过于频繁，请 10 分钟后再试。')
  })
})
