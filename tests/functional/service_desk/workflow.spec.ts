import { test } from '@japa/runner'
import sinon from 'sinon'
import { type DateTime } from 'luxon'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import ServiceRequest from '#service_desk/models/service_request'
import ServiceRequestEvent from '#service_desk/models/service_request_event'
import Attachment from '#core/models/attachment'
import AuditLog from '#core/models/audit_log'
import Notification from '#core/models/notification'
import type User from '#core/models/user'
import { makeWorld } from '#tests/helpers/world'
import { freezeAt, seedHolidays } from '#tests/helpers/complaints'
import { advanceRequest, fileRequest, makeServiceItem } from '#tests/helpers/service_desk'

const shanghai = (dt: DateTime) => dt.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm')

function post(client: ApiClient, user: User, url: string, form: Record<string, unknown> = {}) {
  return client.post(url).form(form).loginAs(user).withCsrfToken().redirects(0)
}

const historyOf = (id: number) =>
  ServiceRequestEvent.query().where('serviceRequestId', id).orderBy('id')

test.group('Service requests: workflow and promised times', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.teardown(() => sinon.restore())

  test('GB/T 39678 7.1: filed on Friday 2026-02-13 16:00, the promises skip the Spring Festival but count the make-up Saturday', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 3 })
    freezeAt('2026-02-13T16:00')
    const response = await client
      .post('/tenant/service-requests')
      .fields({
        serviceItemId: item.id,
        subject: '1210 通关流程',
        details: '请提供备案、申报、出区的操作指引。',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const [request] = await ServiceRequest.all()
    response.assertHeader('location', `/tenant/service-requests/${request.id}`)
    response.assertFlashMessage('success', `服务请求已提交，编号 ${request.number}。`)
    assert.equal(request.number, 'FW20260213-0001')
    // The tenant comes from the session, the department and promises from the catalogue.
    assert.equal(request.tenantId, world.tenantA.id)
    assert.equal(request.submittedBy, world.adminA.id)
    assert.equal(request.departmentId, world.department.id)
    assert.equal(request.status, 'submitted')
    // 2 working hours on Friday (16:00–18:00), 2 more on Saturday 14 Feb, a make-up workday.
    assert.equal(shanghai(request.responseDueAt), '2026-02-14 11:00')
    // 14 Feb (make-up workday) counts; 15–23 Feb are off; 24 and 25 Feb count.
    assert.equal(shanghai(request.completionDueAt), '2026-02-25 18:00')
  })

  test('an ordinary weekend: filed Friday 2026-03-06 17:00, response Monday 12:00, completion Tuesday 18:00', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 2 })
    freezeAt('2026-03-06T17:00')
    const request = await fileRequest(world, item)
    assert.equal(shanghai(request.responseDueAt), '2026-03-09 12:00')
    assert.equal(shanghai(request.completionDueAt), '2026-03-10 18:00')
    // A later change of the catalogue's promise leaves the filed request's promise alone.
    item.merge({ completionDays: 10 })
    await item.save()
    assert.equal(
      shanghai((await ServiceRequest.findOrFail(request.id)).completionDueAt),
      '2026-03-10 18:00'
    )
  })

  test('every transition, in order, is in the history, the audit trail and the notifications', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world)
    const request = await fileRequest(world, item)
    const staffUrl = (action: string) => `/service-requests/${request.id}/${action}`
    const tenantUrl = (action: string) => `/tenant/service-requests/${request.id}/${action}`

    const steps: Array<[User, string, Record<string, unknown>, string, string]> = [
      [
        world.operator,
        staffUrl('assign'),
        { assigneeId: world.staff.id, note: '请今天联系企业' },
        'assigned',
        '已分派经办人。',
      ],
      [world.staff, staffUrl('start'), {}, 'in_progress', '已开始办理。'],
      [
        world.staff,
        staffUrl('note'),
        { note: '已电话沟通，约定周四讲解' },
        'in_progress',
        '办理说明已记录。',
      ],
      [
        world.staff,
        staffUrl('complete'),
        { result: '已现场讲解并提供操作手册' },
        'completed',
        '服务请求已办结，已通知企业。',
      ],
      [
        world.memberA,
        tenantUrl('reopen'),
        { comment: '出区环节还没有讲清楚' },
        'in_progress',
        '已要求重新办理。',
      ],
      [
        world.staff,
        staffUrl('complete'),
        { result: '已补充讲解出区核放流程' },
        'completed',
        '服务请求已办结，已通知企业。',
      ],
      [
        world.adminA,
        tenantUrl('confirm'),
        { rating: 4, comment: '讲解清楚' },
        'confirmed',
        '感谢您的评价，服务请求已确认。',
      ],
    ]
    for (const [user, url, form, status, message] of steps) {
      const response = await post(client, user, url, form)
      response.assertStatus(302)
      response.assertFlashMessage('success', message)
      assert.equal((await ServiceRequest.findOrFail(request.id)).status, status, url)
    }
    const done = await ServiceRequest.findOrFail(request.id)
    assert.equal(done.assigneeId, world.staff.id)
    assert.isNotNull(done.respondedAt)
    assert.equal(done.rating, 4)
    assert.equal(done.ratingComment, '讲解清楚')
    assert.equal(done.reopenCount, 1)
    assert.equal(done.result, '已补充讲解出区核放流程')
    assert.isTrue(done.completedOnTime)

    const history = await historyOf(request.id)
    assert.deepEqual(
      history.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorKind]),
      [
        ['submitted', null, 'submitted', 'tenant'],
        ['assign', 'submitted', 'assigned', 'staff'],
        ['start', 'assigned', 'in_progress', 'staff'],
        ['note', 'in_progress', 'in_progress', 'staff'],
        ['complete', 'in_progress', 'completed', 'staff'],
        ['reopen', 'completed', 'in_progress', 'tenant'],
        ['complete', 'in_progress', 'completed', 'staff'],
        ['confirm', 'completed', 'confirmed', 'tenant'],
      ]
    )
    assert.equal(history[1].note, 'staff · 请今天联系企业')
    assert.equal(history[3].note, '已电话沟通，约定周四讲解')
    assert.equal(history[5].note, '出区环节还没有讲清楚')
    assert.equal(history[7].note, '4/5 · 讲解清楚')
    assert.equal(history[1].actorId, world.operator.id)

    const audit = await AuditLog.query()
      .where({ subjectType: 'service_request', subjectId: String(request.id) })
      .orderBy('id')
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'service_request.submitted',
        'service_request.assign',
        'service_request.start',
        'service_request.note',
        'service_request.complete',
        'service_request.reopen',
        'service_request.complete',
        'service_request.confirm',
      ]
    )

    const kinds = async (user: User) =>
      (await Notification.query().where('userId', user.id).orderBy('id')).map((n) => n.kind)
    // The assignee hears of the assignment, the reopening and the rating.
    assert.deepEqual(await kinds(world.staff), [
      'service_request.assign',
      'service_request.reopen',
      'service_request.confirm',
    ])
    // Every user of the tenant hears of the assignment, the start and each completion.
    for (const user of [world.adminA, world.memberA]) {
      assert.deepEqual(await kinds(user), [
        'service_request.assign',
        'service_request.start',
        'service_request.complete',
        'service_request.complete',
      ])
    }
    assert.deepEqual(await kinds(world.adminB), [])
    // The department has no head: the operator admins hear of the new request.
    assert.deepEqual(await kinds(world.operator), ['service_request.submitted'])
  })

  test('a reopened request gets a fresh completion promise from the calendar', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { completionDays: 2 })
    freezeAt('2026-03-02T10:00')
    const request = await advanceRequest(await fileRequest(world, item), world, 'completed')
    assert.equal(shanghai(request.completionDueAt), '2026-03-04 18:00')
    sinon.restore()
    freezeAt('2026-03-06T10:00')
    ;(
      await post(client, world.adminA, `/tenant/service-requests/${request.id}/reopen`, {
        comment: '还没解决',
      })
    ).assertStatus(302)
    const reopened = await ServiceRequest.findOrFail(request.id)
    assert.equal(reopened.status, 'in_progress')
    assert.equal(shanghai(reopened.completionDueAt), '2026-03-10 18:00')
    assert.isNull(reopened.completedAt)
  })

  test('staff close a completed request the tenant left unanswered', async ({ client, assert }) => {
    const world = await makeWorld()
    const request = await advanceRequest(
      await fileRequest(world, await makeServiceItem(world)),
      world,
      'completed'
    )
    const response = await post(client, world.staff, `/service-requests/${request.id}/close`)
    response.assertFlashMessage('success', '服务请求已关闭。')
    const closed = await ServiceRequest.findOrFail(request.id)
    assert.equal(closed.status, 'closed')
    assert.isNotNull(closed.closedAt)
  })

  test('a transition not allowed from the current state is refused with a translated message and nothing changes', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const request = await fileRequest(world, await makeServiceItem(world))
    const refusals: Array<[User, string, Record<string, unknown>, string]> = [
      [world.staff, 'start', {}, '只有已分派的请求才能开始办理。'],
      [world.staff, 'note', { note: '提前记录' }, '该请求当前状态不能记录办理说明。'],
      [world.staff, 'complete', { result: '已办理完毕' }, '只有办理中的请求才能办结。'],
      [world.staff, 'close', {}, '只有已办结的请求才能关闭。'],
    ]
    const before = (await ServiceRequest.findOrFail(request.id)).serialize()
    for (const [user, action, form, message] of refusals) {
      const response = await post(client, user, `/service-requests/${request.id}/${action}`, form)
      response.assertStatus(302)
      response.assertFlashMessage('error', message)
    }
    for (const [action, form, message] of [
      ['confirm', { rating: 5 }, '只有已办结的请求才能确认。'],
      ['reopen', { comment: '还没解决' }, '只有已办结的请求才能要求重新办理。'],
    ] as const) {
      const response = await post(
        client,
        world.adminA,
        `/tenant/service-requests/${request.id}/${action}`,
        form
      )
      response.assertFlashMessage('error', message)
    }
    // A confirmed request cannot be reassigned either.
    const confirmed = await advanceRequest(
      await fileRequest(world, await makeServiceItem(world, { code: 'legal' })),
      world,
      'completed'
    )
    await post(client, world.adminA, `/tenant/service-requests/${confirmed.id}/confirm`, {
      rating: 5,
    })
    ;(
      await post(client, world.staff, `/service-requests/${confirmed.id}/assign`, {
        assigneeId: world.operator.id,
      })
    ).assertFlashMessage('error', '该请求当前状态不能分派经办人。')
    assert.equal((await ServiceRequest.findOrFail(confirmed.id)).assigneeId, world.staff.id)

    assert.deepEqual((await ServiceRequest.findOrFail(request.id)).serialize(), before)
    assert.lengthOf(await historyOf(request.id), 1)
  })

  test('bad input: an executable disguised as an image, a tenant user as assignee, a rating of 6, a withdrawn service', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world)
    const form = {
      serviceItemId: item.id,
      subject: '通关咨询',
      details: '请提供备案、申报、出区的操作指引。',
    }

    const disguised = await client
      .post('/tenant/service-requests')
      .fields(form)
      .file('attachments[]', Buffer.from('MZ\x90\x00 an executable, renamed'), {
        filename: 'scan.pdf',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    disguised.assertStatus(302)
    // The type is read from the content (magic bytes), not from the name the file was given.
    disguised.assertFieldErrors('attachments.0', [
      '附件只接受 PDF、图片（PNG、JPG、WEBP）、Word 或 Excel 文件。',
    ])
    assert.lengthOf(await ServiceRequest.all(), 0)
    assert.lengthOf(await Attachment.query().where('ownerType', 'service_request'), 0)

    const exe = await client
      .post('/tenant/service-requests')
      .fields(form)
      .file('attachments[]', Buffer.from('MZ\x90\x00'), { filename: 'setup.exe' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    exe.assertFieldErrors('attachments.0', [
      '附件只接受 PDF、图片（PNG、JPG、WEBP）、Word 或 Excel 文件。',
    ])
    assert.lengthOf(await ServiceRequest.all(), 0)

    const pdf = await client
      .post('/tenant/service-requests')
      .fields(form)
      .file(
        'attachments[]',
        Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
        { filename: 'list.pdf' }
      )
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    pdf.assertStatus(302)
    const [stored] = await ServiceRequest.all()
    const files = await Attachment.query().where({
      ownerType: 'service_request',
      ownerId: String(stored.id),
    })
    assert.deepEqual(
      files.map((f) => [f.originalName, f.tenantId]),
      [['list.pdf', world.tenantA.id]]
    )

    // Only operator users can be assigned.
    const toTenant = await post(client, world.staff, `/service-requests/${stored.id}/assign`, {
      assigneeId: world.adminB.id,
    })
    toTenant.assertFieldErrors('assigneeId', ['经办人必须是在职的园区运营人员。'])
    assert.equal((await ServiceRequest.findOrFail(stored.id)).status, 'submitted')

    await advanceRequest(stored, world, 'completed')
    const six = await post(client, world.adminA, `/tenant/service-requests/${stored.id}/confirm`, {
      rating: 6,
    })
    six.assertStatus(302)
    assert.equal((await ServiceRequest.findOrFail(stored.id)).status, 'completed')
    const noReason = await post(
      client,
      world.adminA,
      `/tenant/service-requests/${stored.id}/reopen`,
      {}
    )
    noReason.assertStatus(302)
    assert.equal((await ServiceRequest.findOrFail(stored.id)).status, 'completed')

    item.isActive = false
    await item.save()
    const withdrawn = await post(client, world.adminA, '/tenant/service-requests', form)
    withdrawn.assertFieldErrors('serviceItemId', ['该服务已停用，不能申请。'])
    assert.lengthOf(await ServiceRequest.all(), 1)

    // The same refusal in English for an English-speaking user.
    world.adminA.locale = 'en'
    await world.adminA.save()
    const english = await post(client, world.adminA, '/tenant/service-requests', form)
    english.assertFieldErrors('serviceItemId', [
      'This service has been withdrawn and cannot be requested.',
    ])
  })
})
