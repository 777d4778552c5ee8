import { test } from '@japa/runner'
import { readFile, rm } from 'node:fs/promises'
import { DateTime } from 'luxon'
import ExcelJS from 'exceljs'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import LeaseService from '#park/services/lease_service'
import { makeWorld } from '#tests/helpers/world'

test.group('Park: park:statistics-workbook', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  const output = app.tmpPath('statistics-workbook-command.xlsx')
  group.each.teardown(() => rm(output, { force: true }))

  test('writes the statistics workbook of the chosen day to a file', async ({ assert }) => {
    const world = await makeWorld()
    const building = await Building.create({ code: 'CLI', name: '命令楼', floors: 1 })
    const unit = await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'CLI-1',
      unitType: 'office',
      area: 600,
      status: 'vacant',
    })
    await Unit.create({
      buildingId: building.id,
      floor: 1,
      number: 'CLI-2',
      unitType: 'office',
      area: 400,
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

    ace.ui.switchMode('raw')
    try {
      const command = await ace.exec('park:statistics-workbook', [
        '--as-of=2026-06-01',
        `--output=${output}`,
      ])
      command.assertSucceeded()
      assert.match(
        command.logger.getLogs()[0].message,
        /statistics-workbook-command\.xlsx: \d+ KB, built in [\d.]+ s, peak RSS \d+ MB/
      )
    } finally {
      ace.ui.switchMode('normal')
    }

    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await readFile(output)) as any)
    const summary = book.getWorksheet('概览')!
    assert.equal(summary.getRow(2).getCell(2).value, '2026-06-01')
    assert.equal(summary.getRow(3).getCell(2).value, 0.6)
    const buildings = book.getWorksheet('各楼栋入驻率')!
    assert.deepEqual((buildings.getRow(2).values as unknown[]).slice(1), [
      'CLI 命令楼',
      2,
      1,
      1000,
      600,
      0.6,
      0.5,
    ])
    assert.equal(book.getWorksheet('企业名录')!.rowCount, 3)
  })

  test('refuses a day that does not exist', async ({ assert }) => {
    ace.ui.switchMode('raw')
    try {
      const command = await ace.exec('park:statistics-workbook', [
        '--as-of=2026-02-30',
        `--output=${output}`,
      ])
      command.assertFailed()
      assert.equal(command.exitCode, 1)
    } finally {
      ace.ui.switchMode('normal')
    }
  })
})
