import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import Attachment from '#core/models/attachment'
import AuditLog from '#core/models/audit_log'
import Notification from '#core/models/notification'
import User from '#core/models/user'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import TenantDocument from '#park/models/tenant_document'
import LeaseService from '#park/services/lease_service'
import DocumentService from '#park/services/document_service'
import DocumentExpiryJob from '#park/jobs/document_expiry_job'
import { todayInShanghai } from '#core/dates'
import type { DocumentKind } from '#park/documents'
import { demoPdf } from '#database/seed_data/demo_documents'
import { makeTenant, makeWorld, type World } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'

const PDF = demoPdf(['ParkGate test document'])
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])

const form = (overrides: Record<string, string> = {}) => ({
  kind: 'business_licence',
  title: '营业执照（副本）',
  documentNumber: '91330100MA2H3B4C5X',
  issuedOn: '2021-03-15',
  expiresOn: '2041-03-14',
  ...overrides,
})

/** The day `days` from today in Shanghai, as the forms send it. */
const inDays = (days: number) => todayInShanghai().plus({ days }).toISODate()!

function upload(
  client: ApiClient,
  url: string,
  user: User,
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string }
) {
  let request = client.post(url).fields(fields).loginAs(user).withCsrfToken().redirects(0)
  if (file) request = request.file('documentFile', file.bytes, { filename: file.name })
  return request
}

/** A document stored through the service (with a real file), as the tenant's admin uploads it. */
async function makeDocument(
  tenantId: number,
  title: string,
  expiresOn: DateTime | null,
  kind: DocumentKind = 'business_licence'
) {
  const { mkdtemp, writeFile } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const tmpPath = join(await mkdtemp(join(tmpdir(), 'pg-doc-')), 'scan.pdf')
  await writeFile(tmpPath, PDF)
  return new DocumentService().create(
    tenantId,
    { kind, title, documentNumber: null, issuedOn: null, expiresOn, note: null },
    { tmpPath, size: PDF.length, clientName: `${title}.pdf` }
  )
}

