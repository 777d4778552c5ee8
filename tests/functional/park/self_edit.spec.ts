import { test } from '@japa/runner'
import sinon from 'sinon'
import type { ApiClient } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Tenant from '#core/models/tenant'
import AuditLog from '#core/models/audit_log'
import Notification from '#core/models/notification'
import RegistrationService from '#core/services/registration_service'
import TenantChangeRequest from '#park/models/tenant_change_request'
import TenantProfileService from '#park/services/tenant_profile_service'
import { makeTenant, makeUscc, makeWorld, type World } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'

/** The profile form as the tenant's page sends it: identity as it is, figures filled in. */
const profileForm = (tenant: Tenant, overrides: Record<string, unknown> = {}) => ({
  'unitName': tenant.name,
  'uscc': tenant.uscc,
  'legalRepresentative': tenant.legalRepresentative,
  'enterpriseTypes[]': ['ecommerce_enterprise', 'cbec_platform'],
  'businessModes[]': ['9610', '9710'],
  'industry': '跨境零售',
  'contactPerson': '周八',
  'contactPhone': '13922223333',
  'contactEmail': 'ops@alpha.example',
  'headcount': '36',
  'talentBachelorPlus': '20',
  'talentCbecSpecialists': '9',
  'ipPatents': '1',
  'ipTrademarks': '4',
  'ipSoftwareCopyrights': '2',
  ...overrides,
})

function submit(
  client: ApiClient,
  world: World,
  form: Record<string, unknown>,
  user = world.adminA
) {
  return client.put('/tenant/profile').form(form).loginAs(user).withCsrfToken().redirects(0)
}

/** A pending request renaming tenant A, filed through the page. */
async function fileRename(
  client: ApiClient,
  world: World,
  overrides: Record<string, unknown> = {}
) {
  await submit(client, world, profileForm(world.tenantA, { unitName: '阿尔法跨境', ...overrides }))
  return TenantChangeRequest.query()
    .where({ tenantId: world.tenantA.id, status: 'pending' })
    .firstOrFail()
}

const auditFor = (action: string, subjectId: number) =>
  AuditLog.query().where({ action, subjectId: String(subjectId) })

