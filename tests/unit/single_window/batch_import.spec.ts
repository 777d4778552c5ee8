import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BatchService from '#single_window/services/batch_service'
import { importColumns, toImportCsv, toImportRows } from '#single_window/import_columns'
import { demoImportParcel, DEMO_PARTIES, type DemoDocument } from '#single_window/demo_data'
import { OUTGOING_TYPES, type MessageType } from '#single_window/message_types'
import { makeTenant } from '#tests/helpers/world'
import { giveProfile, OTHER_PARTIES, selfParties, xmllint } from '#tests/helpers/single_window'

const batches = new BatchService()
const parties = selfParties(DEMO_PARTIES)
let dir = ''

async function file(name: string, content: string | Buffer) {
  const path = join(dir, name)
  await writeFile(path, content)
  return { path, name }
}

const count = async (table: string, where: Record<string, unknown> = {}) =>
  Number((await db.from(table).where(where).count('* as n'))[0].n)

/** The parcels' documents of one type. */
const ofType = (parcels: DemoDocument[][], type: MessageType) =>
  parcels.map((p) => p.find((d) => d.messageType === type)!)

async function xlsxOf(type: MessageType, docs: DemoDocument[], edit?: (rows: string[][]) => void) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(type)
  const columns = importColumns(type)
  sheet.addRow(columns.map((c) => c.label))
  sheet.addRow(columns.map((c) => c.key))
  const rows = docs.flatMap((d) => toImportRows(type, d))
  edit?.(rows)
  for (const row of rows) sheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

