import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import Tenant from '#core/models/tenant'
import type User from '#core/models/user'
import AuditLog from '#core/models/audit_log'
import RegistrationApplication from '#core/models/registration_application'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import { TENANT_COLUMNS, UNIT_COLUMNS } from '#park/onboarding'
import { assertAccess } from '#tests/helpers/isolation'
import { makeUscc, makeWorld } from '#tests/helpers/world'
import { makeParkProfile } from '#tests/helpers/park'

type Row = Record<string, unknown>

/** A tenant row as an operator would type it (codes; a real Excel date). */
const tenantRow = (overrides: Row = {}): Row => ({
  uscc: makeUscc(),
  name: '厦门示例跨境电商有限公司',
  userCategory: 'ecommerce_enterprise',
  legalRepresentative: '陈一',
  contactPerson: '林二',
  contactPhone: 13912345678,
  contactEmail: 'ops@example.com',
  enterpriseTypes: 'ecommerce_enterprise, logistics',
  businessModes: '9610,1210',
  industry: '跨境零售',
  headcount: 48,
  talentBachelorPlus: 30,
  talentCbecSpecialists: 12,
  ipPatents: 2,
  ipTrademarks: 5,
  ipSoftwareCopyrights: 3,
  status: 'resident',
  moveInDate: new Date(Date.UTC(2026, 2, 1)),
  moveOutDate: null,
  ...overrides,
})

const unitRow = (overrides: Row = {}): Row => ({
  building: 'A',
  floor: 3,
  number: 'A-301',
  unitType: 'office',
  area: 120.5,
  status: 'vacant',
  ...overrides,
})

/** A workbook shaped like the template: labels in row 1, keys in row 2, data from row 3. */
async function importFile(keys: string[], rows: Row[]) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('data')
  sheet.addRow(keys.map((k) => `label ${k}`))
  sheet.addRow(keys)
  for (const row of rows) sheet.addRow(keys.map((k) => row[k] ?? null))
  return Buffer.from(await book.xlsx.writeBuffer())
}
const tenantsFile = (rows: Row[]) =>
  importFile(
    TENANT_COLUMNS.map((c) => c.key),
    rows
  )
const unitsFile = (rows: Row[]) =>
  importFile(
    UNIT_COLUMNS.map((c) => c.key),
    rows
  )

function upload(client: ApiClient, user: User, kind: string, file: Buffer, filename = 'x.xlsx') {
  return client
    .post(`/park/imports/${kind}`)
    .file('spreadsheet', file, { filename })
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

/** The report table's rows as [row, column, value, problem] text. */
function reportRows(html: string) {
  const table = html.match(/<table class="table table-compact import-report">([\s\S]*?)<\/table>/)
  if (!table) return []
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim()
  const body = table[1].split('<tbody>')[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) => text(td[1]))
  )
}

const counts = async () => ({
  tenants: (await Tenant.all()).length,
  units: (await Unit.all()).length,
  audit: (await AuditLog.all()).length,
})