test.group('Park: a tenant edits its own profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sinon.restore())

  test('register details apply at once and are audited; no request is filed', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await submit(client, world, profileForm(world.tenantA))
    response.assertHeader('location', '/tenant/profile')
    response.assertFlashMessage('success', '企业信息已保存。')

    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.deepEqual(tenant.enterpriseTypeList, ['ecommerce_enterprise', 'cbec_platform'])
    assert.deepEqual(tenant.businessModeList, ['9610', '9710'])
    assert.equal(tenant.contactPerson, '周八')
    assert.equal(tenant.headcount, 36)
    assert.equal(tenant.ipTrademarks, 4)
    assert.equal(tenant.name, 'Alpha Trading')
    const entry = await auditFor('tenant.profile_updated', tenant.id).firstOrFail()
    assert.equal(entry.tenantId, tenant.id)
    assert.equal(entry.actorId, world.adminA.id)
    assert.include(entry.afterValues!, '周八')
    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', tenant.id), 0)

    const page = await client.get('/tenant/profile').loginAs(world.adminA)
    page.assertStatus(200)
    page.assertTextIncludes('跨境零售')
    page.assertTextIncludes('暂无变更申请记录。')
  })

  test('saving the page unchanged changes nothing and adds nothing to the trail', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    // Stored in another order than the form's checkboxes send them.
    world.tenantA.merge({
      enterpriseTypes: '["cbec_platform","ecommerce_enterprise"]',
      businessModes: '["9710","9610"]',
      industry: '跨境零售',
      contactPerson: '周八',
      contactPhone: '13922223333',
      contactEmail: 'ops@alpha.example',
      headcount: 36,
      talentBachelorPlus: 20,
      talentCbecSpecialists: 9,
      ipPatents: 1,
      ipTrademarks: 4,
      ipSoftwareCopyrights: 2,
    })
    await world.tenantA.save()
    const response = await submit(client, world, profileForm(world.tenantA))
    response.assertFlashMessage('success', '没有需要保存的修改。')
    assert.lengthOf(await auditFor('tenant.profile_updated', world.tenantA.id), 0)
    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', world.tenantA.id), 0)
  })

  test('a name, USCC or legal-representative change waits for approval; the rest applies', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const newUscc = makeUscc()
    const response = await submit(
      client,
      world,
      profileForm(world.tenantA, {
        unitName: '阿尔法跨境',
        uscc: newUscc.toLowerCase(),
        legalRepresentative: '王五',
      })
    )
    response.assertFlashMessage(
      'success',
      '登记信息已保存；主体信息的变更已提交园区审核，通过后生效。'
    )
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.name, 'Alpha Trading')
    assert.equal(tenant.uscc, world.tenantA.uscc)
    assert.equal(tenant.legalRepresentative, '张三')
    assert.equal(tenant.headcount, 36, 'the immediate fields applied in the same submission')

    const request = await TenantChangeRequest.query()
      .where({ tenantId: tenant.id, status: 'pending' })
      .firstOrFail()
    assert.equal(request.requestedBy, world.adminA.id)
    assert.deepEqual(request.changeList, [
      { field: 'name', from: 'Alpha Trading', to: '阿尔法跨境' },
      { field: 'uscc', from: world.tenantA.uscc, to: newUscc },
      { field: 'legalRepresentative', from: '张三', to: '王五' },
    ])
    assert.equal(request.pendingUscc, newUscc)
    const entry = await auditFor('tenant_change.requested', request.id).firstOrFail()
    assert.equal(entry.tenantId, tenant.id)

    const page = await client.get('/tenant/profile').loginAs(world.memberA)
    page.assertTextIncludes('待审核的变更')
    page.assertTextIncludes('阿尔法跨境')
    page.assertTextIncludes(newUscc)
    assert.notInclude(page.text(), '撤回申请', 'a member sees the request but cannot withdraw it')
    const locked = await client.get('/tenant/profile/edit').loginAs(world.adminA)
    locked.assertTextIncludes('已有一项待审核的变更，撤回或审核完成后才能再次修改这些信息。')
    assert.match(locked.text(), /name="unitName"[^>]*readonly/)

    // While it is pending, the identity cannot be changed again; nothing else changes either.
    const again = await submit(
      client,
      world,
      profileForm(world.tenantA, { legalRepresentative: '赵六', headcount: '99' })
    )
    again.assertFlashMessage('error', '已有一项待审核的变更申请，请等待审核结果或先撤回该申请。')
    again.assertFieldErrors('legalRepresentative', [
      '已有一项待审核的变更申请，请等待审核结果或先撤回该申请。',
    ])
    await tenant.refresh()
    assert.equal(tenant.headcount, 36)
    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', tenant.id), 1)

    // Figures alone still save while the request waits.
    const figures = await submit(client, world, profileForm(world.tenantA, { headcount: '40' }))
    figures.assertFlashMessage('success', '企业信息已保存。')
    await tenant.refresh()
    assert.equal(tenant.headcount, 40)
  })

  test('the tenant admin withdraws its pending request and may file a new one', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const request = await fileRename(client, world)
    const { owner } = await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/profile/changes/${request.id}/withdraw`,
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
      owner: { user: world.adminA, expect: 302 },
    })
    owner.assertFlashMessage('success', '变更申请已撤回。')
    await request.refresh()
    assert.equal(request.status, 'withdrawn')
    assert.isNull(request.pendingTenantId)
    assert.equal(request.decidedBy, world.adminA.id)
    assert.isOk(await auditFor('tenant_change.withdrawn', request.id).first())
    assert.equal((await Tenant.findOrFail(world.tenantA.id)).name, 'Alpha Trading')

    const next = await fileRename(client, world, { unitName: '阿尔法国际' })
    assert.notEqual(next.id, request.id)
  })

  test('an operator approves: the identity changes in one transaction, audited', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const newUscc = makeUscc()
    const request = await fileRename(client, world, { uscc: newUscc })

    const queue = await client.get('/park/tenant-changes').loginAs(world.staff)
    queue.assertStatus(200)
    queue.assertTextIncludes('Alpha Trading')
    queue.assertTextIncludes('阿尔法跨境')
    const detail = await client.get(`/park/tenant-changes/${request.id}`).loginAs(world.staff)
    detail.assertTextIncludes(world.tenantA.uscc)
    detail.assertTextIncludes(newUscc)
    detail.assertTextIncludes('通过并生效')
    const register = await client.get('/park/tenants').loginAs(world.staff)
    register.assertTextIncludes('信息变更审核（1 项待审）')

    const approved = await client
      .post(`/park/tenant-changes/${request.id}/approve`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    approved.assertHeader('location', `/park/tenant-changes/${request.id}`)
    approved.assertFlashMessage('success', '变更已通过，企业名录已更新。')

    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.name, '阿尔法跨境')
    assert.equal(tenant.uscc, newUscc)
    assert.equal(tenant.legalRepresentative, '张三')
    await request.refresh()
    assert.equal(request.status, 'approved')
    assert.equal(request.decidedBy, world.staff.id)
    assert.isNotNull(request.decidedAt)
    assert.isNull(request.pendingUscc)
    const change = await auditFor('tenant.identity_changed', tenant.id).firstOrFail()
    assert.equal(change.actorId, world.staff.id)
    assert.include(change.beforeValues!, 'Alpha Trading')
    assert.include(change.afterValues!, '阿尔法跨境')
    assert.isOk(await auditFor('tenant_change.approved', request.id).first())

    const twice = await client
      .post(`/park/tenant-changes/${request.id}/approve`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage('error', '该申请已处理，不能重复操作。')

    const page = await client.get('/tenant/profile').loginAs(world.adminA)
    page.assertTextIncludes('阿尔法跨境')
    page.assertTextIncludes('已通过')
  })

  test('an operator rejects with a required reason; the old values stay and the tenant sees why', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const request = await fileRename(client, world)

    const noReason = await client
      .post(`/park/tenant-changes/${request.id}/reject`)
      .form({ reason: ' ' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    noReason.assertFieldErrors('reason', ['请填写驳回原因。'])
    await request.refresh()
    assert.equal(request.status, 'pending')

    const rejected = await client
      .post(`/park/tenant-changes/${request.id}/reject`)
      .form({ reason: '请上传变更后的营业执照' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    rejected.assertFlashMessage('success', '变更申请已驳回。')
    await request.refresh()
    assert.equal(request.status, 'rejected')
    assert.equal(request.reason, '请上传变更后的营业执照')
    assert.equal(request.decidedBy, world.operator.id)
    assert.isOk(await auditFor('tenant_change.rejected', request.id).first())
    assert.equal((await Tenant.findOrFail(world.tenantA.id)).name, 'Alpha Trading')

    // Operators heard of the request; the enterprise's users hear of the decision.
    const told = (userId: number) =>
      Notification.query().where('user_id', userId).orderBy('id').select('message_key')
    assert.deepEqual(
      (await told(world.staff.id)).map((n) => n.messageKey),
      ['notifications.tenant_change_requested']
    )
    assert.deepEqual(
      (await told(world.memberA.id)).map((n) => n.messageKey),
      ['notifications.tenant_change_rejected']
    )
    assert.lengthOf(await told(world.adminB.id), 0)

    const page = await client.get('/tenant/profile').loginAs(world.adminA)
    page.assertTextIncludes('已被驳回。原因：请上传变更后的营业执照')
    assert.notInclude(page.text(), '待审核的变更')

    const approveLate = await client
      .post(`/park/tenant-changes/${request.id}/approve`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    approveLate.assertFlashMessage('error', '该申请已处理，不能重复操作。')
    assert.equal((await Tenant.findOrFail(world.tenantA.id)).name, 'Alpha Trading')
  })

  test('an invalid USCC is a field error and nothing changes', async ({ client, assert }) => {
    const world = await makeWorld()
    const valid = makeUscc()
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')
    const response = await submit(
      client,
      world,
      profileForm(world.tenantA, { uscc: wrongCheck, unitName: '阿尔法跨境' })
    )
    response.assertFieldErrors('uscc', ['统一社会信用代码校验码不正确，请核对。'])
    const short = await submit(client, world, profileForm(world.tenantA, { uscc: '9144' }))
    short.assertFieldErrors('uscc', ['统一社会信用代码必须为 18 位。'])

    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.uscc, world.tenantA.uscc)
    assert.equal(tenant.name, 'Alpha Trading')
    assert.equal(tenant.headcount, 0, 'the valid fields of a refused form are not applied either')
    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', tenant.id), 0)
  })

  test('a USCC of another tenant or of a pending registration is refused', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const taken = await submit(
      client,
      world,
      profileForm(world.tenantA, { uscc: world.tenantB.uscc })
    )
    taken.assertFieldErrors('uscc', ['该统一社会信用代码已被其他企业使用或正在申请中。'])

    const applying = makeUscc()
    await new RegistrationService().apply({
      userCategory: 'ecommerce_enterprise',
      unitName: '申请中的企业',
      uscc: applying,
      legalRepresentative: '孙九',
      contactPerson: '孙九',
      mobile: '13700001111',
      email: 'applying@example.test',
      password: 'Applicant2026',
    })
    const pending = await submit(client, world, profileForm(world.tenantA, { uscc: applying }))
    pending.assertFieldErrors('uscc', ['该统一社会信用代码已被其他企业使用或正在申请中。'])

    // Tenant B already asked for a code: A cannot ask for the same one.
    const wanted = makeUscc()
    await submit(client, world, profileForm(world.tenantB, { uscc: wanted }), world.adminB)
    const twin = await submit(client, world, profileForm(world.tenantA, { uscc: wanted }))
    twin.assertFieldErrors('uscc', ['该统一社会信用代码已被其他企业使用或正在申请中。'])

    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', world.tenantA.id), 0)
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.uscc, world.tenantA.uscc)
    assert.equal(tenant.headcount, 0)
  })

  test('a USCC taken after the request was filed is refused at approval, translated', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const wanted = makeUscc()
    const request = await fileRename(client, world, { uscc: wanted })
    // Another enterprise is admitted with that code in the meantime.
    const other = await makeTenant('Gamma Payments')
    other.uscc = wanted
    await other.save()

    const refused = await client
      .post(`/park/tenant-changes/${request.id}/approve`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage(
      'error',
      '申请的统一社会信用代码现已被其他企业使用或正在申请中，不能通过；请驳回并说明原因。'
    )
    await request.refresh()
    assert.equal(request.status, 'pending')
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.uscc, world.tenantA.uscc)
    assert.equal(tenant.name, 'Alpha Trading')
  })

  test('a USCC race past the re-check is stopped by the unique index, translated', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const wanted = makeUscc()
    const request = await fileRename(client, world, { uscc: wanted })
    const other = await makeTenant('Delta Freight')
    other.uscc = wanted
    await other.save()
    // The other enterprise got the code between the re-check and the update.
    sinon.stub(TenantProfileService.prototype as any, 'assertUsccFree').resolves()

    const refused = await client
      .post(`/park/tenant-changes/${request.id}/approve`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(302)
    refused.assertFlashMessage(
      'error',
      '申请的统一社会信用代码现已被其他企业使用或正在申请中，不能通过；请驳回并说明原因。'
    )
    await request.refresh()
    assert.equal(request.status, 'pending')
    assert.equal((await Tenant.findOrFail(world.tenantA.id)).name, 'Alpha Trading')
  })

  test('status and move-in/out cannot be changed through crafted form fields', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await submit(
      client,
      world,
      profileForm(world.tenantA, {
        status: 'resident',
        moveInDate: '2026-01-01',
        moveOutDate: '2026-12-31',
        userCategory: 'payment_enterprise',
        tenantId: String(world.tenantB.id),
        id: String(world.tenantB.id),
      })
    )
    response.assertFlashMessage('success', '企业信息已保存。')
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.status, 'admitted')
    assert.isNull(tenant.moveInDate)
    assert.isNull(tenant.moveOutDate)
    assert.equal(tenant.userCategory, 'ecommerce_enterprise')
    assert.equal(tenant.headcount, 36, 'the own tenant was edited')
    const b = await Tenant.findOrFail(world.tenantB.id)
    assert.equal(b.headcount, 0, 'the tenant comes from the session, never from the form')
    assert.equal(b.contactPerson, '李四')
  })

  test('a member sees the profile but cannot edit it; operators and evaluators have no profile', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const view = await client.get('/tenant/profile').loginAs(world.memberA).redirects(0)
    view.assertStatus(200)
    view.assertTextIncludes('Alpha Trading')
    view.assertTextIncludes('仅企业管理员可以修改企业信息。')
    assert.notInclude(view.text(), '/tenant/profile/edit')
    ;(await client.get('/tenant/profile/edit').loginAs(world.memberA).redirects(0)).assertStatus(
      403
    )
    const put = await submit(
      client,
      world,
      profileForm(world.tenantA, { unitName: '成员改名' }),
      world.memberA
    )
    put.assertStatus(403)
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.headcount, 0)
    assert.lengthOf(await TenantChangeRequest.query().where('tenant_id', tenant.id), 0)

    const own = await client.get('/tenant/profile').loginAs(world.adminB)
    own.assertTextIncludes('Beta Logistics')
    assert.notInclude(own.text(), 'Alpha Trading')
    const edit = await client.get('/tenant/profile/edit').loginAs(world.adminA)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="Alpha Trading"')
    assert.notInclude(edit.text(), 'readonly', 'with nothing pending the identity is editable')

    for (const user of [world.operator, world.evaluator]) {
      ;(await client.get('/tenant/profile').loginAs(user).redirects(0)).assertStatus(403)
    }
    ;(await client.get('/tenant/profile').redirects(0)).assertHeader('location', '/login')
  })

  test('only operators see and decide requests: tenants and evaluators cannot', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const request = await fileRename(client, world)

    const own = await client.get('/tenant/profile').loginAs(world.adminB)
    assert.notInclude(own.text(), '阿尔法跨境', "another tenant never sees A's request")

    await assertAccess(client, assert, {
      url: `/park/tenant-changes/${request.id}`,
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 200 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/park/tenant-changes/${request.id}/reject`,
      form: { reason: '自己驳回自己的申请' },
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.evaluator, expect: 403 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/park/tenant-changes/${request.id}/approve`,
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.evaluator, expect: 403 },
      anonymous: 'login',
    })
    ;(await client.get('/park/tenant-changes').loginAs(world.evaluator).redirects(0)).assertStatus(
      403
    )
    await request.refresh()
    assert.equal(request.status, 'pending')
    assert.equal((await Tenant.findOrFail(world.tenantA.id)).name, 'Alpha Trading')
    ;(
      await client.get('/park/tenant-changes/999999').loginAs(world.operator).redirects(0)
    ).assertStatus(404)
  })

  test('the queue pages, filters by status and searches by tenant', async ({ client, assert }) => {
    const world = await makeWorld()
    await fileRename(client, world)
    await submit(
      client,
      world,
      profileForm(world.tenantB, { legalRepresentative: '钱十' }),
      world.adminB
    )
    const bRequest = await TenantChangeRequest.query()
      .where('tenant_id', world.tenantB.id)
      .firstOrFail()
    await new TenantProfileService().reject(bRequest.id, '资料不全，请补充', world.operator)

    const pending = await client.get('/park/tenant-changes').loginAs(world.operator)
    pending.assertTextIncludes('Alpha Trading')
    assert.notInclude(pending.text(), 'Beta Logistics')
    const rejected = await client
      .get('/park/tenant-changes?status=rejected')
      .loginAs(world.operator)
    rejected.assertTextIncludes('Beta Logistics')
    assert.notInclude(rejected.text(), 'Alpha Trading')
    const search = await client
      .get('/park/tenant-changes?status=all&q=Beta')
      .loginAs(world.operator)
    search.assertTextIncludes('Beta Logistics')
    assert.notInclude(search.text(), 'Alpha Trading')
    const bad = await client
      .get('/park/tenant-changes?status=nope')
      .loginAs(world.operator)
      .redirects(0)
    bad.assertStatus(302)
    bad.assertFieldErrors('status', ['请选择有效的状态。'])
  })
})
