import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import Tenant from '#core/models/tenant'
import LeaseService from '#park/services/lease_service'
import StatisticsService from '#park/services/statistics_service'
import { makeWorld } from '#tests/helpers/world'

test.group('Park: statistics', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('occupancy, residents, types and trend are right for a small park, on any past day', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'S', name: '统计楼', floors: 2 })
    const u1 = await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'S-1',
      unitType: 'office',
      area: 300,
      status: 'vacant',
    })
    const u2 = await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'S-2',
      unitType: 'office',
      area: 100,
      status: 'vacant',
    })
    await Unit.create({
      buildingId: building.id,
      floor: 2,
      number: 'S-3',
      unitType: 'shop',
      area: 600,
      status: 'vacant',
    })
    await Tenant.query().where('id', world.tenantA.id).update({
      enterprise_types: '["logistics","payment"]',
      business_modes: '["9610"]',
      move_in_date: '2026-01-15',
      talent_bachelor_plus: 10,
      ip_patents: 2,
    })
    await Tenant.query().where('id', world.tenantB.id).update({
      enterprise_types: '["logistics"]',
      move_in_date: '2026-03-01',
      move_out_date: '2026-09-30',
    })
    const leases = new LeaseService()
    const lease = (unitIds: number[], start: string, end: string) =>
      leases.create({
        tenantId: world.tenantA.id,
        unitIds,
        startDate: DateTime.fromISO(start),
        endDate: DateTime.fromISO(end),
        monthlyRentFen: 1,
        depositFen: 0,
        activate: true,
      })
    await lease([u1.id], '2026-02-01', '2026-12-31')
    await lease([u2.id], '2026-05-01', '2026-06-30')

    const stats = new StatisticsService()
    // 1 June: S-1 (300 m²) and S-2 (100 m²) of 1,000 m² are leased; both tenants are resident.
    const june = await stats.compute(DateTime.fromISO('2026-06-01'))
    assert.closeTo(june.occupancyByArea, 0.4, 1e-9)
    assert.closeTo(june.occupancyByUnits, 2 / 3, 1e-9)
    assert.equal(june.residents, 2)
    assert.isFalse(june.meetsCapacity)
    assert.deepInclude(june.byType, { key: 'logistics', count: 2 })
    assert.deepInclude(june.byType, { key: 'payment', count: 1 })
    assert.deepInclude(june.byMode, { key: '9610', count: 1 })
    assert.equal(june.talent.bachelorPlus, 10)
    assert.equal(june.ip.patents, 2)
    // 1 October: S-2's lease ended in June and tenant B moved out on 30 September.
    const october = await stats.compute(DateTime.fromISO('2026-10-01'))
    assert.closeTo(october.occupancyByArea, 0.3, 1e-9)
    assert.equal(october.residents, 1)
    const flows = Object.fromEntries(october.flows.map((f) => [f.month, f]))
    assert.equal(flows['2026-01'].moveIns, 1)
    assert.equal(flows['2026-09'].moveOuts, 1)
    assert.closeTo(flows['2026-05'].occupancyByArea, 0.4, 1e-9)
    assert.closeTo(flows['2026-07'].occupancyByArea, 0.3, 1e-9)
    // Before any lease began.
    assert.equal((await stats.compute(DateTime.fromISO('2026-01-20'))).occupancyByArea, 0)
  })

  test('the statistics page shows the figures for the chosen day; only operators see it', async ({
    client,
  }) => {
    const world = await makeWorld()
    const page = await client.get('/park/statistics?asOf=2026-06-01').loginAs(world.staff)
    page.assertStatus(200)
    page.assertTextIncludes('2026-06-01')
    page.assertTextIncludes('occupancy-trend')
    const bad = await client
      .get('/park/statistics?asOf=2026-02-30')
      .loginAs(world.staff)
      .redirects(0)
    bad.assertStatus(302)
    ;(await client.get('/park/statistics').loginAs(world.adminA).redirects(0)).assertStatus(403)
  })
})

test.group('Park: statistics workbook', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the workbook has a summary, a sheet per breakdown and the roster, with real number formats', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'X', name: '导出楼', floors: 1 })
    const unit = await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'X-1',
      unitType: 'office',
      area: 250,
      status: 'vacant',
    })
    await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'X-2',
      unitType: 'office',
      area: 750,
      status: 'vacant',
    })
    await new LeaseService().create({
      tenantId: world.tenantA.id,
      unitIds: [unit.id],
      startDate: DateTime.fromISO('2026-01-01'),
      endDate: DateTime.fromISO('2026-12-31'),
      monthlyRentFen: 1,
      depositFen: 0,
      activate: true,
    })
    const response = await client.get('/park/statistics.xlsx?asOf=2026-06-01').loginAs(world.staff)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    assert.includeMembers(
      book.worksheets.map((w) => w.name),
      ['概览', '各楼栋入驻率', '入驻企业类型分布', '业务模式分布', '月度', '企业名录']
    )
    const summary = book.getWorksheet('概览')!
    const occupancy = summary.getRow(3)
    assert.equal(occupancy.getCell(2).value, 0.25)
    assert.equal(occupancy.getCell(2).numFmt, '0.0%')
    assert.deepEqual(summary.views[0], { ...summary.views[0], state: 'frozen', ySplit: 1 })
    const roster = book.getWorksheet('企业名录')!
    assert.equal(roster.rowCount, 3)
  })
})
