import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import { scopeToTenant, ownsTenantRecord } from '#core/tenancy'
import { makeWorld } from '#tests/helpers/world'

test.group('Tenant isolation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('tenant users see their own rows, operators all, nobody else anything', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const ids = async (user?: User) =>
      (await scopeToTenant(User.query().whereNotNull('tenant_id'), user)).map((u) => u.email).sort()
    assert.deepEqual(await ids(world.adminA), ['admin-a@example.test', 'member-a@example.test'])
    assert.deepEqual(await ids(world.adminB), ['admin-b@example.test'])
    assert.lengthOf(await ids(world.operator), 3)
    assert.lengthOf(await ids(undefined), 0)
    assert.isTrue(ownsTenantRecord(world.memberA, { tenantId: world.tenantA.id }))
    assert.isFalse(ownsTenantRecord(world.adminB, { tenantId: world.tenantA.id }))
    assert.isFalse(ownsTenantRecord(world.operator, { tenantId: world.tenantA.id }))
  })
})
