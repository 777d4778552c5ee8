import { test } from '@japa/runner'
import sinon from 'sinon'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import Complaint from '#complaints/models/complaint'
import ComplaintCategory from '#complaints/models/complaint_category'
import ComplaintService from '#complaints/services/complaint_service'
import AuditLog from '#core/models/audit_log'
import { makeWorld, type World } from '#tests/helpers/world'
import {
  advance,
  fileComplaint,
  freezeAt,
  makeCategory,
  seedHolidays,
} from '#tests/helpers/complaints'

/**
 * Four cases: two in February 2026 (one resolved on time and rated 5, one resolved late and
 * rated 2), one in March still open and overdue, one declined in March from the phone.
 */
async function makeCases(world: World) {
  const service = new ComplaintService()
  const staff = { user: world.staff, kind: 'staff' as const }
  const quality = await makeCategory(world, 5)
  const environment = await makeCategory(world, 3, '环境卫生')
  const clock = freezeAt('2026-02-02T10:00')
  const onTime = await advance(await fileComplaint(quality), world, 'resolved')
  await service.feedback(onTime.id, { satisfaction: 5, decision: 'confirm' }, staff)
  clock.setSystemTime(Date.parse('2026-02-10T02:00:00Z'))
  const late = await advance(
    await fileComplaint(environment, { subject: '垃圾清运不及时' }),
    world,
    'in_progress'
  )
  clock.setSystemTime(Date.parse('2026-02-27T02:00:00Z'))
  await service.act(late.id, 'resolve', { result: '已增加清运频次' }, staff)
  await service.feedback(late.id, { satisfaction: 2, decision: 'confirm' }, staff)
  clock.setSystemTime(Date.parse('2026-03-02T02:00:00Z'))
  const open = await fileComplaint(quality, { subject: '空调报修无人处理' })
  const declined = await fileComplaint(environment, { channel: 'phone', subject: '邻居噪音' })
  await service.act(declined.id, 'decline', { reason: '不属于园区受理范围' }, staff)
  clock.setSystemTime(Date.parse('2026-03-20T02:00:00Z'))
  return { quality, environment, onTime, late, open, declined }
}