test.group('Park: bulk onboarding from Excel', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the tenants template downloads in the user language and reads back', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client.get('/park/imports/tenants/template.xlsx').loginAs(world.staff)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['企业', '填写说明', '代码表']
    )
    const data = book.getWorksheet('企业')!
    assert.equal(data.getCell('A1').value, '统一社会信用代码 *')
    assert.equal(data.getCell('J1').value, '所属行业')
    assert.deepEqual(
      (data.getRow(2).values as unknown[]).slice(1),
      TENANT_COLUMNS.map((c) => c.key)
    )
    assert.equal(data.rowCount, 2, 'no example row among the data')
    assert.deepInclude(data.views[0], { state: 'frozen', ySplit: 2 })
    const status = data.getCell(3, TENANT_COLUMNS.findIndex((c) => c.key === 'status') + 1)
    assert.equal(status.dataValidation.type, 'list')
    assert.match(String(status.dataValidation.formulae[0]), /^'代码表'!\$C\$\d+:\$C\$\d+$/)

    const codes = book.getWorksheet('代码表')!
    const rows = codes.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []))
    assert.deepInclude(rows, ['企业类型', 'logistics', '物流企业'])
    assert.deepInclude(rows, ['业务模式', '1210', '1210 保税电商'])
    assert.deepInclude(rows, ['状态', 'moved_out', '已迁出'])
    assert.deepInclude(rows, ['用户类别', 'payment_enterprise', '支付企业'])
    const instructions = book.getWorksheet('填写说明')!
    const example = instructions
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[2] === 'uscc') as unknown[]
    assert.equal(example[4], '91350100M000100Y43')
  })

  test('the units template is English for an English user and lists the buildings', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await world.staff.merge({ locale: 'en' }).save()
    await Building.createMany([
      { code: 'A', name: '综合楼', floors: 6 },
      { code: 'B', name: '仓储楼', floors: 2 },
    ])
    const response = await client.get('/park/imports/units/template.xlsx').loginAs(world.staff)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['Units', 'Instructions', 'Codes']
    )
    const data = book.getWorksheet('Units')!
    assert.deepEqual((data.getRow(1).values as unknown[]).slice(1), [
      'Building (code or name) *',
      'Floor *',
      'Unit number *',
      'Unit type *',
      'Area (m²) *',
      'Status *',
    ])
    const rows = book
      .getWorksheet('Codes')!
      .getSheetValues()
      .map((r) => (Array.isArray(r) ? r.slice(1) : []))
    assert.deepInclude(rows, ['Unit type', 'bonded_warehouse', 'Bonded warehouse'])
    assert.deepInclude(rows, ['Building (code or name)', 'B', '仓储楼 (2 floors)'])
    assert.equal(data.getCell('A3').dataValidation.type, 'list')
    assert.equal(data.getCell('E3').dataValidation.type, 'decimal')
  })

  test('a clean file filled into the template imports every tenant, audited', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const template = await client.get('/park/imports/tenants/template.xlsx').loginAs(world.staff)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.body() as any)
    const sheet = book.getWorksheet('企业')!
    const rows = [
      tenantRow({ name: '甲公司' }),
      // Names instead of codes, in Chinese and in English; dates typed as text.
      tenantRow({
        name: '乙公司',
        userCategory: '物流企业',
        enterpriseTypes: '物流企业、支付企业',
        businessModes: null,
        status: '已迁出',
        moveInDate: '2025/1/5',
        moveOutDate: '2026-02-28',
        headcount: null,
      }),
      tenantRow({
        name: 'Gamma Ltd',
        enterpriseTypes: 'Payment',
        businessModes: '9710 B2B direct export',
        status: 'Admitted',
        moveInDate: null,
      }),
    ]
    rows.forEach((row, i) => {
      sheet.getRow(3 + i).values = TENANT_COLUMNS.map((c) => row[c.key] as ExcelJS.CellValue)
    })
    const before = await counts()
    const response = await upload(
      client,
      world.staff,
      'tenants',
      Buffer.from(await book.xlsx.writeBuffer()),
      '入驻企业.xlsx'
    )
    response.assertStatus(302)
    response.assertHeader('location', '/park/tenants')
    response.assertFlashMessage('success', '已导入 3 家企业。')

    const first = await Tenant.findByOrFail('name', '甲公司')
    assert.equal(first.uscc, rows[0].uscc)
    assert.equal(first.contactPhone, '13912345678')
    assert.deepEqual(first.enterpriseTypeList, ['ecommerce_enterprise', 'logistics'])
    assert.deepEqual(first.businessModeList, ['9610', '1210'])
    assert.equal(first.talentCbecSpecialists, 12)
    assert.equal(first.moveInDate?.toISODate(), '2026-03-01')
    assert.isNull(first.moveOutDate)
    const second = await Tenant.findByOrFail('name', '乙公司')
    assert.equal(second.userCategory, 'logistics_enterprise')
    assert.deepEqual(second.enterpriseTypeList, ['logistics', 'payment'])
    assert.deepEqual(second.businessModeList, [])
    assert.equal(second.status, 'moved_out')
    assert.equal(second.headcount, 0, 'a blank count is zero')
    assert.equal(second.moveInDate?.toISODate(), '2025-01-05')
    assert.equal(second.moveOutDate?.toISODate(), '2026-02-28')
    const third = await Tenant.findByOrFail('name', 'Gamma Ltd')
    assert.equal(third.status, 'admitted')
    assert.deepEqual(third.businessModeList, ['9710'])

    const after = await counts()
    assert.equal(after.tenants, before.tenants + 3)
    const created = await AuditLog.query()
      .where('action', 'tenant.created')
      .whereIn(
        'subjectId',
        [first, second, third].map((t) => String(t.id))
      )
    assert.lengthOf(created, 3)
    assert.equal(created[0].actorId, world.staff.id)
    const summary = await AuditLog.query().where('action', 'tenant.imported').firstOrFail()
    assert.include(summary.afterValues!, '"count":3')
    assert.include(summary.afterValues!, '入驻企业.xlsx')
    assert.equal(after.audit, before.audit + 4)
  })

  test('a clean units file imports every unit into existing buildings, audited', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const [a, b] = await Building.createMany([
      { code: 'A', name: '综合楼', floors: 6 },
      { code: 'B', name: '仓储楼', floors: 2 },
    ])
    const file = await unitsFile([
      unitRow(),
      unitRow({ building: 'a', number: 'a-101', floor: '1', unitType: '直播间', area: '35' }),
      unitRow({ building: '仓储楼', number: 'B-1', floor: -1, unitType: 'Bonded warehouse' }),
      unitRow({ building: 'B', number: 'A-301', floor: 2, status: '预留' }),
    ])
    const response = await upload(client, world.staff, 'units', file)
    response.assertHeader('location', '/park/units')
    response.assertFlashMessage('success', '已导入 4 个单元。')
    const units = await Unit.query().orderBy('id')
    assert.deepEqual(
      units.map((u) => [u.buildingId, u.floor, u.number, u.unitType, u.area, u.status]),
      [
        [a.id, 3, 'A-301', 'office', 120.5, 'vacant'],
        [a.id, 1, 'A-101', 'live_streaming_room', 35, 'vacant'],
        [b.id, -1, 'B-1', 'bonded_warehouse', 120.5, 'vacant'],
        [b.id, 2, 'A-301', 'office', 120.5, 'reserved'],
      ]
    )
    assert.lengthOf(await AuditLog.query().where('action', 'unit.created'), 4)
    assert.lengthOf(await AuditLog.query().where('action', 'unit.imported'), 1)
  })

  test('units that together exceed the park’s leasable area are refused whole', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await makeParkProfile(200)
    await Building.create({ code: 'A', name: '综合楼', floors: 6 })
    const before = await counts()
    const file = await unitsFile([
      unitRow({ number: 'A-301', area: 120 }),
      unitRow({ number: 'A-302', area: 80.5 }),
    ])
    const response = await upload(client, world.staff, 'units', file)
    response.assertFlashMessage(
      'error',
      '单元面积合计将超过园区可租赁面积 200.00 m²（尚余 200.00 m²）。'
    )
    assert.deepEqual(await counts(), before)
    const fits = await upload(
      client,
      world.staff,
      'units',
      await unitsFile([unitRow({ area: 200 })])
    )
    fits.assertFlashMessage('success', '已导入 1 个单元。')
  })

  test('bad rows reject the whole file with a report by row and column; nothing changes', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const good = tenantRow()
    // 91350100M000100Y43 is valid: the same code with another check character is not.
    const badUscc = '91350100M000100Y44'
    const file = await tenantsFile([
      tenantRow({ uscc: badUscc, name: '坏代码公司' }),
      good,
      tenantRow({
        name: '日期颠倒公司',
        enterpriseTypes: 'logistics, spaceship',
        status: 'moved_out',
        moveInDate: '2026-03-01',
        moveOutDate: '2026-01-01',
        contactPhone: '12345',
      }),
    ])
    const before = await counts()
    const response = await upload(client, world.staff, 'tenants', file)
    response.assertStatus(422)
    response.assertTextIncludes('文件未导入：2 行共 4 个问题')
    response.assertTextIncludes('未做任何更改。')
    assert.deepEqual(reportRows(response.text()), [
      ['3', '统一社会信用代码 (A)', badUscc, '统一社会信用代码校验码不正确，请核对。'],
      ['5', '手机号码 (F)', '12345', '手机号码不是有效的手机号码。'],
      [
        '5',
        '企业类型 (H)',
        'logistics, spaceship',
        '“spaceship”不是有效的企业类型，请填写代码表中的代码或名称。',
      ],
      ['5', '迁出日期 (S)', '2026-01-01', '迁出日期必须晚于入驻日期。'],
    ])
    assert.deepEqual(await counts(), before)
    assert.isNull(await Tenant.findBy('uscc', good.uscc))
  })

  test('an unknown building, a floor outside it and taken unit numbers are reported', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const a = await Building.create({ code: 'A', name: '综合楼', floors: 6 })
    await Unit.create({
      buildingId: a.id,
      floor: 1,
      number: 'A-101',
      unitType: 'office',
      area: 50,
      status: 'vacant',
    })
    const file = await unitsFile([
      unitRow(),
      unitRow({ number: 'A-101', floor: 1 }),
      unitRow({ building: 'Z', number: 'Z-1' }),
      unitRow({ number: 'a-301', floor: 9, area: 0 }),
    ])
    const before = await counts()
    const response = await upload(client, world.staff, 'units', file)
    response.assertStatus(422)
    assert.deepEqual(reportRows(response.text()), [
      ['4', '单元编号 (C)', 'A-101', '该楼栋已有相同编号的单元。'],
      ['5', '楼栋（编号或名称） (A)', 'Z', '楼栋“Z”不存在。已登记的楼栋：A。'],
      ['6', '楼层 (B)', '9', '楼层超出该楼栋范围（共 6 层，不能为 0）。'],
      ['6', '单元编号 (C)', 'a-301', '与第 3 行重复。'],
      ['6', '面积（m²） (E)', '0', '面积（m²）必须大于 0。'],
    ])
    assert.deepEqual(await counts(), before)
  })

  test('a USCC twice in the file, already admitted or pending registration is refused', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const pendingUscc = makeUscc()
    await RegistrationApplication.create({
      number: 'RG20260301-0001',
      userCategory: 'other',
      unitName: '待审企业',
      uscc: pendingUscc,
      pendingUscc,
      legalRepresentative: '王五',
      contactPerson: '王五',
      mobile: '13800000001',
      email: 'pending@example.test',
      passwordHash: 'x',
      status: 'pending',
    })
    const twice = tenantRow()
    const file = await tenantsFile([
      twice,
      tenantRow({ uscc: (twice.uscc as string).toLowerCase() }),
      tenantRow({ uscc: world.tenantA.uscc }),
      tenantRow({ uscc: pendingUscc }),
    ])
    const before = await counts()
    const response = await upload(client, world.staff, 'tenants', file)
    response.assertStatus(422)
    assert.deepEqual(
      reportRows(response.text()).map((r) => [r[0], r[3]]),
      [
        ['4', '与第 3 行重复。'],
        ['5', '该统一社会信用代码已在企业名录中（Alpha Trading）。'],
        ['6', '该统一社会信用代码有待审核的入驻申请（RG20260301-0001）。'],
      ]
    )
    assert.deepEqual(await counts(), before)
  })

  test('files that are not import workbooks are refused with a translated message', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const before = await counts()
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const renamed = await upload(client, world.staff, 'tenants', pdf, 'tenants.xlsx')
    renamed.assertStatus(302)
    renamed.assertFieldErrors('spreadsheet', [
      '这不是 Excel 工作簿（.xlsx）文件，请使用下载的模板。',
    ])

    const plain = new ExcelJS.Workbook()
    plain.addWorksheet('Sheet1').addRow(['名称', '代码'])
    const noKeys = await upload(
      client,
      world.staff,
      'tenants',
      Buffer.from(await plain.xlsx.writeBuffer())
    )
    noKeys.assertFlashMessage(
      'error',
      '文件中找不到模板的字段名行（第 2 行），请下载模板并把数据复制进去。'
    )

    const missing = await upload(
      client,
      world.staff,
      'units',
      await importFile(['building', 'floor', 'number'], [unitRow()])
    )
    missing.assertFlashMessage(
      'error',
      '文件缺少必填列：单元类型 (unitType)、面积（m²） (area)、状态 (status)。请使用下载的模板。'
    )

    const empty = await upload(client, world.staff, 'tenants', await tenantsFile([]))
    empty.assertFlashMessage('error', '文件中没有数据：请从第 3 行起填写。')

    const huge = await upload(
      client,
      world.staff,
      'units',
      await unitsFile(Array.from({ length: 5001 }, (_, i) => unitRow({ number: `X-${i}` })))
    )
    huge.assertFlashMessage('error', '一次最多导入 5000 行，请拆分为多个文件。')

    const none = await client
      .post('/park/imports/tenants')
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    none.assertFieldErrors('spreadsheet', ['请选择要上传的 Excel 文件。'])
    assert.deepEqual(await counts(), before)
  })

  test('the report is in English for an English-speaking operator', async ({ client, assert }) => {
    const world = await makeWorld()
    await world.staff.merge({ locale: 'en' }).save()
    await Building.create({ code: 'A', name: 'Main', floors: 6 })
    const tenants = await upload(
      client,
      world.staff,
      'tenants',
      await tenantsFile([tenantRow({ uscc: '91350100M000100Y4', status: 'sleeping' })])
    )
    tenants.assertStatus(422)
    tenants.assertTextIncludes('The file was not imported: 2 problems in 1 row')
    tenants.assertTextIncludes('Nothing was changed.')
    assert.deepEqual(reportRows(tenants.text()), [
      [
        '3',
        'Unified social credit code (A)',
        '91350100M000100Y4',
        'Unified social credit code must be 18 characters.',
      ],
      [
        '3',
        'Status (Q)',
        'sleeping',
        '"sleeping" is not a valid value for Status; use a code or name from the codes sheet.',
      ],
    ])
    const units = await upload(
      client,
      world.staff,
      'units',
      await unitsFile([unitRow({ building: 'Q' })])
    )
    assert.deepEqual(reportRows(units.text()), [
      [
        '3',
        'Building (code or name) (A)',
        'Q',
        'There is no building "Q". Registered buildings: A.',
      ],
    ])
    const fine = await upload(client, world.staff, 'units', await unitsFile([unitRow()]))
    fine.assertFlashMessage('success', '1 unit imported.')
  })

  test('bulk onboarding is for operators only', async ({ client, assert }) => {
    const world = await makeWorld()
    for (const url of [
      '/park/imports/tenants',
      '/park/imports/units',
      '/park/imports/tenants/template.xlsx',
    ]) {
      await assertAccess(client, assert, {
        url,
        owner: { user: world.adminA, expect: 403 },
        otherTenant: { user: world.adminB, expect: 403 },
        operator: { user: world.staff, expect: 200 },
        anonymous: 'login',
      })
    }
    const before = await counts()
    for (const user of [world.adminA, world.memberA, world.evaluator]) {
      const refused = await upload(client, user, 'tenants', await tenantsFile([tenantRow()]))
      refused.assertStatus(403)
    }
    assert.deepEqual(await counts(), before)
    ;(await client.get('/park/imports/leases').loginAs(world.staff)).assertStatus(404)
    const page = await client.get('/park/tenants').loginAs(world.staff)
    page.assertTextIncludes('href="/park/imports/tenants"')
  })
})
