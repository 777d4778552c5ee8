import { test } from '@japa/runner'
import sinon from 'sinon'
import testUtils from '@adonisjs/core/services/test_utils'
import Complaint from '#complaints/models/complaint'
import ComplaintEvent from '#complaints/models/complaint_event'
import Attachment from '#core/models/attachment'
import AuditLog from '#core/models/audit_log'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import {
  advance,
  clearLimits,
  fileComplaint,
  freezeAt,
  makeCategory,
  seedHolidays,
} from '#tests/helpers/complaints'

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex'
)

const publicForm = (categoryId: number, overrides: Record<string, string> = {}) => ({
  categoryId: String(categoryId),
  subject: '物业维修不及时',
  content: '三号楼电梯故障已经三天无人维修，影响正常办公。',
  complainantName: '',
  complainantPhone: '139 1234 5678',
  ...overrides,
})

test.group('Complaints: channels and the receipt', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())
  group.each.setup(() => clearLimits())
  group.each.teardown(() => sinon.restore())

  test('anyone files on /complaints/new without a name and gets a receipt with number, department and deadline', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world, 5)
    freezeAt('2026-02-13T10:00')
    const form = await client.get('/complaints/new')
    form.assertStatus(200)
    form.assertTextIncludes('服务质量 · 5 个工作日')

    const response = await client
      .post('/complaints/new')
      .fields(publicForm(category.id))
      .file('attachments[]', PNG, { filename: '电梯.png' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const complaint = await Complaint.firstOrFail()
    assert.equal(complaint.number, 'TS20260213-0001')
    assert.equal(complaint.channel, 'web')
    assert.isNull(complaint.complainantName)
    assert.equal(complaint.complainantPhone, '13912345678')
    assert.isNull(complaint.tenantId)
    const attachments = await Attachment.query().where({
      ownerType: 'complaint',
      ownerId: String(complaint.id),
    })
    assert.lengthOf(attachments, 1)
    assert.equal(attachments[0].mimeType, 'image/png')

    const location = response.header('location')!
    assert.match(location, /^\/complaints\/receipt\/TS20260213-0001\?signature=/)
    const receipt = await client.get(location)
    receipt.assertStatus(200)
    receipt.assertTextIncludes('投诉受理回执')
    receipt.assertTextIncludes('TS20260213-0001')
    receipt.assertTextIncludes(world.department.name)
    receipt.assertTextIncludes('2026-02-27 18:00')
    receipt.assertTextIncludes('三号楼电梯故障')

    // Without the signature the receipt is not there at all.
    const unsigned = await client.get('/complaints/receipt/TS20260213-0001')
    assert.notInclude(unsigned.text(), '三号楼电梯故障')
  })

  test('a missing or malformed phone is refused with a translated message and nothing is stored', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const missing = await client
      .post('/complaints/new')
      .form(publicForm(category.id, { complainantPhone: '' }))
      .withCsrfToken()
      .redirects(0)
    missing.assertFieldErrors('complainantPhone', ['请填写联系电话。'])
    const malformed = await client
      .post('/complaints/new')
      .form(publicForm(category.id, { complainantPhone: '12345', content: '太短' }))
      .withCsrfToken()
      .redirects(0)
    malformed.assertFieldErrors('complainantPhone', [
      '请填写有效的电话号码（11 位手机号或带区号的固定电话）。',
    ])
    malformed.assertFieldErrors('content', ['投诉内容至少需要 10 个字。'])
    // A landline with its area code is a phone too.
    await client
      .post('/complaints/new')
      .form(publicForm(category.id, { complainantPhone: '0755-8888 0001' }))
      .withCsrfToken()
      .redirects(0)
    const stored = await Complaint.query()
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].complainantPhone, '075588880001')
  })

  test('an attachment disguised as an image is refused and nothing is stored', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const response = await client
      .post('/complaints/new')
      .fields(publicForm(category.id))
      .file('attachments[]', Buffer.from('MZ an executable, renamed'), { filename: 'photo.png' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFieldErrors('attachments.0', ['附件只接受 PDF 或图片（PNG、JPG、WEBP）。'])
    assert.lengthOf(await Complaint.all(), 0)
    assert.lengthOf(await Attachment.query().where('ownerType', 'complaint'), 0)
  })

  test('the public form is rate-limited per address', async ({ client, assert }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    for (let i = 0; i < 5; i++) {
      ;(
        await client
          .post('/complaints/new')
          .form(publicForm(category.id))
          .withCsrfToken()
          .redirects(0)
      ).assertStatus(302)
    }
    const sixth = await client
      .post('/complaints/new')
      .form(publicForm(category.id))
      .withCsrfToken()
      .redirects(0)
    sixth.assertFlashMessage('error', '提交或查询过于频繁，请 60 分钟后再试。')
    assert.lengthOf(await Complaint.all(), 5)
  })

  test('staff record a phone complaint with its channel and the enterprise concerned', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const response = await client
      .post('/complaints/intake')
      .form({
        ...publicForm(category.id),
        channel: 'phone',
        complainantName: '刘女士',
        tenantId: String(world.tenantA.id),
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const complaint = await Complaint.firstOrFail()
    response.assertHeader('location', `/complaints/${complaint.id}`)
    response.assertFlashMessage('success', `投诉已提交，受理编号 ${complaint.number}。`)
    assert.equal(complaint.channel, 'phone')
    assert.equal(complaint.recordedBy, world.staff.id)
    assert.equal(complaint.tenantId, world.tenantA.id)
    const event = await ComplaintEvent.findByOrFail('complaintId', complaint.id)
    assert.equal(event.actorKind, 'staff')

    const bad = await client
      .post('/complaints/intake')
      .form({ ...publicForm(category.id), channel: 'web' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('channel', ['请选择有效的受理渠道。'])
    assert.lengthOf(await Complaint.all(), 1)
    const receipt = await client.get(`/complaints/${complaint.id}/receipt`).loginAs(world.staff)
    receipt.assertTextIncludes(complaint.number)
    receipt.assertTextIncludes('电话')
  })

  test('a tenant files from its portal; the case belongs to its enterprise', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const response = await client
      .post('/tenant/complaints')
      .form({ ...publicForm(category.id), complainantPhone: '13800001111' })
      .loginAs(world.memberA)
      .withCsrfToken()
      .redirects(0)
    const complaint = await Complaint.firstOrFail()
    response.assertHeader('location', `/tenant/complaints/${complaint.id}/receipt`)
    assert.equal(complaint.channel, 'portal')
    assert.equal(complaint.tenantId, world.tenantA.id)
    assert.equal(complaint.submittedBy, world.memberA.id)
    assert.equal(complaint.complainantName, world.memberA.fullName)
    assert.isOk(
      await AuditLog.findBy({ action: 'complaint.submitted', tenantId: world.tenantA.id })
    )

    const list = await client.get('/tenant/complaints').loginAs(world.adminA)
    list.assertTextIncludes(complaint.number)
    const other = await client.get('/tenant/complaints').loginAs(world.adminB)
    assert.notInclude(other.text(), complaint.number)
  })

  test('tenant routes: only the owning enterprise sees and answers its case', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const complaint = await advance(
      await fileComplaint(category, { channel: 'portal', tenantId: world.tenantA.id }),
      world,
      'resolved'
    )
    for (const url of [
      `/tenant/complaints/${complaint.id}`,
      `/tenant/complaints/${complaint.id}/receipt`,
    ]) {
      await assertAccess(client, assert, {
        url,
        owner: { user: world.memberA, expect: 200 },
        otherTenant: { user: world.adminB, expect: 404 },
        operator: { user: world.operator, expect: 403 },
        anonymous: 'login',
      })
    }
    await assertAccess(client, assert, {
      url: '/tenant/complaints',
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 200 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      url: '/tenant/complaints/create',
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 200 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/complaints/${complaint.id}/feedback`,
      form: { satisfaction: '2', decision: 'reopen', comment: '不满意' },
      // The other tenant goes first (404), so the owner's reopen is what changes the case.
      otherTenant: { user: world.adminB, expect: 404 },
      owner: { user: world.adminA, expect: 302 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    const reopened = await Complaint.findOrFail(complaint.id)
    assert.equal(reopened.status, 'in_progress')
    assert.equal(reopened.satisfaction, 2)
    assert.equal(reopened.reopenCount, 1)
  })

  test('a tenant confirms the result: rated and closed; a closed case takes no more answers', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await advance(
      await fileComplaint(await makeCategory(world), {
        channel: 'portal',
        tenantId: world.tenantA.id,
      }),
      world,
      'resolved'
    )
    const bad = await client
      .post(`/tenant/complaints/${complaint.id}/feedback`)
      .form({ satisfaction: '6', decision: 'confirm' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('satisfaction', ['满意度不能大于 5。'])
    const ok = await client
      .post(`/tenant/complaints/${complaint.id}/feedback`)
      .form({ satisfaction: '5', decision: 'confirm', comment: '处理及时' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    ok.assertFlashMessage('success', '感谢您的评价，投诉已归档。')
    const closed = await Complaint.findOrFail(complaint.id)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.closeKind, 'confirmed')
    assert.equal(closed.satisfaction, 5)
    assert.equal(closed.feedbackComment, '处理及时')

    const late = await client
      .post(`/tenant/complaints/${complaint.id}/feedback`)
      .form({ satisfaction: '1', decision: 'reopen' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    late.assertFlashMessage('error', '投诉办结后才能评价，已归档的投诉不能再评价。')
    assert.equal((await Complaint.findOrFail(complaint.id)).satisfaction, 5)
  })

  test('the public complainant answers through the signed receipt link; the link is needed', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    const response = await client
      .post('/complaints/new')
      .form(publicForm(category.id))
      .withCsrfToken()
      .redirects(0)
    const complaint = await advance(await Complaint.firstOrFail(), world, 'resolved')
    const page = await client.get(response.header('location')!)
    page.assertTextIncludes('评价处理结果')
    const action = /action="(\/complaints\/receipt\/[^"]+\/feedback\?signature=[^"]+)"/.exec(
      page.text()
    )
    assert.isOk(action)

    const forged = await client
      .post(`/complaints/receipt/${complaint.number}/feedback`)
      .form({ satisfaction: '1', decision: 'confirm' })
      .withCsrfToken()
      .redirects(0)
    assert.notEqual(forged.status(), 302)
    assert.equal((await Complaint.findOrFail(complaint.id)).status, 'resolved')

    await client
      .post(action![1].replace(/&amp;/g, '&'))
      .form({ satisfaction: '4', decision: 'confirm' })
      .withCsrfToken()
      .redirects(0)
    const closed = await Complaint.findOrFail(complaint.id)
    assert.equal(closed.status, 'closed')
    assert.equal(closed.satisfaction, 4)
    const event = await ComplaintEvent.query()
      .where({ complaintId: complaint.id, action: 'feedback' })
      .firstOrFail()
    assert.equal(event.actorKind, 'complainant')
  })

  test('staff record one call-back (回访), also on a closed archive; a second is refused', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const complaint = await advance(
      await fileComplaint(await makeCategory(world)),
      world,
      'resolved'
    )
    await client
      .post(`/complaints/${complaint.id}/close`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const ok = await client
      .post(`/complaints/${complaint.id}/callback`)
      .form({ satisfaction: '4', note: '电话回访，投诉人表示满意' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    ok.assertFlashMessage('success', '回访记录已保存。')
    const again = await client
      .post(`/complaints/${complaint.id}/callback`)
      .form({ note: '再次回访' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    again.assertFlashMessage('error', '该投诉已记录过回访。')
    const archived = await Complaint.findOrFail(complaint.id)
    assert.equal(archived.callbackBy, world.staff.id)
    assert.equal(archived.callbackSatisfaction, 4)
    assert.equal(archived.callbackNote, '电话回访，投诉人表示满意')
    assert.equal(archived.status, 'closed')
    const page = await client.get(`/complaints/${complaint.id}`).loginAs(world.operator)
    page.assertTextIncludes('本案件已归档，仅供查阅。')
    page.assertTextIncludes('电话回访，投诉人表示满意')
    assert.notInclude(page.text(), `/complaints/${complaint.id}/reopen`)
  })
})

test.group('Complaints: tenant isolation of filing and attachments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())

  test('filing from the portal is for tenant users; a case attachment is served to its enterprise and operators only', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    await assertAccess(client, assert, {
      method: 'post',
      url: '/tenant/complaints',
      form: { ...publicForm(category.id), complainantPhone: '13800001111' },
      owner: { user: world.memberA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 302 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    const filed = await Complaint.query().orderBy('id')
    assert.deepEqual(
      filed.map((c) => c.tenantId),
      [world.tenantA.id, world.tenantB.id]
    )

    await client
      .post('/tenant/complaints')
      .fields({ ...publicForm(category.id), complainantPhone: '13800001111' })
      .file('attachments[]', PNG, { filename: '现场.png' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    const attachment = await Attachment.query().where('ownerType', 'complaint').firstOrFail()
    assert.equal(attachment.tenantId, world.tenantA.id)
    await assertAccess(client, assert, {
      url: `/attachments/${attachment.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.operator, expect: 200 },
      anonymous: 'login',
    })
  })
})
