import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Attachment from '#core/models/attachment'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'

test.group('Dashboards, health, errors and attachments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('each kind of user gets a dashboard with real counts and a chart', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const operator = await client.get('/dashboard').loginAs(world.operator)
    operator.assertStatus(200)
    operator.assertTextIncludes('待审核注册')
    operator.assertTextIncludes('registrations-by-month')
    const evaluator = await client.get('/dashboard').loginAs(world.evaluator)
    evaluator.assertTextIncludes('tenants-by-month')
    const tenant = await client.get('/dashboard').loginAs(world.adminA)
    tenant.assertTextIncludes('Alpha Trading')
    assert.notInclude(tenant.text(), 'Beta Logistics')
  })

  test('GET /health reports database, queue and disk', async ({ client, assert }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    const names = response.body().checks.map((c: any) => c.name)
    assert.includeMembers(names, ['Database', 'Queue', 'Disk space check'])
  })

  test('404 and 403 pages are translated and show no stack', async ({ client, assert }) => {
    const missing = await client.get('/no-such-page')
    missing.assertStatus(404)
    missing.assertTextIncludes('页面不存在')
    assert.notMatch(missing.text(), /at \S+ \(.*:\d+:\d+\)/)
    const world = await makeWorld()
    const forbidden = await client.get('/admin/users').loginAs(world.adminA).redirects(0)
    forbidden.assertStatus(403)
    forbidden.assertTextIncludes('无权访问')
  })

  test('a tenant-owned attachment is served to its owner and operators only, as a download', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const drive = (await import('@adonisjs/drive/services/main')).default
    await drive.use().put('attachments/test/a.pdf', '%PDF-1.4 test')
    const attachment = await Attachment.create({
      ownerType: 'registration',
      ownerId: '1',
      tenantId: world.tenantA.id,
      storageKey: 'attachments/test/a.pdf',
      originalName: '营业执照 "a".pdf',
      mimeType: 'application/pdf',
      size: 13,
      sha256: 'x'.repeat(64),
    })
    const { owner } = await assertAccess(client, assert, {
      url: `/attachments/${attachment.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.operator, expect: 200 },
      anonymous: 'login',
    })
    assert.match(
      owner.header('content-disposition') ?? '',
      /^attachment; filename="(?:[^"\\]|\\.)*\.pdf"; filename\*=UTF-8''%E8%90%A5/
    )
    assert.equal(owner.header('x-content-type-options'), 'nosniff')
    await db.from('attachments').where('id', attachment.id).delete()
  })
})