test.group('Park: tenant documents', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant admin uploads a document: its own tenant, the file by its bytes with SHA-256, an audit entry', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await upload(
      client,
      '/tenant/documents',
      world.adminA,
      // A tenant id in the form is ignored: the document belongs to the uploader's tenant.
      form({ expiresOn: inDays(20), tenantId: String(world.tenantB.id) }),
      { bytes: PDF, name: '营业执照.pdf' }
    )
    response.assertStatus(302)
    const document = await TenantDocument.query().preload('attachment').firstOrFail()
    response.assertHeader('location', `/tenant/documents/${document.id}`)
    response.assertFlashMessage('success', '证照“营业执照（副本）”已保存。')
    assert.equal(document.tenantId, world.tenantA.id)
    assert.equal(document.kind, 'business_licence')
    assert.equal(document.expiresOn!.toISODate(), inDays(20))
    assert.equal(document.issuedOn!.toISODate(), '2021-03-15')
    assert.equal(document.uploadedBy, world.adminA.id)
    assert.equal(document.version, 1)
    assert.equal(document.status, 'expiring')
    const file = document.attachment
    assert.equal(file.ownerType, 'tenant_document')
    assert.equal(file.ownerId, String(document.id))
    assert.equal(file.tenantId, world.tenantA.id)
    assert.equal(file.mimeType, 'application/pdf')
    assert.equal(file.originalName, '营业执照.pdf')
    assert.equal(file.sha256, createHash('sha256').update(PDF).digest('hex'))
    assert.isTrue(await drive.use().exists(file.storageKey))
    const audit = await AuditLog.query()
      .where({ action: 'tenant_document.created', subjectId: String(document.id) })
      .firstOrFail()
    assert.equal(audit.tenantId, world.tenantA.id)
    assert.equal(audit.actorId, world.adminA.id)
    assert.include(audit.afterValues!, file.sha256)

    const list = await client.get('/tenant/documents').loginAs(world.memberA)
    list.assertStatus(200)
    list.assertTextIncludes('营业执照（副本）')
    list.assertTextIncludes('即将到期')
    list.assertTextIncludes('剩余 20 天')
  })

  test('expiry before the issue date is refused with a translated field error; nothing is written', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await upload(
      client,
      '/tenant/documents',
      world.adminA,
      form({ issuedOn: '2026-05-01', expiresOn: '2026-04-30' }),
      { bytes: PDF, name: 'licence.pdf' }
    )
    response.assertStatus(302)
    response.assertFieldErrors('expiresOn', ['有效期至不能早于签发日期。'])
    const missing = await upload(
      client,
      '/tenant/documents',
      world.adminA,
      form({ kind: 'driving_licence', title: '' })
    )
    missing.assertFieldErrors('documentFile', ['请上传证照文件。'])
    missing.assertFieldErrors('kind', ['请选择有效的类型。'])
    missing.assertFieldErrors('title', ['请填写证照名称。'])
    // The same day for issue and expiry is allowed; no expiry at all too.
    const sameDay = await upload(
      client,
      '/tenant/documents',
      world.adminA,
      form({ issuedOn: '2026-05-01', expiresOn: '2026-05-01', title: '同日' }),
      { bytes: PDF, name: 'a.pdf' }
    )
    sameDay.assertFlashMessage('success', '证照“同日”已保存。')
    assert.lengthOf(await TenantDocument.all(), 1)
    assert.lengthOf(await Attachment.all(), 1)
    assert.lengthOf(await AuditLog.query().where('action', 'tenant_document.created'), 1)
  })

  test('the service refuses expiry before issue too, in English for an English reader', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    world.adminA.locale = 'en'
    await world.adminA.save()
    const response = await upload(
      client,
      '/tenant/documents',
      world.adminA,
      form({ issuedOn: '2026-05-01', expiresOn: '2026-04-30' }),
      { bytes: PDF, name: 'licence.pdf' }
    )
    response.assertFieldErrors('expiresOn', ['Expiry date cannot be before Issue date.'])
    await assert.rejects(
      () =>
        new DocumentService().create(
          world.tenantA.id,
          {
            kind: 'other',
            title: 'x',
            documentNumber: null,
            issuedOn: DateTime.fromISO('2026-05-01'),
            expiresOn: DateTime.fromISO('2026-04-30'),
            note: null,
          },
          { tmpPath: '/nonexistent', size: 1, clientName: 'x.pdf' }
        ),
      'documents.expiry_before_issue'
    )
    assert.lengthOf(await TenantDocument.all(), 0)
  })

  test('an executable or a file of unknown type is refused with a translated error; nothing is written', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    // The body parser reads the type from the bytes: an executable under a .pdf name is still an exe.
    for (const name of ['licence.pdf', 'setup.exe']) {
      const refused = await upload(client, '/tenant/documents', world.adminA, form(), {
        bytes: EXE,
        name,
      })
      refused.assertStatus(302)
      refused.assertFieldErrors('documentFile', ['证照文件的文件类型不被接受，请上传 PDF 或图片。'])
    }
    // Bytes of no known type (past the parser's 4100-byte sniffing window) pass the name check;
    // AttachmentService refuses them by content.
    const unknown = await upload(client, '/tenant/documents', world.adminA, form(), {
      bytes: Buffer.alloc(5000, 'just text pretending to be a PDF '),
      name: 'licence.pdf',
    })
    unknown.assertFieldErrors('documentFile', [
      '文件类型不被接受，请上传 PDF、图片或 Office 文档。',
    ])
    unknown.assertFlashMessage('error', '文件类型不被接受，请上传 PDF、图片或 Office 文档。')
    assert.lengthOf(await TenantDocument.all(), 0)
    assert.lengthOf(await Attachment.all(), 0)
    assert.lengthOf(await AuditLog.query().where('action', 'tenant_document.created'), 0)
  })

  test('a member reads the documents but cannot upload, change or delete them', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const document = await makeDocument(world.tenantA.id, '对外贸易经营者备案登记表', null)
    const page = await client.get('/tenant/documents').loginAs(world.memberA)
    page.assertTextIncludes('对外贸易经营者备案登记表')
    page.assertTextIncludes('长期有效')
    assert.notInclude(page.text(), '/tenant/documents/create')
    ;(await client.get(`/tenant/documents/${document.id}`).loginAs(world.memberA)).assertStatus(200)
    ;(await client.get('/tenant/documents/create').loginAs(world.memberA)).assertStatus(403)
    const refused = await upload(client, '/tenant/documents', world.memberA, form(), {
      bytes: PDF,
      name: 'a.pdf',
    })
    refused.assertStatus(403)
    ;(
      await client
        .put(`/tenant/documents/${document.id}`)
        .form(form({ title: '改名' }))
        .loginAs(world.memberA)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    ;(
      await client
        .delete(`/tenant/documents/${document.id}`)
        .loginAs(world.memberA)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.lengthOf(await TenantDocument.all(), 1)
    assert.equal((await TenantDocument.findOrFail(document.id)).title, '对外贸易经营者备案登记表')
  })

  test('a new file makes the next version and keeps the earlier one; an edit without a file changes the details only', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const document = await makeDocument(
      world.tenantA.id,
      '营业执照（副本）',
      DateTime.fromISO('2026-12-31')
    )
    const first = document.attachmentId
    const replaced = await client
      .put(`/tenant/documents/${document.id}`)
      .fields(form({ expiresOn: '2046-12-31' }))
      .file('documentFile', PDF, { filename: '新执照.pdf' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    replaced.assertHeader('location', `/tenant/documents/${document.id}`)
    const after = await TenantDocument.query()
      .where('id', document.id)
      .preload('attachment')
      .firstOrFail()
    assert.equal(after.version, 2)
    assert.notEqual(after.attachmentId, first)
    assert.equal(after.attachment.originalName, '新执照.pdf')
    assert.equal(after.expiresOn!.toISODate(), '2046-12-31')
    assert.lengthOf(await new DocumentService().versions(after), 2)
    const audit = await AuditLog.query()
      .where({ action: 'tenant_document.replaced', subjectId: String(document.id) })
      .firstOrFail()
    assert.include(audit.beforeValues!, '2026-12-31')
    assert.include(audit.afterValues!, '2046-12-31')

    await client
      .put(`/tenant/documents/${document.id}`)
      .form(form({ expiresOn: '2046-12-31', note: '原件存档于行政部' }))
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    const edited = await TenantDocument.findOrFail(document.id)
    assert.equal(edited.version, 2)
    assert.equal(edited.attachmentId, after.attachmentId)
    assert.equal(edited.note, '原件存档于行政部')
    assert.lengthOf(
      await AuditLog.query().where({
        action: 'tenant_document.updated',
        subjectId: String(document.id),
      }),
      1
    )
    const page = await client.get(`/tenant/documents/${document.id}`).loginAs(world.memberA)
    page.assertTextIncludes('新执照.pdf')
    page.assertTextIncludes('营业执照（副本）.pdf')
  })

  test('deleting a document removes it and every version of its file, with an audit entry', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const document = await makeDocument(world.tenantA.id, '食品经营许可证', null, 'other')
    const file = await Attachment.findOrFail(document.attachmentId)
    const response = await client
      .delete(`/tenant/documents/${document.id}`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/tenant/documents')
    response.assertFlashMessage('success', '证照“食品经营许可证”已删除。')
    assert.isNull(await TenantDocument.find(document.id))
    assert.isNull(await Attachment.find(file.id))
    assert.isFalse(await drive.use().exists(file.storageKey))
    const audit = await AuditLog.query()
      .where({ action: 'tenant_document.deleted', subjectId: String(document.id) })
      .firstOrFail()
    assert.equal(audit.tenantId, world.tenantA.id)
    assert.include(audit.beforeValues!, file.sha256)
  })

  test('an operator uploads for a tenant from its register page; the tenant sees it', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await upload(
      client,
      `/park/tenants/${world.tenantA.id}/documents`,
      world.staff,
      form({ kind: 'customs_registration', title: '海关备案回执', expiresOn: '', issuedOn: '' }),
      { bytes: PDF, name: 'customs.pdf' }
    )
    response.assertHeader('location', `/park/tenants/${world.tenantA.id}`)
    const document = await TenantDocument.firstOrFail()
    assert.equal(document.tenantId, world.tenantA.id)
    assert.equal(document.uploadedBy, world.staff.id)
    assert.isNull(document.expiresOn)
    const register = await client.get(`/park/tenants/${world.tenantA.id}`).loginAs(world.staff)
    register.assertTextIncludes('海关备案回执')
    register.assertTextIncludes('长期有效')
    const other = await client.get(`/park/tenants/${world.tenantB.id}`).loginAs(world.staff)
    assert.notInclude(other.text(), '海关备案回执')
    ;(await client.get('/tenant/documents').loginAs(world.adminA)).assertTextIncludes(
      '海关备案回执'
    )
  })
})

