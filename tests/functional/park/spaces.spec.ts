import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import ParkProfile from '#park/models/park_profile'
import AuditLog from '#core/models/audit_log'
import { makeParkProfile } from '#tests/helpers/park'
import { makeWorld } from '#tests/helpers/world'

const unitForm = (buildingId: number, overrides: Record<string, string> = {}) => ({
  buildingId: String(buildingId),
  floor: '3',
  number: 'a-301',
  unitType: 'bonded_warehouse',
  area: '120.50',
  status: 'vacant',
  ...overrides,
})

test.group('Park spaces: buildings and units', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('operators register a building and its units; the register lists and filters them', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await client
      .post('/park/buildings')
      .form({ code: 'a', name: '综合楼', floors: '6' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const building = await Building.findByOrFail('code', 'A')
    const created = await client
      .post('/park/units')
      .form(unitForm(building.id))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    created.assertHeader('location', '/park/units')
    const unit = await Unit.findByOrFail('number', 'A-301')
    assert.equal(unit.area, 120.5)
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'unit.created', subjectId: String(unit.id) })
        .first()
    )

    await client
      .post('/park/units')
      .form(unitForm(building.id, { number: 'A-101', floor: '1', unitType: 'office' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const warehouses = await client
      .get('/park/units?unitType=bonded_warehouse')
      .loginAs(world.staff)
    warehouses.assertTextIncludes('A-301')
    assert.notInclude(warehouses.text(), 'A-101')
  })

  test('bad input is refused with translated messages and changes nothing', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'B', name: '仓储楼', floors: 2 })
    const bad = await client
      .post('/park/units')
      .form(unitForm(building.id, { area: '-5', unitType: 'castle' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('area', ['面积必须大于 0。'])
    bad.assertFieldErrors('unitType', ['请选择有效的单元类型。'])
    const tooHigh = await client
      .post('/park/units')
      .form(unitForm(building.id, { floor: '9' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    tooHigh.assertFieldErrors('floor', ['楼层超出该楼栋范围（共 2 层，不能为 0）。'])
    await client
      .post('/park/units')
      .form(unitForm(building.id, { floor: '2' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const twice = await client
      .post('/park/units')
      .form(unitForm(building.id, { floor: '1' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    twice.assertFieldErrors('number', ['该楼栋已有相同编号的单元。'])
    assert.lengthOf(await Unit.all(), 1)
    const shrink = await client
      .put(`/park/buildings/${building.id}`)
      .form({ code: 'B', name: '仓储楼', floors: '1' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    shrink.assertFieldErrors('floors', ['该楼栋第 2 层仍有单元，层数不能少于 2。'])
  })

  test('only a vacant unit can be removed', async ({ client, assert }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'C', name: '展示楼', floors: 3 })
    const leased = await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'C-101',
      unitType: 'showroom',
      area: 80,
      status: 'leased',
    })
    const refused = await client
      .delete(`/park/units/${leased.id}`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    refused.assertFlashMessage('error', '只能删除空置单元。')
    leased.status = 'vacant'
    await leased.save()
    await client
      .delete(`/park/units/${leased.id}`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.isNull(await Unit.find(leased.id))
  })

  test('tenants and evaluators cannot reach the register; visitors are sent to log in', async ({
    client,
  }) => {
    const world = await makeWorld()
    for (const user of [world.adminA, world.memberA, world.evaluator]) {
      ;(await client.get('/park/units').loginAs(user).redirects(0)).assertStatus(403)
    }
    const anonymous = await client.get('/park/units').redirects(0)
    anonymous.assertHeader('location', '/login')
  })

  test('the park profile is kept by operator admins; leasable area cannot exceed the total', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const profile = {
      name: '示范跨境电子商务产业园',
      address: '深圳市前海深港合作区示范路 1 号',
      totalArea: '50000',
      leasableArea: '60000',
      operatorName: '示范园区运营有限公司',
      supervisionPhone: '0755-12345678',
      complaintChannel: '服务中心窗口或本系统在线投诉',
      officeHours: '工作日 09:00-18:00',
    }
    const bad = await client
      .put('/park/profile')
      .form(profile)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('leasableArea', ['可租赁面积不能大于总面积。'])
    assert.isNull(await ParkProfile.first())
    await client
      .put('/park/profile')
      .form({ ...profile, leasableArea: '42000.5' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await ParkProfile.firstOrFail()).leasableArea, 42000.5)
    ;(await client.get('/park/profile').loginAs(world.staff).redirects(0)).assertStatus(403)
  })
  test('units never add up to more than the leasable area, and the leasable area never falls below them', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await makeParkProfile(300)
    const building = await Building.create({ code: 'Q', name: '面积楼', floors: 3 })
    const post = (form: Record<string, string>) =>
      client.post('/park/units').form(form).loginAs(world.staff).withCsrfToken().redirects(0)
    await post(unitForm(building.id, { number: 'Q-1', area: '200' }))
    const tooBig = await post(unitForm(building.id, { number: 'Q-2', area: '100.01' }))
    tooBig.assertFieldErrors('area', [
      '单元面积合计将超过园区可租赁面积 300.00 m²（尚余 100.00 m²）。',
    ])
    assert.lengthOf(await Unit.all(), 1)
    await post(unitForm(building.id, { number: 'Q-2', area: '100' }))
    assert.lengthOf(await Unit.all(), 2)

    // Growing an existing unit is checked the same way (its own area is not counted twice).
    const first = await Unit.findByOrFail('number', 'Q-1')
    const grow = await client
      .put(`/park/units/${first.id}`)
      .form(unitForm(building.id, { number: 'Q-1', area: '201' }))
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    grow.assertFieldErrors('area', [
      '单元面积合计将超过园区可租赁面积 300.00 m²（尚余 200.00 m²）。',
    ])
    assert.equal((await Unit.findOrFail(first.id)).area, 200)

    const shrink = await client
      .put('/park/profile')
      .form({
        name: '示范园区',
        address: '示范路 1 号',
        totalArea: '1000',
        leasableArea: '299',
        operatorName: '示范运营公司',
        supervisionPhone: '0755-12345678',
        complaintChannel: '服务中心',
        officeHours: '工作日 09:00-18:00',
      })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    shrink.assertFieldErrors('leasableArea', ['可租赁面积不能小于已登记单元的面积合计 300.00 m²。'])
    assert.equal((await ParkProfile.firstOrFail()).leasableArea, 300)
  })
})
