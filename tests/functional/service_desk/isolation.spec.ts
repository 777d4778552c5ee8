import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ServiceRequest from '#service_desk/models/service_request'
import RequestService from '#service_desk/services/request_service'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import { seedHolidays } from '#tests/helpers/complaints'
import { advanceRequest, fileRequest, makeServiceItem } from '#tests/helpers/service_desk'

test.group('Service requests: tenant isolation and rights', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())

  test('a tenant sees, confirms and reopens only its own requests', async ({ client, assert }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world)
    const request = await advanceRequest(await fileRequest(world, item), world, 'completed')

    await assertAccess(client, assert, {
      url: `/tenant/service-requests/${request.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    for (const url of ['/tenant/service-requests', '/tenant/service-requests/create']) {
      await assertAccess(client, assert, {
        url,
        owner: { user: world.memberA, expect: 200 },
        otherTenant: { user: world.adminB, expect: 200 },
        operator: { user: world.operator, expect: 403 },
        anonymous: 'login',
      })
    }
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/service-requests/${request.id}/reopen`,
      form: { comment: '还没有讲清楚' },
      owner: { user: world.adminA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    assert.equal((await ServiceRequest.findOrFail(request.id)).status, 'in_progress')
    await new RequestService().act(
      request.id,
      'complete',
      { result: '已补充讲解' },
      { user: world.staff, kind: 'staff' }
    )
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/service-requests/${request.id}/confirm`,
      form: { rating: '5' },
      owner: { user: world.memberA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    const confirmed = await ServiceRequest.findOrFail(request.id)
    assert.equal(confirmed.status, 'confirmed')
    assert.equal(confirmed.rating, 5)

    // Another tenant's list does not show the request at all.
    const listB = await client.get('/tenant/service-requests').loginAs(world.adminB)
    assert.notInclude(listB.text(), request.number)
    const listA = await client.get('/tenant/service-requests').loginAs(world.memberA)
    assert.include(listA.text(), request.number)
    // Even asked for by tenant filter, B's list stays B's.
    const crafted = await client
      .get(`/tenant/service-requests?tenantId=${world.tenantA.id}`)
      .loginAs(world.adminB)
    assert.notInclude(crafted.text(), request.number)
  })

  test('the tenant is the signed-in user’s enterprise, whatever the form says', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world)
    const response = await client
      .post('/tenant/service-requests')
      .form({
        serviceItemId: item.id,
        tenantId: world.tenantA.id,
        subject: '通关咨询',
        details: '请提供备案、申报、出区的操作指引。',
      })
      .loginAs(world.adminB)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const [stored] = await ServiceRequest.all()
    assert.equal(stored.tenantId, world.tenantB.id)
  })

  test('operators handle, evaluators read, tenants are kept out of the operator pages', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const request = await fileRequest(world, await makeServiceItem(world))
    for (const url of [
      '/service-requests',
      `/service-requests/${request.id}`,
      '/service-requests/export.xlsx',
    ]) {
      await assertAccess(client, assert, {
        url,
        owner: { user: world.adminA, expect: 403 },
        otherTenant: { user: world.adminB, expect: 403 },
        operator: { user: world.staff, expect: 200 },
        anonymous: 'login',
      })
      ;(await client.get(url).loginAs(world.evaluator)).assertStatus(200)
    }
    // Evaluators read but do not handle.
    const evaluator = await client
      .post(`/service-requests/${request.id}/assign`)
      .form({ assigneeId: world.staff.id })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    evaluator.assertStatus(403)
    await assertAccess(client, assert, {
      method: 'post',
      url: `/service-requests/${request.id}/assign`,
      form: { assigneeId: world.staff.id },
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.operator, expect: 302 },
      anonymous: 'login',
    })
    const assigned = await ServiceRequest.findOrFail(request.id)
    assert.equal(assigned.status, 'assigned')
    assert.equal(assigned.assigneeId, world.staff.id)
  })
})
