import { test } from '@japa/runner'
import sinon from 'sinon'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#complaints/models/consultation'
import FaqCategory from '#complaints/models/faq_category'
import FaqEntry from '#complaints/models/faq_entry'
import ConsultationService from '#complaints/services/consultation_service'
import ConsultationDeadlineJob from '#complaints/jobs/consultation_deadline_job'
import AuditLog from '#core/models/audit_log'
import Notification from '#core/models/notification'
import { makeWorld, type World } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import { clearLimits, freezeAt } from '#tests/helpers/complaints'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toUTC().toISO()!

const publicForm = (overrides: Record<string, string> = {}) => ({
  subject: '停车月卡怎么办理',
  question: '请问园区停车月卡在哪里办理，需要带什么材料？',
  askerName: '',
  askerPhone: '139 1234 5678',
  askerEmail: '',
  ...overrides,
})

function askAsTenant(world: World, subject = '租金发票开具') {
  return new ConsultationService().ask(
    {
      channel: 'portal',
      subject,
      question: '本季度租金的增值税专用发票什么时候可以开具？',
      tenantId: world.tenantA.id,
      askedBy: world.adminA.id,
      askerName: world.adminA.fullName,
    },
    world.adminA
  )
}

test.group('Consultations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => clearLimits())
  group.each.teardown(() => sinon.restore())

  test('the public asks without a name and its answer is due 48 clock hours later, across a weekend', async ({
    client,
    assert,
  }) => {
    await makeWorld()
    // Friday 16:00 in Shanghai: due Sunday 16:00 (clock hours, not working hours).
    freezeAt('2026-11-27T16:00')
    const response = await client
      .post('/consultations/ask')
      .form(publicForm())
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const consultation = await Consultation.firstOrFail()
    assert.equal(consultation.channel, 'web')
    assert.equal(consultation.status, 'open')
    assert.isNull(consultation.askerName)
    assert.isNull(consultation.tenantId)
    assert.equal(consultation.askerPhone, '13912345678')
    assert.equal(
      consultation.dueAt.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm'),
      '2026-11-29 16:00'
    )
    const location = response.header('location')!
    assert.match(location, new RegExp(`^/consultations/answer/${consultation.id}\\?signature=`))
    const page = await client.get(location)
    page.assertStatus(200)
    page.assertTextIncludes('请问园区停车月卡在哪里办理')
    page.assertTextIncludes('尚未答复')

    // Without the signature there is nothing to see.
    const unsigned = await client.get(`/consultations/answer/${consultation.id}`)
    assert.notInclude(unsigned.text(), '请问园区停车月卡在哪里办理')

    const audit = await AuditLog.query().where({
      subjectType: 'consultation',
      subjectId: String(consultation.id),
    })
    assert.deepEqual(
      audit.map((a) => a.action),
      ['consultation.asked']
    )
  })

  test('missing contact, a malformed phone or an overlong question is refused and nothing is stored', async ({
    client,
    assert,
  }) => {
    const noContact = await client
      .post('/consultations/ask')
      .form(publicForm({ askerPhone: '' }))
      .withCsrfToken()
      .redirects(0)
    noContact.assertFieldErrors('askerPhone', ['请填写联系电话或电子邮箱，以便我们答复。'])
    const malformed = await client
      .post('/consultations/ask')
      .form(publicForm({ askerPhone: '12345', question: '长'.repeat(3001) }))
      .withCsrfToken()
      .redirects(0)
    malformed.assertFieldErrors('askerPhone', [
      '请填写有效的电话号码（11 位手机号或带区号的固定电话）。',
    ])
    malformed.assertFieldErrors('question', ['咨询内容不能超过 3000 个字。'])
    const badEmail = await client
      .post('/consultations/ask')
      .form(publicForm({ askerPhone: '', askerEmail: 'not-an-email' }))
      .withCsrfToken()
      .redirects(0)
    badEmail.assertFieldErrors('askerEmail', ['电子邮箱格式不正确。'])
    assert.lengthOf(await Consultation.all(), 0)

    // An e-mail alone is enough.
    await client
      .post('/consultations/ask')
      .form(publicForm({ askerPhone: '', askerEmail: 'asker@example.test' }))
      .withCsrfToken()
      .redirects(0)
    const stored = await Consultation.query()
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].askerEmail, 'asker@example.test')
    assert.isNull(stored[0].askerPhone)
  })

  test('the public form is rate limited per address', async ({ client, assert }) => {
    for (let i = 0; i < 5; i++) {
      await client.post('/consultations/ask').form(publicForm()).withCsrfToken().redirects(0)
    }
    const sixth = await client
      .post('/consultations/ask')
      .form(publicForm())
      .withCsrfToken()
      .redirects(0)
    sixth.assertStatus(302)
    assert.lengthOf(await Consultation.all(), 5)
  })

  test('overdue is flagged on the list and the detail, and the overdue filter finds only those', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const clock = freezeAt('2026-11-23T09:00')
    const late = await askAsTenant(world, '逾期的咨询')
    clock.tick(47 * 3600 * 1000)
    const fresh = await askAsTenant(world, '新的咨询')
    clock.tick(3600 * 1000 + 1000)
    // late: 48h + 1s old; fresh: 1h old.
    const reloaded = await Consultation.findOrFail(late.id)
    assert.isTrue(reloaded.isOverdue)
    assert.isFalse((await Consultation.findOrFail(fresh.id)).isOverdue)

    const list = await client.get('/consultations?overdue=1').loginAs(world.staff)
    list.assertStatus(200)
    list.assertTextIncludes('逾期的咨询')
    assert.notInclude(list.text(), '新的咨询')
    assert.include(list.text(), '已超时')

    const all = await client.get('/consultations?status=open&channel=portal').loginAs(world.staff)
    all.assertTextIncludes('逾期的咨询')
    all.assertTextIncludes('新的咨询')
    const web = await client.get('/consultations?channel=web').loginAs(world.staff)
    assert.notInclude(web.text(), '新的咨询')

    const detail = await client.get(`/consultations/${late.id}`).loginAs(world.staff)
    detail.assertTextIncludes('本咨询已超过 48 小时未答复')
  })

  test('an operator answers: the tenant sees it, is notified, and the audit trail has it; an answer no longer counts as overdue', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const consultation = await askAsTenant(world)
    const empty = await client
      .post(`/consultations/${consultation.id}/answer`)
      .form({ answer: '' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    empty.assertFieldErrors('answer', ['请填写答复。'])
    assert.equal((await Consultation.findOrFail(consultation.id)).status, 'open')

    const evaluatorTry = await client
      .post(`/consultations/${consultation.id}/answer`)
      .form({ answer: '下月 5 日前开具。' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    evaluatorTry.assertStatus(403)

    await client
      .post(`/consultations/${consultation.id}/answer`)
      .form({ answer: '下月 5 日前开具并邮寄。' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const answered = await Consultation.findOrFail(consultation.id)
    assert.equal(answered.status, 'answered')
    assert.equal(answered.answeredBy, world.staff.id)
    assert.isNotNull(answered.answeredAt)
    assert.isFalse(answered.isOverdue)

    const page = await client.get(`/tenant/consultations/${consultation.id}`).loginAs(world.memberA)
    page.assertTextIncludes('下月 5 日前开具并邮寄。')
    const notes = await Notification.query().where('kind', 'consultation.answered')
    assert.deepEqual(
      notes.map((n) => n.userId),
      [world.adminA.id]
    )
    const audit = await AuditLog.query()
      .where({ subjectType: 'consultation', subjectId: String(consultation.id) })
      .orderBy('id')
    assert.deepEqual(
      audit.map((a) => a.action),
      ['consultation.asked', 'consultation.answered']
    )
  })

  test('the deadline job warns operators once before and once after the 48 hours, however often it runs', async ({
    assert,
  }) => {
    const world = await makeWorld()
    freezeAt('2026-11-23T09:00')
    const consultation = await askAsTenant(world)
    sinon.restore()
    const job = new ConsultationDeadlineJob()
    // 41 hours in: nothing yet (the warning starts 6 hours before).
    await job.handle({ scheduledFor: at('2026-11-25T02:00') })
    assert.lengthOf(await Notification.query().where('kind', 'like', 'consultation.%'), 0)
    // 43 hours in: due soon — twice at the same time, then again later.
    await job.handle({ scheduledFor: at('2026-11-25T04:00') })
    await job.handle({ scheduledFor: at('2026-11-25T04:00') })
    await job.handle({ scheduledFor: at('2026-11-25T04:15') })
    const soon = await Notification.query().where('kind', 'consultation.due_soon')
    const operators = [world.operator.id, world.staff.id].sort()
    assert.deepEqual(soon.map((n) => n.userId).sort(), operators)
    // Past 48 hours: overdue, once.
    await job.handle({ scheduledFor: at('2026-11-25T09:15') })
    await job.handle({ scheduledFor: at('2026-11-25T09:15') })
    await job.handle({ scheduledFor: at('2026-11-25T09:30') })
    const overdue = await Notification.query().where('kind', 'consultation.overdue')
    assert.deepEqual(overdue.map((n) => n.userId).sort(), operators)
    assert.equal(overdue[0].url, `/consultations/${consultation.id}`)
    const marked = await Consultation.findOrFail(consultation.id)
    assert.isNotNull(marked.dueSoonNotifiedAt)
    assert.isNotNull(marked.overdueNotifiedAt)
    assert.lengthOf(
      await AuditLog.query().where({
        action: 'consultation.overdue',
        subjectId: String(consultation.id),
      }),
      1
    )
  })

  test('an answered consultation is not reported by the deadline job', async ({ assert }) => {
    const world = await makeWorld()
    freezeAt('2026-11-23T09:00')
    const consultation = await askAsTenant(world)
    await new ConsultationService().answer(consultation.id, '已答复。', world.staff)
    sinon.restore()
    await new ConsultationDeadlineJob().handle({ scheduledFor: at('2026-11-26T09:00') })
    assert.lengthOf(
      await Notification.query()
        .where('kind', 'like', 'consultation.%')
        .whereNot('kind', 'consultation.answered'),
      0
    )
  })

  test('staff turn an answered consultation into an FAQ entry, once, with the edited text and a category', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await FaqCategory.create({ name: '财务缴费', isActive: true, sortOrder: 1 })
    const consultation = await askAsTenant(world)

    const early = await client
      .get(`/consultations/${consultation.id}/faq`)
      .loginAs(world.staff)
      .redirects(0)
    early.assertStatus(302)
    assert.lengthOf(await FaqEntry.all(), 0)

    await new ConsultationService().answer(consultation.id, '每月 5 日前开具。', world.staff)
    const form = await client.get(`/consultations/${consultation.id}/faq`).loginAs(world.staff)
    form.assertStatus(200)
    form.assertTextIncludes('本季度租金的增值税专用发票什么时候可以开具？')
    form.assertTextIncludes('每月 5 日前开具。')

    const missing = await client
      .post(`/consultations/${consultation.id}/faq`)
      .form({ question: '租金发票什么时候开？', answer: '每月 5 日前开具。' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    missing.assertFieldErrors('categoryId', ['请填写分类。'])
    assert.lengthOf(await FaqEntry.all(), 0)

    await client
      .post(`/consultations/${consultation.id}/faq`)
      .form({
        categoryId: String(category.id),
        question: '租金发票什么时候开？',
        answer: '每月 5 日前开具，可邮寄。',
        isPublished: 'true',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const entries = await FaqEntry.all()
    assert.lengthOf(entries, 1)
    assert.equal(entries[0].question, '租金发票什么时候开？')
    assert.equal(entries[0].answer, '每月 5 日前开具，可邮寄。')
    assert.equal(entries[0].categoryId, category.id)
    assert.equal(entries[0].consultationId, consultation.id)
    assert.isTrue(entries[0].isPublished)
    assert.equal((await Consultation.findOrFail(consultation.id)).faqEntryId, entries[0].id)

    const again = await client
      .post(`/consultations/${consultation.id}/faq`)
      .form({ categoryId: String(category.id), question: '再来一次？', answer: '不行。' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(302)
    assert.lengthOf(await FaqEntry.all(), 1)
  })

  test('isolation: a tenant sees only its own consultations; the public answer page only with its link', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const mine = await askAsTenant(world, '甲公司的咨询')
    await assertAccess(client, assert, {
      url: `/tenant/consultations/${mine.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      url: `/consultations/${mine.id}`,
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 200 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: '/tenant/consultations',
      form: { subject: '乙公司提问', question: '我们想了解一下仓储的收费标准。' },
      owner: { user: world.adminA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 302 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    // Each tenant's question was filed under its own enterprise.
    const filed = await Consultation.query().where('subject', '乙公司提问').orderBy('id')
    assert.deepEqual(
      filed.map((c) => c.tenantId),
      [world.tenantA.id, world.tenantB.id]
    )
    const listB = await client.get('/tenant/consultations').loginAs(world.adminB)
    assert.notInclude(listB.text(), '甲公司的咨询')
    const listA = await client.get('/tenant/consultations').loginAs(world.memberA)
    listA.assertTextIncludes('甲公司的咨询')

    // A portal consultation has no public answer page, signed or not.
    const portal = await client.get(`/consultations/answer/${mine.id}`)
    assert.notInclude(portal.text(), '甲公司的咨询')
  })
})