test.group('Park: tenant documents isolation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function setup() {
    const world = await makeWorld()
    // Within 30 days, so the operators' list shows it by default.
    const document = await makeDocument(
      world.tenantA.id,
      'Alpha 营业执照',
      todayInShanghai().plus({ days: 20 })
    )
    return { world, document }
  }

  const as = (
    world: World,
    owner: User,
    ownerExpects: number,
    other: number,
    operator: number
  ) => ({
    owner: { user: owner, expect: ownerExpects },
    otherTenant: { user: world.adminB, expect: other },
    operator: { user: world.operator, expect: operator },
    anonymous: 'login' as const,
  })

  test('tenant routes: the owner only; another tenant gets 404, operators use the park pages', async ({
    client,
    assert,
  }) => {
    const { world, document } = await setup()
    const id = document.id
    const list = await assertAccess(client, assert, {
      url: '/tenant/documents',
      ...as(world, world.adminA, 200, 200, 403),
    })
    assert.include(list.owner.text(), 'Alpha 营业执照')
    assert.notInclude(list.otherTenant.text(), 'Alpha 营业执照')
    await assertAccess(client, assert, {
      url: '/tenant/documents/create',
      ...as(world, world.adminA, 200, 200, 403),
    })
    // Without a file the form comes back (302 to the form) for tenant admins; nothing is stored.
    await assertAccess(client, assert, {
      method: 'post',
      url: '/tenant/documents',
      form: form(),
      ...as(world, world.adminA, 302, 302, 403),
    })
    assert.lengthOf(await TenantDocument.all(), 1)
    await assertAccess(client, assert, {
      url: `/tenant/documents/${id}`,
      ...as(world, world.adminA, 200, 404, 403),
    })
    await assertAccess(client, assert, {
      url: `/tenant/documents/${id}/edit`,
      ...as(world, world.adminA, 200, 404, 403),
    })
    await assertAccess(client, assert, {
      method: 'put',
      url: `/tenant/documents/${id}`,
      form: form({ title: 'Alpha 营业执照（新）' }),
      ...as(world, world.adminA, 302, 404, 403),
    })
    assert.equal((await TenantDocument.findOrFail(id)).title, 'Alpha 营业执照（新）')
    assert.lengthOf(await AuditLog.query().where('action', 'tenant_document.updated'), 1)
    // Deleting: the member is refused, and so is everyone else; the document stays.
    await assertAccess(client, assert, {
      method: 'delete',
      url: `/tenant/documents/${id}`,
      ...as(world, world.memberA, 403, 404, 403),
    })
    assert.isNotNull(await TenantDocument.find(id))
  })

  test('the file: its tenant and the operators only, not another tenant nor an evaluator', async ({
    client,
    assert,
  }) => {
    const { world, document } = await setup()
    const url = `/attachments/${document.attachmentId}`
    const access = await assertAccess(client, assert, {
      url,
      ...as(world, world.adminA, 200, 403, 200),
    })
    assert.equal(access.owner.header('content-type'), 'application/pdf')
    ;(await client.get(url).loginAs(world.memberA).redirects(0)).assertStatus(200)
    ;(await client.get(url).loginAs(world.evaluator).redirects(0)).assertStatus(403)
    ;(await client.get(url).loginAs(world.staff).redirects(0)).assertStatus(200)
  })

  test('park routes: operators only', async ({ client, assert }) => {
    const { world, document } = await setup()
    const id = document.id
    const tenantId = world.tenantA.id
    const list = await assertAccess(client, assert, {
      url: '/park/documents',
      ...as(world, world.adminA, 403, 403, 200),
    })
    assert.include(list.operator.text(), 'Alpha 营业执照')
    await assertAccess(client, assert, {
      url: `/park/documents/${id}`,
      ...as(world, world.adminA, 403, 403, 200),
    })
    await assertAccess(client, assert, {
      url: `/park/documents/${id}/edit`,
      ...as(world, world.adminA, 403, 403, 200),
    })
    await assertAccess(client, assert, {
      url: `/park/tenants/${tenantId}/documents/create`,
      ...as(world, world.adminA, 403, 403, 200),
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/park/tenants/${tenantId}/documents`,
      form: form(),
      ...as(world, world.adminA, 403, 403, 302),
    })
    assert.lengthOf(await TenantDocument.all(), 1)
    await assertAccess(client, assert, {
      method: 'put',
      url: `/park/documents/${id}`,
      form: form({ title: '运营更正' }),
      ...as(world, world.adminA, 403, 403, 302),
    })
    assert.equal((await TenantDocument.findOrFail(id)).title, '运营更正')
    for (const user of [world.evaluator, world.memberA]) {
      ;(await client.get('/park/documents').loginAs(user).redirects(0)).assertStatus(403)
    }
    await assertAccess(client, assert, {
      method: 'delete',
      url: `/park/documents/${id}`,
      ...as(world, world.adminA, 403, 403, 302),
    })
    assert.isNull(await TenantDocument.find(id))
  })
})

test.group('Park: documents list for operators', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('expiring and expired first by default; filters by status, kind and tenant; paginated', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const today = todayInShanghai()
    await makeDocument(world.tenantA.id, 'A-已过期', today.minus({ days: 3 }))
    await makeDocument(
      world.tenantA.id,
      'A-即将到期',
      today.plus({ days: 10 }),
      'customs_registration'
    )
    await makeDocument(world.tenantB.id, 'B-有效', today.plus({ days: 100 }))
    await makeDocument(world.tenantB.id, 'B-长期', null, 'import_export_operator_record')

    const get = (qs = '') => client.get(`/park/documents${qs}`).loginAs(world.staff)
    const titles = (text: string) =>
      ['A-已过期', 'A-即将到期', 'B-有效', 'B-长期'].filter((t) => text.includes(t))

    const byDefault = await get()
    byDefault.assertStatus(200)
    assert.deepEqual(titles(byDefault.text()), ['A-已过期', 'A-即将到期'])
    assert.isBelow(byDefault.text().indexOf('A-已过期'), byDefault.text().indexOf('A-即将到期'))
    byDefault.assertTextIncludes('已过期 3 天')
    byDefault.assertTextIncludes('剩余 10 天')
    // All of them by expiry: the one that never expires comes last.
    const all = (await get('?status=all')).text()
    assert.deepEqual(
      ['A-已过期', 'A-即将到期', 'B-有效', 'B-长期'].map((t) => all.indexOf(t)),
      ['A-已过期', 'A-即将到期', 'B-有效', 'B-长期']
        .map((t) => all.indexOf(t))
        .sort((a, b) => a - b)
    )
    assert.deepEqual(titles((await get('?status=valid')).text()), ['B-有效'])
    assert.deepEqual(titles((await get('?status=no_expiry')).text()), ['B-长期'])
    assert.deepEqual(titles((await get('?status=expired')).text()), ['A-已过期'])
    assert.deepEqual(titles((await get('?status=all&kind=customs_registration')).text()), [
      'A-即将到期',
    ])
    assert.deepEqual(titles((await get('?status=all&q=Beta')).text()), ['B-有效', 'B-长期'])
    assert.deepEqual(titles((await get(`?status=all&q=${world.tenantA.uscc}`)).text()), [
      'A-已过期',
      'A-即将到期',
    ])
    ;(await get('?status=bogus').redirects(0)).assertStatus(302)

    // 21 expired documents by title: A-已过期 and 批量-01…19 on the first page, 批量-20 on the second.
    for (let i = 1; i <= 20; i++) {
      await TenantDocument.create({
        tenantId: world.tenantB.id,
        kind: 'other',
        title: `批量-${String(i).padStart(2, '0')}`,
        expiresOn: today.minus({ days: 1 }),
        version: 1,
      })
    }
    const first = await get('?status=expired&sort=title&order=asc')
    first.assertTextIncludes('共 21 条')
    first.assertTextIncludes('批量-19')
    assert.notInclude(first.text(), '批量-20')
    const page2 = await get('?status=expired&sort=title&order=asc&page=2')
    page2.assertTextIncludes('批量-20')
    assert.notInclude(page2.text(), '批量-01')
  })
})

test.group('Park: document expiry reminders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** 08:00 in Shanghai on `day`, as the daily schedule stamps its run. */
  const at = (day: string) =>
    DateTime.fromISO(`${day}T08:00`, { zone: 'Asia/Shanghai' }).toUTC().toISO()!

  test('30 days before expiry the tenant’s users and the operators are told once; 45 days before nobody', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const soon = await makeDocument(
      world.tenantA.id,
      '食品经营许可证',
      DateTime.fromISO('2026-03-31'),
      'other'
    )
    const later = await makeDocument(
      world.tenantB.id,
      '道路运输经营许可证',
      DateTime.fromISO('2026-04-15'),
      'other'
    )

    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-03-01') })
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-03-01') })
    // The next day the document is still within 30 days: the dedupe key keeps it to one notice.
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-03-02') })

    const noticesOf = (user: User) => Notification.query().where('user_id', user.id)
    for (const user of [world.adminA, world.memberA, world.operator, world.staff]) {
      const notices = await noticesOf(user)
      assert.lengthOf(notices, 1, user.email)
      assert.equal(notices[0].kind, 'document.expiring')
      assert.equal(notices[0].dedupeKey, `document.expiring:${soon.id}:2026-03-31`)
      assert.equal(notices[0].params.days, 30)
    }
    assert.equal((await noticesOf(world.adminA))[0].url, `/tenant/documents/${soon.id}`)
    assert.equal((await noticesOf(world.operator))[0].url, `/park/documents/${soon.id}`)
    assert.lengthOf(await noticesOf(world.adminB), 0)
    assert.lengthOf(await noticesOf(world.evaluator), 0)
    assert.lengthOf(await Notification.query().where('dedupe_key', 'like', `%:${later.id}:%`), 0)

    const page = await client.get('/notifications').loginAs(world.adminA)
    page.assertTextIncludes('Alpha Trading的证照“食品经营许可证”将于 2026-03-31 到期（剩余 30 天）')

    // Renewed with a new expiry date: a new reminder when that one comes near.
    await new DocumentService().update(soon.id, {
      kind: 'other',
      title: '食品经营许可证',
      documentNumber: null,
      issuedOn: null,
      expiresOn: DateTime.fromISO('2026-04-20'),
      note: null,
    })
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-03-25') })
    assert.lengthOf(await noticesOf(world.memberA), 2)
    // The 45-day one is now 21 days away: its tenant hears of it.
    assert.lengthOf(await noticesOf(world.adminB), 1)
  })

  test('the day after expiry an expired notice goes out once', async ({ assert }) => {
    const world = await makeWorld()
    const document = await makeDocument(
      world.tenantA.id,
      '对外贸易经营者备案',
      DateTime.fromISO('2026-06-30'),
      'import_export_operator_record'
    )
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-06-30') })
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-07-01') })
    await new DocumentExpiryJob().handle({ scheduledFor: at('2026-07-02') })
    const expired = await Notification.query().where({
      user_id: world.adminA.id,
      kind: 'document.expired',
    })
    assert.lengthOf(expired, 1)
    assert.equal(expired[0].dedupeKey, `document.expired:${document.id}:2026-06-30`)
    assert.lengthOf(
      await Notification.query().where({ user_id: world.operator.id, kind: 'document.expired' }),
      1
    )
    const runs = await (
      await import('@adonisjs/lucid/services/db')
    ).default
      .from('job_runs')
      .where('job_name', 'park.document_expiry')
    assert.lengthOf(runs, 3)
  })
})

test.group('Park: tenant dashboard', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('shows the tenant’s own leases, units and documents, never another tenant’s', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'D', name: '跨境大厦', floors: 5 })
    const unit = (number: string, floor: number, area: number) =>
      Unit.create({
        buildingId: building.id,
        floor,
        number,
        unitType: 'office',
        area,
        status: 'vacant',
      })
    const a1 = await unit('D-301', 3, 120.5)
    const a2 = await unit('D-302', 3, 80)
    const b1 = await unit('D-501', 5, 300)
    const today = todayInShanghai()
    const leases = new LeaseService()
    const leaseA = await leases.create({
      tenantId: world.tenantA.id,
      unitIds: [a1.id, a2.id],
      startDate: today.minus({ months: 6 }),
      endDate: today.plus({ days: 90 }),
      monthlyRentFen: 1_880_000,
      depositFen: 0,
      activate: true,
    })
    const leaseB = await leases.create({
      tenantId: world.tenantB.id,
      unitIds: [b1.id],
      startDate: today.minus({ months: 1 }),
      endDate: today.plus({ years: 2 }),
      monthlyRentFen: 5_000_000,
      depositFen: 0,
      activate: true,
    })
    await makeDocument(world.tenantA.id, 'Alpha 食品经营许可证', today.plus({ days: 12 }), 'other')
    await makeDocument(
      world.tenantA.id,
      'Alpha 海关备案',
      today.minus({ days: 2 }),
      'customs_registration'
    )
    await makeDocument(world.tenantB.id, 'Beta 道路运输许可证', today.plus({ days: 5 }), 'other')

    // A tenant id in the query string changes nothing: the data is the signed-in user's tenant.
    const page = await client.get(`/dashboard?tenantId=${world.tenantB.id}`).loginAs(world.memberA)
    page.assertStatus(200)
    const text = page.text()
    for (const shown of [
      leaseA.number,
      'D-301',
      'D-302',
      '跨境大厦',
      '3 层',
      '120.50',
      '¥18,800.00',
      '2 个单元，共 200.50 m²',
      '剩余 90 天',
      'Alpha 食品经营许可证',
      'Alpha 海关备案',
      'badge-warning',
      'badge-danger',
    ])
      assert.include(text, shown)
    for (const hidden of [leaseB.number, 'D-501', 'Beta 道路运输许可证', '¥50,000.00'])
      assert.notInclude(text, hidden)

    const other = await client.get('/dashboard').loginAs(world.adminB)
    assert.include(other.text(), leaseB.number)
    assert.include(other.text(), 'Beta 道路运输许可证')
    assert.notInclude(other.text(), leaseA.number)
    assert.notInclude(other.text(), 'Alpha 食品经营许可证')
  })

  test('a tenant with neither lease nor documents sees empty states', async ({ client }) => {
    const tenant = await makeTenant('Gamma Commerce')
    const user = await User.create({
      email: 'admin-c@example.test',
      password: 'Secret#2026a',
      fullName: 'admin-c',
      role: 'tenant_admin',
      tenantId: tenant.id,
      isActive: true,
    })
    const page = await client.get('/dashboard').loginAs(user)
    page.assertStatus(200)
    page.assertTextIncludes('暂无生效中的租赁合同')
    page.assertTextIncludes('尚未上传证照')
  })
})