test.group('Complaints: list, ledger and statistics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.teardown(() => sinon.restore())

  test('the operator list filters by status, category, channel, overdue and period, and marks overdue cases', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const cases = await makeCases(world)
    const list = async (qs: string) => {
      const response = await client.get(`/complaints?${qs}`).loginAs(world.staff)
      response.assertStatus(200)
      return [cases.onTime, cases.late, cases.open, cases.declined]
        .filter((c) => response.text().includes(c.number))
        .map((c) => c.number)
    }
    assert.sameMembers(await list(''), [
      cases.onTime.number,
      cases.late.number,
      cases.open.number,
      cases.declined.number,
    ])
    assert.deepEqual(await list('status=declined'), [cases.declined.number])
    assert.sameMembers(await list(`categoryId=${cases.environment.id}`), [
      cases.late.number,
      cases.declined.number,
    ])
    assert.deepEqual(await list('channel=phone'), [cases.declined.number])
    assert.deepEqual(await list('overdue=1'), [cases.open.number])
    assert.sameMembers(await list('from=2026-02-01&to=2026-02-28'), [
      cases.onTime.number,
      cases.late.number,
    ])
    assert.deepEqual(await list(`q=${cases.open.number}`), [cases.open.number])
    assert.sameMembers(await list(`departmentId=${world.department.id}&from=2026-03-01`), [
      cases.open.number,
      cases.declined.number,
    ])
    const page = await client.get('/complaints?overdue=1').loginAs(world.staff)
    page.assertTextIncludes('已超期')
    const bad = await client.get('/complaints?status=nonsense').loginAs(world.staff).redirects(0)
    assert.equal(bad.status(), 302)
  })

  test('the ledger (投诉台账) holds one row per case with the filters applied', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const cases = await makeCases(world)
    const response = await client
      .get('/complaints/ledger.xlsx?from=2026-02-01&to=2026-02-28')
      .loginAs(world.operator)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const sheet = book.getWorksheet('投诉台账')!
    assert.equal(sheet.rowCount, 3)
    const header = (sheet.getRow(1).values as any[]).slice(1)
    assert.deepEqual(header.slice(0, 5), ['受理编号', '提交时间', '渠道', '投诉类别', '责任部门'])
    const rows = [2, 3].map((r) => (sheet.getRow(r).values as any[]).slice(1))
    const byNumber = new Map(rows.map((r) => [r[0], r]))
    const onTime = byNumber.get(cases.onTime.number)!
    assert.equal(onTime[1], '2026-02-02 10:00')
    assert.equal(onTime[2], '网上投诉')
    assert.equal(onTime[3], '服务质量')
    assert.equal(onTime[4], world.department.name)
    assert.equal(onTime[7], '13912345678')
    assert.equal(onTime[10], '已归档')
    assert.equal(onTime[11], '2026-02-09 18:00')
    assert.equal(onTime[13], '是')
    assert.equal(onTime[15], '已退还多收费用并公示收费标准。')
    assert.equal(onTime[17], 5)
    const late = byNumber.get(cases.late.number)!
    assert.equal(late[13], '否')
    // 10 Feb → 27 Feb: 11, 12, 13, 14 (make-up), 24, 25, 26, 27 Feb.
    assert.equal(late[14], 8)
    assert.equal(late[17], 2)
    assert.isUndefined(byNumber.get(cases.open.number))

    const evaluator = await client.get('/complaints/ledger.xlsx').loginAs(world.evaluator)
    evaluator.assertStatus(200)
    ;(await client.get('/complaints/ledger.xlsx').loginAs(world.adminA).redirects(0)).assertStatus(
      403
    )
  })

  test('statistics: counts by category, department and month, on-time rate, handling time and satisfaction', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await makeCases(world)
    const response = await client.get('/complaints/statistics').loginAs(world.staff)
    response.assertStatus(200)
    const html = response.text()
    // 1 of 2 resolved cases on time; (0 + 8) / 2 = 4 working days; (5 + 2) / 2 = 3.5.
    assert.include(html, '50.0%')
    assert.include(html, '1 / 2 件按时办结')
    assert.include(html, '4.0 个工作日')
    assert.include(html, '3.5 / 5')
    const months = JSON.parse(
      /<script type="application\/json" id="by-month-data">(.*?)<\/script>/s.exec(html)![1]
    )
    assert.deepEqual(months.labels, ['2026-02', '2026-03'])
    assert.deepEqual(months.datasets[0].data, [2, 2])
    const categories = JSON.parse(
      /<script type="application\/json" id="by-category-data">(.*?)<\/script>/s.exec(html)![1]
    )
    assert.deepEqual(categories.labels, ['服务质量', '环境卫生'])
    assert.deepEqual(categories.datasets[0].data, [2, 2])
    const satisfaction = JSON.parse(
      /<script type="application\/json" id="by-satisfaction-data">(.*?)<\/script>/s.exec(html)![1]
    )
    assert.deepEqual(satisfaction.datasets[0].data, [0, 1, 0, 0, 1])

    const february = await client.get('/complaints/statistics?to=2026-02-28').loginAs(world.staff)
    const feb = JSON.parse(
      /<script type="application\/json" id="by-month-data">(.*?)<\/script>/s.exec(
        february.text()
      )![1]
    )
    assert.deepEqual(feb.labels, ['2026-02'])
  })

  test('operators configure categories and commitments; filed cases keep their promised deadline', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client
      .post('/complaints/categories')
      .form({
        name: '安全隐患',
        nameEn: 'Safety hazard',
        commitmentDays: '2',
        departmentId: String(world.department.id),
        isActive: 'true',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', '投诉类别已保存。')
    const category = await ComplaintCategory.findByOrFail('name', '安全隐患')
    assert.equal(category.commitmentDays, 2)
    assert.isTrue(category.isActive)
    assert.isOk(
      await AuditLog.findBy({
        action: 'complaint_category.created',
        subjectId: String(category.id),
      })
    )

    freezeAt('2026-11-23T09:00')
    const filed = await fileComplaint(category)
    const bad = await client
      .put(`/complaints/categories/${category.id}`)
      .form({ name: '安全隐患', commitmentDays: '0', departmentId: String(world.department.id) })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('commitmentDays', ['承诺工作日不能小于 1。'])
    await client
      .put(`/complaints/categories/${category.id}`)
      .form({ name: '安全隐患', commitmentDays: '10', departmentId: String(world.department.id) })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const updated = await ComplaintCategory.findOrFail(category.id)
    assert.equal(updated.commitmentDays, 10)
    assert.isFalse(updated.isActive)
    assert.equal((await Complaint.findOrFail(filed.id)).commitmentDays, 2)
    const form = await client.get('/complaints/new')
    assert.notInclude(form.text(), '安全隐患')
    ;(await client.get('/complaints/categories').loginAs(world.adminA).redirects(0)).assertStatus(
      403
    )
    ;(
      await client.get('/complaints/categories').loginAs(world.evaluator).redirects(0)
    ).assertStatus(403)
  })
})

test.group('Complaints: the department head', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator admin names a department head; only an active operator can be one', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const form = (headUserId: string) => ({
      name: world.department.name,
      responsibilities: world.department.responsibilities,
      headUserId,
    })
    const refused = await client
      .put(`/admin/departments/${world.department.id}`)
      .form(form(String(world.adminA.id)))
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    refused.assertFieldErrors('headUserId', ['所选部门负责人不存在。'])
    await client
      .put(`/admin/departments/${world.department.id}`)
      .form(form(String(world.staff.id)))
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    await world.department.refresh()
    assert.equal(world.department.headUserId, world.staff.id)
    await client
      .put(`/admin/departments/${world.department.id}`)
      .form(form(''))
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    await world.department.refresh()
    assert.isNull(world.department.headUserId)
  })
})

test.group('Complaints: departments in use', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a department responsible for a complaint category cannot be deleted', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await makeCategory(world)
    await world.staff.merge({ departmentId: null }).save()
    const response = await client
      .delete(`/admin/departments/${world.department.id}`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'error',
      '该部门仍是其他记录（如投诉类别或投诉案件）的责任部门，不能删除。'
    )
    await world.department.refresh()
    assert.isOk(world.department.id)
  })
})
