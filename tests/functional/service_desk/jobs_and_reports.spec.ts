import { test } from '@japa/runner'
import sinon from 'sinon'
import ExcelJS from 'exceljs'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import ServiceItem from '#service_desk/models/service_item'
import ServiceRequest from '#service_desk/models/service_request'
import ServiceRequestEvent from '#service_desk/models/service_request_event'
import RequestService from '#service_desk/services/request_service'
import ServiceRequestOverdueJob from '#service_desk/jobs/service_request_overdue_job'
import Department from '#core/models/department'
import AuditLog from '#core/models/audit_log'
import db from '@adonisjs/lucid/services/db'
import Notification from '#core/models/notification'
import { makeWorld } from '#tests/helpers/world'
import { freezeAt, seedHolidays } from '#tests/helpers/complaints'
import { advanceRequest, fileRequest, makeServiceItem } from '#tests/helpers/service_desk'
import { SERVICE_CATALOGUE, seedServiceCatalogue } from '#database/seed_data/service_desk_demo'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toUTC().toISO()!

const eventsOf = (id: number) =>
  ServiceRequestEvent.query()
    .where('serviceRequestId', id)
    .where('action', 'like', 'escalated%')
    .orderBy('id')
    .then((rows) => rows.map((e) => e.action))

test.group('Service requests: overdue escalation, lists and export', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.teardown(() => sinon.restore())

  test('overdue requests are escalated to the department head once, however often the job runs', async ({
    assert,
  }) => {
    const world = await makeWorld()
    world.department.headUserId = world.staff.id
    await world.department.save()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 2 })
    freezeAt('2026-03-02T10:00')
    // Response due Monday 14:00, completion due Wednesday 4 March 18:00.
    const unanswered = await fileRequest(world, item)
    const assigned = await advanceRequest(await fileRequest(world, item, 'B'), world, 'assigned')
    assert.equal(assigned.assigneeId, world.staff.id)
    sinon.restore()

    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-02T13:45') })
    assert.deepEqual(await eventsOf(unanswered.id), [])

    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-02T14:15') })
    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-02T14:15') })
    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-02T14:30') })
    assert.deepEqual(await eventsOf(unanswered.id), ['escalated_response'])
    assert.deepEqual(await eventsOf(assigned.id), [])
    const responseNotes = await Notification.query().where(
      'kind',
      'service_request.overdue_response'
    )
    assert.deepEqual(
      responseNotes.map((n) => [n.userId, n.url]),
      [[world.staff.id, `/service-requests/${unanswered.id}`]]
    )
    // Four runs, three distinct schedule keys: the repeated one was recorded once.
    const runs = await db.from('job_runs').where('job_name', 'service_desk.overdue')
    assert.lengthOf(runs, 3)

    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-04T18:15') })
    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-04T18:30') })
    assert.deepEqual(await eventsOf(unanswered.id), ['escalated_response', 'escalated_completion'])
    assert.deepEqual(await eventsOf(assigned.id), ['escalated_completion'])
    const completionNotes = await Notification.query()
      .where('kind', 'service_request.overdue_completion')
      .orderBy('id')
    // The head (also the assignee here) hears once per request.
    assert.deepEqual(
      completionNotes.map((n) => [n.userId, n.url]),
      [
        [world.staff.id, `/service-requests/${unanswered.id}`],
        [world.staff.id, `/service-requests/${assigned.id}`],
      ]
    )
    const audit = await AuditLog.query()
      .where({ subjectType: 'service_request', subjectId: String(unanswered.id) })
      .where('action', 'like', 'service_request.escalated%')
    assert.lengthOf(audit, 2)
    assert.isNotNull((await ServiceRequest.findOrFail(unanswered.id)).responseEscalatedAt)
  })

  test('a department without a head escalates to the operator admins; a finished request is never escalated', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 1 })
    freezeAt('2026-03-02T10:00')
    const open = await advanceRequest(await fileRequest(world, item), world, 'in_progress')
    const done = await advanceRequest(await fileRequest(world, item, 'B'), world, 'completed')
    sinon.restore()
    await new ServiceRequestOverdueJob().handle({ scheduledFor: at('2026-03-05T09:00') })
    assert.deepEqual(await eventsOf(open.id), ['escalated_completion'])
    assert.deepEqual(await eventsOf(done.id), [])
    const notes = await Notification.query().where('kind', 'service_request.overdue_completion')
    assert.sameMembers(
      notes.map((n) => n.userId),
      [world.operator.id, world.staff.id]
    )
  })

  test('overdue requests are flagged on the lists and the filters narrow by status, service, tenant, staff and overdue', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const clearance = await makeServiceItem(world, { responseHours: 4, completionDays: 2 })
    const legal = await makeServiceItem(world, { code: 'legal', completionDays: 10 })
    freezeAt('2026-03-02T10:00')
    const late = await advanceRequest(
      await fileRequest(world, clearance, 'A', '通关流程咨询'),
      world,
      'in_progress'
    )
    // Answered in time (assigned to the admin) and not yet due for completion.
    const fine = await fileRequest(world, legal, 'B', '合同审查')
    await new RequestService().act(
      fine.id,
      'assign',
      { assigneeId: world.operator.id },
      { user: world.operator, kind: 'staff' }
    )
    const unanswered = await fileRequest(world, legal, 'A', '商标纠纷咨询')
    sinon.restore()
    freezeAt('2026-03-05T10:00')

    const numbers = async (qs: string, user = world.staff) => {
      const response = await client.get(`/service-requests${qs}`).loginAs(user)
      response.assertStatus(200)
      return [late, fine, unanswered]
        .filter((r) => response.text().includes(r.number))
        .map((r) => r.number)
    }
    assert.deepEqual(await numbers(''), [late.number, fine.number, unanswered.number])
    assert.deepEqual(await numbers('?overdue=1'), [late.number, unanswered.number])
    assert.deepEqual(await numbers('?status=in_progress'), [late.number])
    assert.deepEqual(await numbers('?status=submitted'), [unanswered.number])
    assert.deepEqual(await numbers(`?serviceItemId=${legal.id}`), [fine.number, unanswered.number])
    assert.deepEqual(await numbers(`?tenantId=${world.tenantB.id}`), [fine.number])
    assert.deepEqual(await numbers(`?assigneeId=${world.staff.id}`), [late.number])

    const list = await client.get('/service-requests').loginAs(world.staff)
    assert.include(list.text(), '办结超时')
    assert.include(list.text(), '响应超时')
    const tenantList = await client.get('/tenant/service-requests').loginAs(world.adminA)
    assert.include(tenantList.text(), '办结超时')
    const detail = await client.get(`/service-requests/${late.id}`).loginAs(world.staff)
    assert.include(detail.text(), '办结超时')
    const tenantDetail = await client
      .get(`/tenant/service-requests/${late.id}`)
      .loginAs(world.adminA)
    assert.include(tenantDetail.text(), '办结超时')

    const bad = await client
      .get('/service-requests?status=nonsense')
      .loginAs(world.staff)
      .redirects(0)
    bad.assertStatus(302)
  })

  test('the lists are paginated, 20 to a page, keeping the filters', async ({ client, assert }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world)
    for (let i = 0; i < 21; i++) await fileRequest(world, item, 'A', `咨询 ${i}`)
    await fileRequest(world, item, 'B', '另一企业的咨询')
    const rows = (html: string) => (html.match(/FW\d{8}-\d{4}<\/a>/g) ?? []).length
    const first = await client
      .get(`/service-requests?tenantId=${world.tenantA.id}`)
      .loginAs(world.staff)
    const second = await client
      .get(`/service-requests?tenantId=${world.tenantA.id}&page=2`)
      .loginAs(world.staff)
    assert.equal(rows(first.text()), 20)
    assert.equal(rows(second.text()), 1)
    const tenantSecond = await client.get('/tenant/service-requests?page=2').loginAs(world.adminA)
    assert.equal(rows(tenantSecond.text()), 1)
  })

  test('the Excel export carries the filters and one row per request', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 2 })
    freezeAt('2026-03-02T10:00')
    const done = await advanceRequest(
      await fileRequest(world, item, 'A', '通关流程咨询'),
      world,
      'completed'
    )
    await fileRequest(world, item, 'B', '出区核放咨询')
    sinon.restore()

    const response = await client
      .get(`/service-requests/export.xlsx?tenantId=${world.tenantA.id}`)
      .loginAs(world.operator)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const sheet = book.getWorksheet('服务请求台账')!
    assert.equal(sheet.rowCount, 2)
    const header = (sheet.getRow(1).values as any[]).slice(1)
    assert.deepEqual(header.slice(0, 9), [
      '请求编号',
      '提交时间',
      '服务项目',
      '责任部门',
      '企业',
      '主题',
      '状态',
      '已超时',
      '经办人',
    ])
    const row = (sheet.getRow(2).values as any[]).slice(1)
    assert.equal(row[0], done.number)
    assert.equal(row[1], '2026-03-02 10:00')
    assert.equal(row[2], item.name)
    assert.equal(row[3], world.department.name)
    assert.equal(row[4], world.tenantA.name)
    assert.equal(row[5], '通关流程咨询')
    assert.equal(row[6], '已办结')
    assert.equal(row[8], world.staff.fullName)
    assert.equal(row[9], '2026-03-02 14:00')
    assert.equal(row[11], '2026-03-04 18:00')
    assert.equal(row[14], '已现场讲解并提供操作手册。')

    const all = await client.get('/service-requests/export.xlsx').loginAs(world.operator)
    const allBook = new ExcelJS.Workbook()
    await allBook.xlsx.load(all.body() as any)
    assert.equal(allBook.getWorksheet('服务请求台账')!.rowCount, 3)
  })

  test('GB/T 39678 6: the seeded catalogue lists every service of clause 6; everyone reads it, operators edit it (audited)', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    for (const [index, name] of ['综合服务部', '通关物流部', '企业发展部'].entries()) {
      await Department.create({ name, responsibilities: '—', sortOrder: 10 + index })
    }
    await seedServiceCatalogue()
    await seedServiceCatalogue()
    const items = await ServiceItem.query().orderBy('sort_order')
    assert.lengthOf(items, SERVICE_CATALOGUE.length)
    assert.includeMembers(
      items.map((i) => i.clause),
      ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6.1', '6.6.3', '6.7', '6.8', '6.9', '6.10']
    )
    for (const user of [world.adminA, world.evaluator, world.staff]) {
      const page = await client.get('/services').loginAs(user)
      page.assertStatus(200)
      assert.include(page.text(), '退税协助')
      assert.include(page.text(), '产品展示服务')
    }
    ;(await client.get('/services').redirects(0)).assertStatus(302)

    const legal = items.find((i) => i.code === 'legal')!
    const form = {
      code: 'legal',
      clause: '6.7',
      name: '法律服务',
      nameEn: 'Legal services',
      description: '法律咨询、风险评估、诉讼代理。',
      descriptionEn: 'Legal advice, risk assessment, litigation.',
      departmentId: legal.departmentId,
      responseHours: 2,
      completionDays: 3,
      isActive: 'true',
    }
    const denied = await client
      .put(`/services/${legal.id}`)
      .form(form)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    denied.assertStatus(403)
    const saved = await client
      .put(`/services/${legal.id}`)
      .form(form)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    saved.assertStatus(302)
    saved.assertFlashMessage('success', '服务目录已保存。')
    await legal.refresh()
    assert.equal(legal.responseHours, 2)
    assert.equal(legal.completionDays, 3)
    const audit = await AuditLog.query()
      .where({ subjectType: 'service_item', subjectId: String(legal.id) })
      .orderBy('id')
    assert.deepEqual(
      audit.map((a) => a.action),
      ['service_item.created', 'service_item.updated']
    )

    const taken = await client
      .post('/services')
      .form({ ...form, code: 'legal_2' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    taken.assertFieldErrors('name', ['该服务名称已被使用。'])
    const badCode = await client
      .post('/services')
      .form({ ...form, code: 'Legal Help!', name: '法律援助' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    badCode.assertFieldErrors('code', ['服务代码只能包含小写字母、数字和下划线，并以字母开头。'])
    assert.lengthOf(await ServiceItem.all(), SERVICE_CATALOGUE.length)
  })
})
