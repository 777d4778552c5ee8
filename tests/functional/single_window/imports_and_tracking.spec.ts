import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import ExcelJS from 'exceljs'
import { DateTime } from 'luxon'
import SwDeclaration from '#single_window/models/sw_declaration'
import SwImportBatch from '#single_window/models/sw_import_batch'
import SwMessage from '#single_window/models/sw_message'
import SwApiToken from '#single_window/models/sw_api_token'
import SwTrackingEvent from '#single_window/models/sw_tracking_event'
import db from '@adonisjs/lucid/services/db'
import ApiTokenService from '#single_window/tracking/api_token_service'
import { importColumns } from '#single_window/import_columns'
import { assertAccess } from '#tests/helpers/isolation'
import { declareParcelPapers, inventoryCsv, makeSwWorld } from '#tests/helpers/sw_web'
import { declareWaybill } from '#tests/helpers/sw_io'

const count = async (model: typeof SwDeclaration | typeof SwImportBatch) =>
  Number((await model.query().count('* as n'))[0].$extras.n)

/** The report table's rows as [row, column, problem] text. */
function reportRows(html: string) {
  const table = html.match(/<table class="table table-compact import-report">([\s\S]*?)<\/table>/)
  if (!table) return []
  const body = table[1].split('<tbody>')[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((td) =>
      td[1]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim()
    )
  )
}

