import { test } from '@japa/runner'
import sinon from 'sinon'
import { DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Complaint from '#complaints/models/complaint'
import ComplaintEvent from '#complaints/models/complaint_event'
import AuditLog from '#core/models/audit_log'
import Notification from '#core/models/notification'
import type User from '#core/models/user'
import { makeWorld } from '#tests/helpers/world'
import {
  advance,
  fileComplaint,
  freezeAt,
  makeCategory,
  seedHolidays,
} from '#tests/helpers/complaints'

const shanghai = (dt: DateTime) => dt.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm')

function post(client: ApiClient, user: User, url: string, form: Record<string, unknown> = {}) {
  return client.post(url).form(form).loginAs(user).withCsrfToken().redirects(0)
}

async function historyOf(id: number) {
  return ComplaintEvent.query().where('complaintId', id).orderBy('id')
}

test.group('Complaints: workflow and deadlines', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.teardown(() => sinon.restore())

  test('GB/T 39678 7.3.2: accepted on 2026-02-13 with 5 working days, due at the end of 2026-02-27 across the Spring Festival', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world, 5)
    freezeAt('2026-02-13T10:30')
    const complaint = await fileComplaint(category)
    // 14 Feb (Sat) is a make-up workday; 15–23 Feb are off; 24, 25, 26, 27 Feb count.
    assert.equal(shanghai(complaint.dueAt), '2026-02-27 18:00')
    assert.equal(complaint.number, 'TS20260213-0001')
    assert.equal(complaint.departmentId, world.department.id)
    const second = await fileComplaint(category)
    assert.equal(second.number, 'TS20260213-0002')
  })

  test('every allowed transition, in order, is in the history and the audit trail', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const complaint = await fileComplaint(category)
    const url = (action: string) => `/complaints/${complaint.id}/${action}`

    const steps: Array<[string, Record<string, unknown>, string, string]> = [
      ['accept', { note: '属实' }, 'accepted', '投诉已受理。'],
      ['start', {}, 'in_progress', '已开始办理。'],
      ['await', { note: '请提供缴费凭证' }, 'awaiting_complainant', '已请投诉人补充，计时暂停。'],
      ['resume', {}, 'in_progress', '已恢复办理，承诺时限已顺延。'],
      [
        'resolve',
        { result: '已退还多收费用', correctiveMeasures: '收费标准上墙公示' },
        'resolved',
        '投诉已办结。',
      ],
      ['reopen', { reason: '投诉人电话反馈仍未退款' }, 'in_progress', '投诉已重新办理并升级。'],
      ['resolve', { result: '已确认退款到账' }, 'resolved', '投诉已办结。'],
      ['close', {}, 'closed', '投诉已归档。'],
    ]
    for (const [action, form, status, message] of steps) {
      const response = await post(client, world.staff, url(action), form)
      response.assertStatus(302)
      response.assertFlashMessage('success', message)
      assert.equal((await Complaint.findOrFail(complaint.id)).status, status, action)
    }
    const closed = await Complaint.findOrFail(complaint.id)
    assert.equal(closed.closeKind, 'staff')
    assert.equal(closed.reopenCount, 1)
    assert.isNotNull(closed.escalatedAt)
    assert.equal(closed.result, '已确认退款到账')
    assert.equal(closed.handlerId, world.staff.id)
    assert.isTrue(closed.resolvedOnTime)

    const history = await historyOf(complaint.id)
    assert.deepEqual(
      history.map((e) => [e.action, e.fromStatus, e.toStatus]),
      [
        ['submitted', null, 'submitted'],
        ['accept', 'submitted', 'accepted'],
        ['start', 'accepted', 'in_progress'],
        ['await', 'in_progress', 'awaiting_complainant'],
        ['resume', 'awaiting_complainant', 'in_progress'],
        ['resolve', 'in_progress', 'resolved'],
        ['reopen', 'resolved', 'in_progress'],
        ['resolve', 'in_progress', 'resolved'],
        ['close', 'resolved', 'closed'],
      ]
    )
    assert.equal(history[3].note, '请提供缴费凭证')
    assert.equal(history[6].note, '投诉人电话反馈仍未退款')
    assert.equal(history[1].actorId, world.staff.id)

    const audit = await AuditLog.query()
      .where({ subjectType: 'complaint', subjectId: String(complaint.id) })
      .orderBy('id')
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'complaint.submitted',
        'complaint.accept',
        'complaint.start',
        'complaint.awaiting_complainant',
        'complaint.resume',
        'complaint.resolve',
        'complaint.reopen',
        'complaint.resolve',
        'complaint.close',
      ]
    )
    assert.equal(audit[1].actorId, world.staff.id)
  })

  test('declining needs a reason and ends the case; the reason is kept', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await fileComplaint(await makeCategory(world))
    const bad = await post(client, world.staff, `/complaints/${complaint.id}/decline`, {})
    bad.assertFieldErrors('reason', ['请填写原因。'])
    assert.equal((await Complaint.findOrFail(complaint.id)).status, 'submitted')

    const ok = await post(client, world.staff, `/complaints/${complaint.id}/decline`, {
      reason: '属于商户间经营纠纷，不属于园区受理范围',
    })
    ok.assertFlashMessage('success', '已不予受理，原因已记录。')
    const declined = await Complaint.findOrFail(complaint.id)
    assert.equal(declined.status, 'declined')
    assert.equal(declined.declineReason, '属于商户间经营纠纷，不属于园区受理范围')
    assert.isOk(
      await AuditLog.findBy({ action: 'complaint.decline', subjectId: String(complaint.id) })
    )
  })

  test('a transition not allowed from the current state is refused with a translated message and nothing changes', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await fileComplaint(await makeCategory(world))
    const refusals: Array<[string, Record<string, unknown>, string]> = [
      ['start', {}, '只有已受理的投诉才能开始办理。'],
      ['await', { note: '请补充材料' }, '只有办理中的投诉才能请投诉人补充。'],
      ['resume', {}, '只有等待投诉人补充的投诉才能恢复办理。'],
      ['resolve', { result: '已处理完毕' }, '只有办理中的投诉才能办结。'],
      ['close', {}, '只有已办结的投诉才能归档。'],
      ['reopen', { reason: '仍不满意' }, '只有已办结且尚未归档的投诉才能重新办理。'],
    ]
    const before = (await Complaint.findOrFail(complaint.id)).serialize()
    for (const [action, form, message] of refusals) {
      const response = await post(
        client,
        world.staff,
        `/complaints/${complaint.id}/${action}`,
        form
      )
      response.assertStatus(302)
      response.assertFlashMessage('error', message)
    }
    assert.deepEqual((await Complaint.findOrFail(complaint.id)).serialize(), before)
    assert.lengthOf(await historyOf(complaint.id), 1)

    await post(client, world.staff, `/complaints/${complaint.id}/accept`)
    const again = await post(client, world.staff, `/complaints/${complaint.id}/accept`)
    again.assertFlashMessage('error', '只有待受理的投诉才能受理。')
    const twice = await post(client, world.staff, `/complaints/${complaint.id}/decline`, {
      reason: '不属于受理范围',
    })
    twice.assertFlashMessage('error', '只有待受理的投诉才能不予受理。')
    assert.equal((await Complaint.findOrFail(complaint.id)).status, 'accepted')
    assert.lengthOf(await historyOf(complaint.id), 2)
  })

  test('waiting for the complainant pauses the clock: the deadline moves by the paused time', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const clock = freezeAt('2026-11-23T09:00')
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'in_progress'
    )
    // Monday 23 Nov + 5 working days = Monday 30 Nov, 18:00.
    assert.equal(shanghai(complaint.dueAt), '2026-11-30 18:00')

    clock.setSystemTime(DateTime.fromISO('2026-11-24T10:00', { zone: 'Asia/Shanghai' }).toMillis())
    await post(client, world.staff, `/complaints/${complaint.id}/await`, { note: '请提供照片' })
    const paused = await Complaint.findOrFail(complaint.id)
    assert.isFalse(paused.isOverdue)

    // Two days and four hours later the complainant answers.
    clock.setSystemTime(DateTime.fromISO('2026-11-26T14:00', { zone: 'Asia/Shanghai' }).toMillis())
    await post(client, world.staff, `/complaints/${complaint.id}/resume`)
    const resumed = await Complaint.findOrFail(complaint.id)
    assert.equal(shanghai(resumed.dueAt), '2026-12-02 22:00')
    assert.equal(resumed.pausedSeconds, (2 * 24 + 4) * 3600)
    assert.isNull(resumed.pausedAt)
  })

  test('a resolution after the deadline counts as late; handling time is in working days', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const clock = freezeAt('2026-02-13T10:00')
    const complaint = await advance(
      await fileComplaint(await makeCategory(world, 5)),
      world,
      'in_progress'
    )
    clock.setSystemTime(DateTime.fromISO('2026-03-02T11:00', { zone: 'Asia/Shanghai' }).toMillis())
    assert.isTrue((await Complaint.findOrFail(complaint.id)).isOverdue)
    await post(client, world.staff, `/complaints/${complaint.id}/resolve`, { result: '已处理' })
    const resolved = await Complaint.findOrFail(complaint.id)
    assert.isFalse(resolved.resolvedOnTime)
    // 14 Feb, 24–27 Feb, 28 Feb (make-up Saturday), 2 Mar: 7 working days.
    assert.equal(resolved.handlingWorkingDays, 7)
  })

  test('a second reopen is refused and nothing changes', async ({ client, assert }) => {
    const world = await makeWorld()
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'resolved'
    )
    await post(client, world.staff, `/complaints/${complaint.id}/reopen`, { reason: '仍未解决' })
    await post(client, world.staff, `/complaints/${complaint.id}/resolve`, {
      result: '再次处理完毕',
    })
    const before = (await Complaint.findOrFail(complaint.id)).serialize()
    const refused = await post(client, world.staff, `/complaints/${complaint.id}/reopen`, {
      reason: '还是不满意',
    })
    refused.assertFlashMessage('error', '每件投诉只能重新办理一次。')
    assert.deepEqual((await Complaint.findOrFail(complaint.id)).serialize(), before)
    assert.equal(before.status, 'resolved')
  })

  test('reopening escalates to the department head (operator admins when none is named)', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'resolved'
    )
    await post(client, world.staff, `/complaints/${complaint.id}/reopen`, { reason: '仍未解决' })
    const rows = await Complaint.query().where('id', complaint.id).firstOrFail()
    assert.isNotNull(rows.escalatedAt)
    const sent = await Notification.query().where('kind', 'complaint.reopened')
    assert.deepEqual(
      sent.map((n) => n.userId),
      [world.operator.id]
    )

    world.department.headUserId = world.staff.id
    await world.department.save()
    const other = await advance(
      await fileComplaint(await makeCategory(world, 3, '环境卫生')),
      world,
      'resolved'
    )
    await post(client, world.staff, `/complaints/${other.id}/reopen`, { reason: '仍未解决' })
    const toHead = await Notification.query()
      .where('kind', 'complaint.reopened')
      .where('url', `/complaints/${other.id}`)
    assert.deepEqual(
      toHead.map((n) => n.userId),
      [world.staff.id]
    )
  })

  test('staff actions are for operators: evaluators read, tenants and visitors cannot', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await fileComplaint(await makeCategory(world))
    ;(await client.get(`/complaints/${complaint.id}`).loginAs(world.evaluator)).assertStatus(200)
    ;(await post(client, world.evaluator, `/complaints/${complaint.id}/accept`)).assertStatus(403)
    ;(await post(client, world.adminA, `/complaints/${complaint.id}/accept`)).assertStatus(403)
    const anonymous = await client
      .post(`/complaints/${complaint.id}/accept`)
      .withCsrfToken()
      .redirects(0)
    anonymous.assertHeader('location', '/login')
    assert.equal((await Complaint.findOrFail(complaint.id)).status, 'submitted')
  })
})
