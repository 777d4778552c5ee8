import { test } from '@japa/runner'
import type { Page } from 'playwright'
import SwDeclaration from '#single_window/models/sw_declaration'
import OutboxService from '#single_window/transport/outbox_service'
import InboxService from '#single_window/transport/inbox_service'
import { Simulator } from '#single_window/simulator/simulator'
import { demoImportParcel } from '#single_window/demo_data'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'
import { giveProfile } from '#tests/helpers/single_window'
import { tempFolders } from '#tests/helpers/sw_io'
import { declareParcelPapers, inventoryCsv, PARTIES_A } from '#tests/helpers/sw_web'

async function logIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByRole('textbox', { name: '邮箱', exact: true }).fill(email)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

async function upload(page: Page, file: string) {
  await page.goto('/tenant/single-window/imports')
  await page.getByRole('combobox', { name: '单证类型' }).selectOption('CEB621')
  await page.getByLabel('导入文件').setInputFiles(file)
  await page.getByRole('button', { name: '上传并校验' }).click()
}

test.group('Browser: single window, from batch import to release and tracking', (group) => {
  group.each.setup(cleanDatabase)

  test('a tenant imports inventory lists, sees the checks, submits, watches the receipts until release and tracks the waybill', async ({
    visit,
    assert,
  }) => {
    const world = await makeWorld()
    await giveProfile(world.tenantA, PARTIES_A)
    // The parcels' orders, payments and waybills are declared already (the three-document match).
    await declareParcelPapers(world.tenantA.id, [1, 2])
    const folders = await tempFolders()
    const outbox = new OutboxService({ folders })
    const simulator = new Simulator({ folders, seed: 7 })
    const inbox = new InboxService({ folders })

    const page = await visit('/login')
    await logIn(page, world.adminA.email)

    /* a file with bad rows: the per-row, per-field report, nothing imported */
    await upload(
      page,
      await inventoryCsv([1, 2], (doc, i) => {
        if (i === 1) doc.lines[0].gcode = '12AB'
      })
    )
    await page.assertTextContains('#import-report', '未导入')
    await page.assertTextContains('#import-report', '商品-商品编码 (list.gcode)')
    await page.assertTextContains('#import-report', '商品编码应为 10 位数字。')
    assert.lengthOf(await SwDeclaration.query().where('message_type', 'CEB621'), 0)

    /* the good file is accepted; the batch is submitted after a confirmation */
    await upload(page, await inventoryCsv([1, 2]))
    await page.assertTextContains('.alert-success', '已导入 2 张单证。')
    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: '整批提交（2 张）' }).click()
    await page.assertTextContains('.alert-success', '已提交 2 张单证，报文已进入发件队列。')

    /* the outbox job writes the files; the simulator plays customs; the inbox job applies receipts */
    const written = await outbox.flush()
    assert.equal(written.written, 8)
    const logisticsNo = demoImportParcel(1, PARTIES_A).find((d) => d.messageType === 'CEB621')!.head
      .logisticsNo
    const inventory = await SwDeclaration.query()
      .where({ message_type: 'CEB621', logistics_no: logisticsNo })
      .firstOrFail()
    await page.locator('#batch-documents').getByRole('link', { name: inventory.docNo }).click()
    await page.assertTextContains('.status-card .badge', '待发送')

    // The status as the page shows it after each round of receipts (the orders' come first).
    const seen: string[] = ['待发送']
    const start = Date.now()
    for (let t = start; t <= start + 200_000 && !seen.includes('放行'); t += 1000) {
      const step = await simulator.step(t)
      if (!step.written) continue
      await inbox.run()
      await page.reload()
      const label = (await page.locator('.status-card .badge').innerText()).trim()
      if (seen[seen.length - 1] !== label) seen.push(label)
    }
    assert.deepEqual(seen, ['待发送', '电子口岸申报中', '海关入库', '放行'])
    await page.assertTextContains('#status-next', '安排出区配送，跟踪运单状态。')
    await page.assertTextContains('#timeline', 'CEB622 回执 2：电子口岸申报中')
    await page.assertTextContains('#timeline', 'CEB622 回执 120：海关入库')
    await page.assertTextContains('#timeline', 'CEB622 回执 800：放行')
    await inventory.refresh()
    assert.equal(inventory.status, '800')

    /* a warehouse scanner reports the zone entry and exit with the tenant's API token */
    await page.goto('/tenant/single-window/tokens')
    await page.getByRole('textbox', { name: '令牌名称' }).fill('1 号仓扫描枪')
    await page.getByRole('button', { name: '创建令牌' }).click()
    const token = (await page.locator('#new-token').innerText()).trim()
    const origin = new URL(page.url()).origin
    const response = await fetch(`${origin}/api/tracking/events`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            eventId: 'WH1-IN-1',
            logisticsNo,
            stage: 'entered_zone',
            action: '入区扫描',
            occurredAt: new Date(start - 3600_000).toISOString(),
            place: '1 号仓',
          },
          {
            eventId: 'WH1-OUT-1',
            logisticsNo,
            stage: 'left_zone',
            action: '出区扫描',
            // After the release, on the simulator's clock (which ran ahead of the wall clock).
            occurredAt: new Date(start + 300_000).toISOString(),
            place: '2 号卡口',
          },
        ],
      }),
    })
    assert.equal(response.status, 201)
    await page.getByRole('button', { name: '退出登录' }).click()

    /* anyone follows the waybill on /track: the stages, no personal data */
    await page.goto('/track')
    await page.getByRole('textbox', { name: '运单号' }).fill(logisticsNo)
    await page.getByRole('button', { name: '查询' }).click()
    await page.assertTextContains('#track-result', `运单 ${logisticsNo}`)
    await page.assertTextContains('#track-result', '入区 · 入区扫描')
    await page.assertTextContains('#track-result', '放行 · CEB622 800 海关放行')
    await page.assertTextContains('#track-result', '出区 · 出区扫描')
    await page.assertTextContains('#track-result', '最新环节：出区')
    const text = await page.locator('#track-result').innerText()
    const buyer = demoImportParcel(1, PARTIES_A)[0].head.buyerName
    assert.notInclude(text, buyer)
    assert.notInclude(text, world.tenantA.name)
  })
})