test.group('Single window: batch import', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the templates download as Excel and CSV with the label and field-name rows', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const columns = importColumns('CEB621')
    const xlsx = await client
      .get('/tenant/single-window/imports/template/CEB621/xlsx')
      .loginAs(world.memberA)
    xlsx.assertStatus(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.body() as any)
    const sheet = book.getWorksheet('CEB621')!
    assert.equal(sheet.getCell('A1').value, '业务模式*')
    assert.deepEqual(
      (sheet.getRow(2).values as unknown[]).slice(1),
      columns.map((c) => c.key)
    )
    const csv = await client
      .get('/tenant/single-window/imports/template/CEB311/csv')
      .loginAs(world.memberA)
    csv.assertStatus(200)
    assert.match(csv.header('content-type') ?? '', /text\/csv/)
    const lines = csv
      .text()
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    assert.equal(
      lines[1],
      importColumns('CEB311')
        .map((c) => c.key)
        .join(',')
    )
    const unknown = await client
      .get('/tenant/single-window/imports/template/CEB999/csv')
      .loginAs(world.memberA)
    unknown.assertStatus(404)
  })

  test('a file with bad rows gets the per-row, per-field report and imports nothing; a good one is accepted and submitted', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    await declareParcelPapers(world.tenantA.id, [1, 2])
    const before = await count(SwDeclaration)
    const bad = await inventoryCsv([1, 2], (doc, i) => {
      if (i === 0) doc.head.buyerIdNumber = ''
      if (i === 1) doc.lines[0].gcode = '12AB'
    })
    const upload = (file: string, name: string) =>
      readFile(file).then((bytes) =>
        client
          .post('/tenant/single-window/imports')
          .field('messageType', 'CEB621')
          .file('file', bytes, { filename: name })
          .loginAs(world.adminA)
          .withCsrfToken()
          .redirects(0)
      )
    const rejected = await upload(bad, 'bad.csv')
    rejected.assertStatus(422)
    const rows = reportRows(rejected.text())
    assert.deepInclude(rows, ['3', '订购人证件号码 (buyerIdNumber)', '必填。'])
    // Parcel 1 has two goods lines (rows 3 and 4), parcel 2 one (row 5).
    assert.deepInclude(rows, ['5', '商品-商品编码 (list.gcode)', '商品编码应为 10 位数字。'])
    assert.include(rejected.text(), '未做任何更改')
    assert.equal(await count(SwDeclaration), before)
    const stored = await SwImportBatch.query().orderBy('id', 'desc').firstOrFail()
    assert.equal(stored.state, 'rejected')

    const good = await upload(await inventoryCsv([1, 2]), 'good.csv')
    good.assertStatus(302)
    const batch = await SwImportBatch.query().where('state', 'accepted').firstOrFail()
    assert.equal(good.header('location'), `/tenant/single-window/imports/${batch.id}`)
    good.assertFlashMessage('success', '已导入 2 张单证。')
    const imported = await SwDeclaration.query().where('batch_id', batch.id)
    assert.lengthOf(imported, 2)
    assert.isTrue(imported.every((d) => d.status === 'checked' && d.tenantId === world.tenantA.id))

    const page = await client
      .get(`/tenant/single-window/imports/${batch.id}`)
      .loginAs(world.memberA)
    page.assertStatus(200)
    assert.include(page.text(), '整批提交（2 张）')
    // Another tenant's batch is not found, and cannot be submitted.
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/single-window/imports/${batch.id}/submit`,
      owner: { user: world.memberA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    const queued = await SwDeclaration.query().where('batch_id', batch.id)
    assert.isTrue(queued.every((d) => d.status === 'queued'))
    assert.lengthOf(
      await SwMessage.query().whereIn(
        'declaration_id',
        queued.map((d) => d.id)
      ),
      2
    )
    const forB = await client.get(`/tenant/single-window/imports/${batch.id}`).loginAs(world.adminB)
    forB.assertStatus(404)
  })

  test('an upload that is not a spreadsheet is refused with a translated message', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const response = await client
      .post('/tenant/single-window/imports')
      .field('messageType', 'CEB621')
      .file('file', Buffer.from('not a table'), { filename: 'x.pdf' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.isNotEmpty(response.flashMessage('inputErrorsBag')?.file)
    assert.equal(await count(SwImportBatch), 0)
  })
})

test.group('Single window: API tokens and the tracking API', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => limiter.clear(['memory']))

  test('a tenant admin creates a token (shown once) and revokes it; others cannot', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const created = await client
      .post('/tenant/single-window/tokens')
      .form({ name: '1 号仓扫描枪' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    created.assertStatus(302)
    const token = created.flashMessage('newToken') as unknown as string
    assert.match(token, /^pgt_/)
    const row = await SwApiToken.findByOrFail('tenantId', world.tenantA.id)
    assert.notEqual(row.tokenHash, token)
    assert.notInclude(JSON.stringify(row.serialize()), token)

    const list = await client.get('/tenant/single-window/tokens').loginAs(world.adminA)
    assert.include(list.text(), '1 号仓扫描枪')
    assert.notInclude(list.text(), token)

    const member = await client.get('/tenant/single-window/tokens').loginAs(world.memberA)
    member.assertStatus(403)
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/single-window/tokens/${row.id}/revoke`,
      owner: { user: world.adminA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    await row.refresh()
    assert.isNotNull(row.revokedAt)
  })

  test('scanner events: bearer token, idempotent by event id, clear JSON errors', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const { token } = await new ApiTokenService().create(world.tenantA.id, 'scanner')
    const event = {
      eventId: 'WH-0001',
      logisticsNo: 'RO2026120100000001',
      stage: 'entered_zone',
      action: '入区扫描',
      occurredAt: '2026-12-01T09:30:00+08:00',
      place: '1 号仓',
    }
    const post = (body: unknown, bearer: string | null = token) => {
      const request = client.post('/api/tracking/events').json(body).accept('json')
      return bearer ? request.header('authorization', `Bearer ${bearer}`) : request
    }

    const missing = await post({ events: [event] }, null)
    missing.assertStatus(401)
    assert.equal(missing.body().errors[0].code, 'E_MISSING_TOKEN')
    const wrong = await post({ events: [event] }, 'pgt_wrong')
    wrong.assertStatus(401)
    assert.equal(wrong.body().errors[0].message, '接口令牌无效或已停用。')

    const first = await post({ events: [event] })
    first.assertStatus(201)
    first.assertBody({ created: ['WH-0001'], duplicates: [] })
    const repeat = await post(event)
    repeat.assertStatus(200)
    repeat.assertBody({ created: [], duplicates: ['WH-0001'] })
    const stored = await SwTrackingEvent.query().where('tenant_id', world.tenantA.id)
    assert.lengthOf(stored, 1)
    assert.equal(stored[0].source, 'scanner')
    assert.equal(
      stored[0].occurredAt.toMillis(),
      DateTime.fromISO('2026-12-01T01:30:00Z').toMillis()
    )

    const badStage = await post({ events: [{ ...event, eventId: 'WH-2', stage: 'flying' }] })
    badStage.assertStatus(422)
    assert.equal(badStage.body().errors[0].field, 'events.0.stage')
    const noZone = await post({
      events: [{ ...event, eventId: 'WH-3', occurredAt: '2026-12-01 09:30' }],
    })
    noZone.assertStatus(422)
    assert.equal(noZone.body().errors[0].field, 'events.0.occurredAt')
    assert.lengthOf(await SwTrackingEvent.query().where('tenant_id', world.tenantA.id), 1)

    await new ApiTokenService().revoke(
      world.tenantA.id,
      (await SwApiToken.findByOrFail('tenantId', world.tenantA.id)).id
    )
    const revoked = await post({ events: [{ ...event, eventId: 'WH-4' }] })
    revoked.assertStatus(401)
  })

  test('guessing tokens from one address is throttled with 429 and Retry-After', async ({
    client,
    assert,
  }) => {
    let last
    for (let i = 0; i < 21; i++) {
      last = await client
        .post('/api/tracking/events')
        .json({ events: [] })
        .header('authorization', `Bearer pgt_guess${i}`)
    }
    last!.assertStatus(429)
    assert.equal(last!.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.isNotEmpty(last!.header('retry-after'))
  })

  test('/track shows a waybill’s stages without personal data', async ({ client, assert }) => {
    const world = await makeSwWorld()
    await declareWaybill(world.tenantA.id, 'RO2026120100000009')
    const { token } = await new ApiTokenService().create(world.tenantA.id, 'scanner')
    const posted = await client
      .post('/api/tracking/events')
      .json({
        events: [
          {
            eventId: 'E1',
            logisticsNo: 'RO2026120100000009',
            stage: 'entered_zone',
            action: '入区扫描',
            occurredAt: '2026-12-01T09:30:00+08:00',
            place: '1 号仓',
          },
          {
            eventId: 'E2',
            logisticsNo: 'RO2026120100000009',
            stage: 'left_zone',
            action: '出区扫描',
            occurredAt: '2026-12-01T18:00:00+08:00',
            place: '卡口 2',
          },
        ],
      })
      .header('authorization', `Bearer ${token}`)
    posted.assertStatus(201)
    const page = await client.get('/track?number=RO2026120100000009')
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '入区 · 入区扫描')
    assert.include(html, '出区 · 出区扫描')
    assert.include(html, '最新环节：出区')
    assert.include(html, '卡口 2')
    assert.notInclude(html, world.tenantA.name)
    // Tenant B is no party of the waybill: its scanner's event is stored for it, not shown to the public.
    const other = await new ApiTokenService().create(world.tenantB.id, 'scanner')
    const fake = await client
      .post('/api/tracking/events')
      .json({
        eventId: 'FAKE',
        logisticsNo: 'RO2026120100000009',
        stage: 'delivered',
        action: '伪造签收',
        occurredAt: '2026-12-01T19:00:00+08:00',
      })
      .header('authorization', `Bearer ${other.token}`)
    fake.assertStatus(201)
    assert.notInclude((await client.get('/track?number=RO2026120100000009')).text(), '伪造签收')
    const none = await client.get('/track?number=NOPE')
    assert.include(none.text(), '没有找到运单 NOPE 的物流信息')
  })

  test('operators see the FailBox; tenants and evaluators do not', async ({ client, assert }) => {
    const world = await makeSwWorld()
    await db.table('sw_inbox_files').insert({
      file_name: 'receipt_bad.xml',
      stored_as: 'FailBox/receipt_bad.xml',
      sha256: 'a'.repeat(64),
      size: 20,
      state: 'failed',
      records: 0,
      applied: 0,
      reason_code: 'wrong_root',
      reason: 'root element Hello',
      processed_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
    })
    const page = await client.get('/single-window/failbox').loginAs(world.operator)
    page.assertStatus(200)
    assert.include(page.text(), 'receipt_bad.xml')
    assert.include(page.text(), '根元素不是回执报文')
    ;(await client.get('/single-window/failbox').loginAs(world.evaluator)).assertStatus(403)
    ;(await client.get('/single-window/failbox').loginAs(world.adminA)).assertStatus(403)
  })
})
