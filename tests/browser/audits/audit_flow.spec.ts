import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Audit from '#audits/models/audit'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import AuditSampleItem from '#audits/models/audit_sample_item'
import AuditVerdict from '#audits/models/audit_verdict'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'
import { fileComplaint, makeCategory, seedHolidays } from '#tests/helpers/complaints'
import { makeAudit, pngFile } from '#tests/helpers/audits_web'

async function logIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByRole('textbox', { name: '邮箱', exact: true }).fill(email)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

/** Clicks a button that asks for confirmation first, and accepts. */
async function confirmClick(page: Page, name: string) {
  page.once('dialog', (dialog) => dialog.accept())
  await page.getByRole('button', { name, exact: true }).click()
}

/** Opens a clause from the heatmap by clicking its coloured cell. */
async function openClause(page: Page, auditId: number, number: string) {
  await page.goto(`/audits/${auditId}`)
  await page.locator(`a.hm-cell[href="/audits/${auditId}/clauses/${number}"]`).click()
  await page.assertTextContains('h1', `条款 ${number}`)
}

test.group('Browser: an evaluator runs an audit end to end', (group) => {
  group.each.setup(cleanDatabase)
  group.each.setup(() => seedHolidays())

  test('live evidence, a tenant confirmation answered by the tenant, a sample, verdicts, issue', async ({
    visit,
    browser,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    for (const subject of ['停车场收费不透明', '空调漏水', '快递柜故障']) {
      await fileComplaint(category, { subject })
    }
    const audit = await makeAudit(world, 'fieldwork', '年度园区服务评价')

    /* the evaluator opens the audit from the list and sees the heatmap */
    const page = await visit('/login')
    await logIn(page, world.evaluator.email)
    await page.goto('/audits')
    await page.getByRole('link', { name: '年度园区服务评价' }).click()
    await page.assertTextContains('h1', '年度园区服务评价')
    await page.assertElementsCount('a.hm-cell', 5)
    await page.assertExists('.hm-legend')

    /* live evidence from the complaint archive on 7.3.4, then a seeded sample of complaints */
    await openClause(page, audit.id, '7.3.4')
    await page.assertTextContains('#live', '期间内投诉 3 件')
    const samples = page.locator('#samples')
    await samples.locator('summary').click()
    await samples.getByRole('combobox', { name: '记录类型' }).selectOption('complaints')
    await samples.getByRole('spinbutton', { name: '抽样数量' }).fill('2')
    await samples.getByRole('textbox', { name: '随机种子' }).fill('annual-2026')
    await samples.getByRole('button', { name: '抽取' }).click()
    await page.assertTextContains('.alert-success', '已为条款 7.3.4 抽取样本。')
    await page.assertTextContains('#samples', '从 3 条中抽取 2 条，种子 annual-2026')
    for (let i = 0; i < 2; i++) {
      const row = page.locator('#samples tbody tr').nth(i)
      await row.getByRole('combobox').selectOption('pass')
      await row.getByRole('textbox').fill('按时答复并归档')
      await row.getByRole('button', { name: '保存' }).click()
      await page.assertTextContains('.alert-success', '已保存抽样结果。')
    }
    const items = await AuditSampleItem.all()
    assert.lengthOf(items, 2)
    assert.isTrue(items.every((item) => item.result === 'pass'))

    /* a confirmation question to every tenant on 6.2.1, with an on-site observation */
    await openClause(page, audit.id, '6.2.1')
    const confirmations = page.locator('#confirmations')
    await confirmations.locator('summary').click()
    await confirmations
      .getByRole('textbox', { name: '确认问题' })
      .fill('评价期间内，园区是否为贵企业提供了通关业务指导？')
    await confirmClick(page, '发送')
    await page.assertTextContains('.alert-success', '已向企业发送条款 6.2.1 的确认问题。')
    const observations = page.locator('#observations')
    await observations.locator('summary').click()
    await observations
      .getByRole('textbox', { name: '现场情况' })
      .fill('通关服务窗口有人值守，指导资料齐全。')
    await observations.getByRole('textbox', { name: '地点' }).fill('综合服务大厅')
    await observations.locator('input[type=file]').setInputFiles(await pngFile())
    await observations.getByRole('button', { name: '保存现场查看' }).click()
    await page.assertTextContains('.alert-success', '已记录条款 6.2.1 的现场查看。')
    await page.assertExists('#observations .photo-row img')

    /* the demo tenant answers in its portal (a second browser context, its own login) */
    const tenantContext = await browser.newContext({ baseURL: new URL(page.url()).origin })
    const tenantPage = await tenantContext.newPage()
    await logIn(tenantPage, world.adminA.email)
    await tenantPage.goto('/tenant/confirmations')
    await tenantPage
      .getByRole('link', { name: '评价期间内，园区是否为贵企业提供了通关业务指导？' })
      .click()
    await tenantPage.getByRole('radio', { name: '是' }).check()
    await tenantPage.getByRole('textbox', { name: '补充说明' }).fill('海关政策宣讲会很有帮助。')
    await tenantPage.getByRole('button', { name: '提交回答' }).click()
    await tenantPage.assertTextContains('.alert-success', '感谢您的回答，已提交。')
    await tenantContext.close()
    const answer = await AuditConfirmationRecipient.query()
      .where('tenant_id', world.tenantA.id)
      .firstOrFail()
    assert.equal(answer.answer, 'yes')

    /* back to the evaluator: the tally and the comment, the cell turns complete */
    await page.reload()
    await page.assertTextContains('#confirmations', '海关政策宣讲会很有帮助。')
    await page.assertTextContains('.tally', '已回答 1')
    await page.goto(`/audits/${audit.id}`)
    await page.assertExists(`a.hm-cell.ev-complete[href="/audits/${audit.id}/clauses/6.2.1"]`)

    /* a verdict on every clause */
    for (const [number, verdict] of [
      ['5.1.1', 'not_assessed'],
      ['5.3.2', 'not_applicable'],
      ['6.2.1', 'conforming'],
      ['6.6.1', 'not_applicable'],
      ['7.3.4', 'conforming'],
    ]) {
      await openClause(page, audit.id, number)
      await page
        .locator('#verdict')
        .getByRole('combobox', { name: '评价结论' })
        .selectOption(verdict)
      await page
        .locator('#verdict')
        .getByRole('textbox', { name: '评价意见' })
        .fill(`条款 ${number} 已核查。`)
      await page.getByRole('button', { name: '保存结论' }).click()
      await page.assertTextContains('.alert-success', `已保存条款 ${number} 的评价结论。`)
    }
    assert.equal((await AuditVerdict.all()).length, 5)

    /* review, then issue (irreversible: the page says so before it happens) */
    await page.goto(`/audits/${audit.id}`)
    await confirmClick(page, '提交复核')
    await page.assertTextContains('.alert-success', '评价已提交复核。')
    let warned = ''
    page.once('dialog', (dialog) => {
      warned = dialog.message()
      return dialog.accept()
    })
    await page.getByRole('button', { name: '签发', exact: true }).click()
    await page.assertTextContains('.alert-success', '评价已签发并锁定。')
    assert.include(warned, '不可撤销')
    await page.assertTextContains('main', '签发并锁定：结论与证据快照不能再修改')
    const issued = await Audit.findOrFail(audit.id)
    assert.equal(issued.state, 'issued')
    assert.equal(issued.issuedBy, world.evaluator.id)
    assert.match(issued.snapshotSha256!, /^[0-9a-f]{64}$/)

    /* the report and bundle links are on the page (AU-out serves them) */
    await page.assertExists(`a[href="/audits/${audit.id}/report.xlsx"]`)
    await page.assertExists(`a[href="/audits/${audit.id}/bundle.zip"]`)
    /* nothing can be judged any more */
    await openClause(page, audit.id, '6.2.1')
    await page.assertNotExists('#verdict form')
  })
})