test.group('Single window: batch import', (group) => {
  group.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sw-import-'))
    return () => rm(dir, { recursive: true, force: true })
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('templates: row 1 Chinese labels (* required), row 2 field names, a notes sheet; read back with exceljs', async ({
    assert,
  }) => {
    for (const type of OUTGOING_TYPES) {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load((await batches.template(type)) as any)
      const sheet = book.worksheets[0]
      const columns = importColumns(type)
      assert.equal(sheet.getRow(2).getCell(1).value, 'businessMode')
      assert.equal(sheet.getRow(2).getCell(columns.length).value, columns[columns.length - 1].key)
      assert.equal(sheet.getRow(1).getCell(1).value, '业务模式*')
      assert.equal(book.worksheets[1].name, '填写说明')
    }
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await batches.template('CEB311')) as any)
    const labels = (book.worksheets[0].getRow(1).values as string[]).slice(1)
    const keys = (book.worksheets[0].getRow(2).values as string[]).slice(1)
    assert.equal(labels[keys.indexOf('orderNo')], '订单编号*')
    assert.equal(labels[keys.indexOf('list.qty')], '商品-数量*')
    assert.equal(labels[keys.indexOf('payCode')], '支付企业代码')
    const en = new ExcelJS.Workbook()
    await en.xlsx.load((await batches.template('CEB311', 'en')) as any)
    assert.equal(en.worksheets[1].name, 'Instructions')
    assert.isTrue(batches.csvTemplate('CEB621').startsWith('\uFEFF业务模式*,'))
  })

  test('CSV and Excel imports of a whole parcel set are accepted; submitting the batch queues valid messages', async ({
    assert,
  }) => {
    const tenant = await makeTenant('云帆')
    await giveProfile(tenant, DEMO_PARTIES)
    const parcels = [1, 2, 3].map((n) => demoImportParcel(30 + n, parties))
    const order = await batches.import(
      tenant.id,
      'CEB311',
      await file('orders.csv', toImportCsv('CEB311', ofType(parcels, 'CEB311')))
    )
    assert.equal(order.batch.state, 'accepted')
    assert.equal(order.created, 3)
    await batches.import(
      tenant.id,
      'CEB411',
      await file('payments.xlsx', await xlsxOf('CEB411', ofType(parcels, 'CEB411')))
    )
    await batches.import(
      tenant.id,
      'CEB511',
      await file('waybills.csv', toImportCsv('CEB511', ofType(parcels, 'CEB511')))
    )
    const inventory = await batches.import(
      tenant.id,
      'CEB621',
      await file('inventory.xlsx', await xlsxOf('CEB621', ofType(parcels, 'CEB621')))
    )
    assert.equal(
      inventory.batch.state,
      'accepted',
      JSON.stringify(inventory.report.errors.slice(0, 3))
    )
    assert.equal(await count('sw_declarations', { tenant_id: tenant.id }), 12)
    const lines = ofType(parcels, 'CEB621').reduce((n, d) => n + d.lines.length, 0)
    const stored = await db
      .from('sw_declaration_lines')
      .join('sw_declarations', 'sw_declarations.id', 'sw_declaration_lines.declaration_id')
      .where('sw_declarations.batch_id', inventory.batch.id)
      .count('* as n')
    assert.equal(Number(stored[0].n), lines)

    const result = await batches.submitBatch(tenant.id, inventory.batch.id)
    assert.deepEqual(result, { queued: 3, failed: 0 })
    const messages = await db
      .from('sw_messages')
      .where('tenant_id', tenant.id)
      .where('message_type', 'CEB621')
    assert.lengthOf(messages, 3)
    assert.isTrue((await xmllint(messages[0].xml, 'import')).valid)
    const queued = await db.from('sw_declarations').where('batch_id', inventory.batch.id)
    for (const row of queued) {
      assert.equal(row.status, 'queued')
      assert.equal(row.last_guid, messages.find((m) => m.declaration_id === row.id)!.guid)
    }
    assert.equal(await count('sw_declaration_events', { kind: 'submitted' }), 3)
  }).timeout(30000)

  test('an inventory import whose orders are missing or differ is rejected with the match problems', async ({
    assert,
  }) => {
    const tenant = await makeTenant('云帆')
    await giveProfile(tenant, DEMO_PARTIES)
    const parcels = [1, 2].map((n) => demoImportParcel(70 + n, parties))
    await batches.import(
      tenant.id,
      'CEB311',
      await file('o.csv', toImportCsv('CEB311', ofType(parcels, 'CEB311')))
    )
    await batches.import(
      tenant.id,
      'CEB411',
      await file('p.csv', toImportCsv('CEB411', ofType(parcels, 'CEB411')))
    )
    // Waybill of parcel 2 only.
    await batches.import(
      tenant.id,
      'CEB511',
      await file('w.csv', toImportCsv('CEB511', [parcels[1][2]]))
    )
    const result = await batches.import(
      tenant.id,
      'CEB621',
      await file('i.csv', toImportCsv('CEB621', ofType(parcels, 'CEB621')))
    )
    assert.equal(result.batch.state, 'rejected')
    assert.deepEqual(
      result.report.errors.map((e) => `${e.row}:${e.field}:${e.key}`),
      ['3:logisticsNo:match.waybill_missing']
    )
    assert.equal(result.report.errors[0].message, `找不到运单 ${parcels[0][3].head.logisticsNo}。`)
  })

  test('a file with bad rows is rejected as a whole, with a per-row, per-field translated report', async ({
    assert,
  }) => {
    const tenant = await makeTenant('云帆')
    await giveProfile(tenant, DEMO_PARTIES)
    const orders = [1, 2, 3, 4].map((n) => demoImportParcel(40 + n, parties)[0])
    const content = await xlsxOf('CEB311', orders, (rows) => {
      const keys = importColumns('CEB311').map((c) => c.key)
      rows[0][keys.indexOf('buyerName')] = ''
      rows[rows.length - 1][keys.indexOf('acturalPaid')] = '12.1234567'
    })
    const result = await batches.import(tenant.id, 'CEB311', await file('bad.xlsx', content))
    assert.equal(result.batch.state, 'rejected')
    assert.equal(result.created, 0)
    assert.equal(await count('sw_declarations', { tenant_id: tenant.id }), 0)
    const errors = result.report.errors
    const first = errors.find((e) => e.field === 'buyerName')!
    assert.equal(first.row, 3)
    assert.equal(first.message, '必填。')
    assert.equal(first.label, '订购人姓名 (buyerName)')
    const digits = errors.find((e) => e.key === 'check.fraction_digits')!
    assert.equal(digits.field, 'acturalPaid')
    assert.equal(digits.message, '小数位数不能超过 5 位。')
    const stored = await db.from('sw_import_batches').where('id', result.batch.id).first()
    assert.equal(stored.state, 'rejected')
    assert.isAbove(JSON.parse(stored.report).errors.length, 1)
    const english = batches.translate('CEB311', [first], 'en')
    assert.equal(english[0].message, 'Required.')
  })

  test('duplicates in the file and against earlier imports are reported; a line error points at its row', async ({
    assert,
  }) => {
    const tenant = await makeTenant('云帆')
    await giveProfile(tenant, DEMO_PARTIES)
    const payment = demoImportParcel(50, parties)[1]
    await batches.import(
      tenant.id,
      'CEB411',
      await file('p1.csv', toImportCsv('CEB411', [payment]))
    )
    const again = await batches.import(
      tenant.id,
      'CEB411',
      await file('p2.csv', toImportCsv('CEB411', [payment, payment]))
    )
    assert.equal(again.batch.state, 'rejected')
    assert.sameMembers(
      again.report.errors.map((e) => `${e.row}:${e.key}`),
      ['3:import.exists', '4:import.duplicate_in_file']
    )
    const order = demoImportParcel(51, parties)[0]
    const twoLines = {
      ...order,
      lines: [order.lines[0], { ...order.lines[0], gnum: '2', qty: 'x' }],
    }
    const bad = await batches.import(
      tenant.id,
      'CEB311',
      await file('o.csv', toImportCsv('CEB311', [twoLines]))
    )
    const qty = bad.report.errors.find((e) => e.field === 'list.qty')!
    assert.equal(qty.row, 4)
    assert.equal(qty.label, '商品-数量 (list.qty)')
  })

  test("isolation: rows in another tenant's name are rejected; another tenant cannot submit the batch", async ({
    assert,
  }) => {
    const owner = await makeTenant('云帆')
    await giveProfile(owner, DEMO_PARTIES)
    const other = await makeTenant('海贝')
    await giveProfile(other, OTHER_PARTIES)
    const orders = [demoImportParcel(60, parties)[0]]
    const foreign = await batches.import(
      other.id,
      'CEB311',
      await file('f.csv', toImportCsv('CEB311', orders))
    )
    assert.equal(foreign.batch.state, 'rejected')
    assert.include(
      foreign.report.errors.map((e) => e.key),
      'check.not_own_party'
    )
    const mine = await batches.import(
      owner.id,
      'CEB311',
      await file('m.csv', toImportCsv('CEB311', orders))
    )
    assert.equal(mine.batch.state, 'accepted')
    await assert.rejects(() => batches.submitBatch(other.id, mine.batch.id), /sw.errors.not_found/)
    assert.equal(await count('sw_messages'), 0)
  })

  test('an unreadable file or one without the field-name row is a clear error; nothing is stored', async ({
    assert,
  }) => {
    const tenant = await makeTenant('云帆')
    await giveProfile(tenant, DEMO_PARTIES)
    await assert.rejects(
      () =>
        batches.import(tenant.id, 'CEB311', {
          path: join(dir, 'missing.xlsx'),
          name: 'x.xlsx',
        } as any),
      /sw.errors.batch_format/
    )
    const junk = await file('junk.xlsx', 'not a zip')
    await assert.rejects(() => batches.import(tenant.id, 'CEB311', junk), /sw.errors.batch_format/)
    const plain = await file('plain.csv', 'a,b\n1,2\n')
    await assert.rejects(() => batches.import(tenant.id, 'CEB311', plain), /sw.errors.batch_format/)
    const empty = await file('empty.csv', toImportCsv('CEB311', []))
    await assert.rejects(() => batches.import(tenant.id, 'CEB311', empty), /sw.errors.batch_empty/)
    assert.equal(await count('sw_import_batches'), 0)
  })
})
