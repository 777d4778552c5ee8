import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Tenant from '#core/models/tenant'
import AuditLog from '#core/models/audit_log'
import { makeWorld } from '#tests/helpers/world'

const registerForm = (overrides: Record<string, unknown> = {}) => ({
  'enterpriseTypes[]': ['ecommerce_enterprise', 'logistics'],
  'businessModes[]': ['9610', '1210'],
  'industry': '跨境零售',
  'contactPerson': '钱七',
  'contactPhone': '13911112222',
  'contactEmail': 'ops@alpha.example',
  'headcount': '48',
  'talentBachelorPlus': '30',
  'talentCbecSpecialists': '12',
  'ipPatents': '2',
  'ipTrademarks': '5',
  'ipSoftwareCopyrights': '3',
  'status': 'resident',
  'moveInDate': '2026-03-01',
  ...overrides,
})

test.group('Park: the enterprise register', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('operators complete a tenant register entry; it is audited and filterable', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client
      .put(`/park/tenants/${world.tenantA.id}`)
      .form(registerForm())
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/park/tenants/${world.tenantA.id}`)
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.deepEqual(tenant.enterpriseTypeList, ['ecommerce_enterprise', 'logistics'])
    assert.deepEqual(tenant.businessModeList, ['9610', '1210'])
    assert.equal(tenant.talentCbecSpecialists, 12)
    assert.equal(tenant.moveInDate?.toISODate(), '2026-03-01')
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'tenant.register_updated', subjectId: String(tenant.id) })
        .first()
    )

    const logistics = await client
      .get('/park/tenants?enterpriseType=logistics')
      .loginAs(world.staff)
    logistics.assertTextIncludes('Alpha Trading')
    assert.notInclude(logistics.text(), 'Beta Logistics')
    const bonded = await client
      .get('/park/tenants?businessMode=1210&status=resident')
      .loginAs(world.staff)
    bonded.assertTextIncludes('Alpha Trading')
    const byUscc = await client
      .get(`/park/tenants?q=${world.tenantB.uscc.toLowerCase()}`)
      .loginAs(world.staff)
    byUscc.assertTextIncludes('Beta Logistics')
    assert.notInclude(byUscc.text(), 'Alpha Trading')
  })

  test('bad input gives translated errors and changes nothing', async ({ client, assert }) => {
    const world = await makeWorld()
    const bad = await client
      .put(`/park/tenants/${world.tenantA.id}`)
      .form(
        registerForm({
          'enterpriseTypes[]': [],
          'headcount': '-1',
          'status': 'moved_out',
          'moveOutDate': '2026-01-01',
        })
      )
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('enterpriseTypes', ['请至少选择一项企业类型。'])
    bad.assertFieldErrors('headcount', ['从业人数不能小于 0。'])
    bad.assertFieldErrors('moveOutDate', ['迁出日期必须晚于入驻日期。'])
    const tenant = await Tenant.findOrFail(world.tenantA.id)
    assert.equal(tenant.headcount, 0)
    assert.deepEqual(tenant.enterpriseTypeList, [])
  })

  test('the register is for operators: tenants, evaluators and visitors are kept out', async ({
    client,
  }) => {
    const world = await makeWorld()
    for (const user of [world.adminA, world.adminB, world.evaluator]) {
      ;(
        await client.get(`/park/tenants/${world.tenantA.id}`).loginAs(user).redirects(0)
      ).assertStatus(403)
      ;(
        await client
          .put(`/park/tenants/${world.tenantA.id}`)
          .form(registerForm())
          .loginAs(user)
          .withCsrfToken()
          .redirects(0)
      ).assertStatus(403)
    }
    ;(await client.get('/park/tenants').redirects(0)).assertHeader('location', '/login')
  })

  test('the roster exports to Excel with the current list filters', async ({ client, assert }) => {
    const world = await makeWorld()
    await client
      .put(`/park/tenants/${world.tenantA.id}`)
      .form(registerForm())
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const response = await client
      .get('/park/tenants.xlsx?enterpriseType=logistics')
      .loginAs(world.staff)
    response.assertStatus(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const roster = book.getWorksheet('企业名录')!
    assert.equal(roster.rowCount, 2, 'header and the one logistics tenant')
    assert.equal(roster.getRow(2).getCell(1).value, 'Alpha Trading')
    assert.equal(roster.getRow(2).getCell(6).value, 48)
    ;(await client.get('/park/tenants.xlsx').loginAs(world.adminA).redirects(0)).assertStatus(403)
  })
})
