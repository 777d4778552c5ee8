import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'

test.group('Tenant members', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the member list shows the own enterprise only', async ({ client, assert }) => {
    const world = await makeWorld()
    const { owner, otherTenant } = await assertAccess(client, assert, {
      url: '/tenant/members',
      owner: { user: world.adminA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 200 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    assert.include(owner.text(), 'member-a@example.test')
    assert.notInclude(otherTenant.text(), 'member-a@example.test')
    const member = await client.get('/tenant/members').loginAs(world.memberA).redirects(0)
    member.assertStatus(403)
  })

  test('a tenant admin disables a member; another tenant cannot touch them', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/members/${world.memberA.id}/toggle`,
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
      owner: { user: world.adminA, expect: 302 },
    })
    await world.memberA.refresh()
    assert.isFalse(world.memberA.isActive)
  })

  test('a tenant admin adds a member to their own enterprise; bad input changes nothing', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/tenant/members')
      .form({ fullName: 'X', email: 'nope', role: 'operator_admin', password: '1' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('email', ['邮箱格式不正确。'])
    bad.assertFieldErrors('role', ['请选择有效的角色。'])
    const ok = await client
      .post('/tenant/members')
      .form({
        fullName: '新成员',
        email: 'new-a@example.test',
        role: 'tenant_member',
        password: 'Member2026',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    ok.assertHeader('location', '/tenant/members')
    const created = await User.findByOrFail('email', 'new-a@example.test')
    assert.equal(created.tenantId, world.tenantA.id)
  })
})
