import { test } from '@japa/runner'
import type { Page } from 'playwright'
import Complaint from '#complaints/models/complaint'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'
import { makeCategory, seedHolidays } from '#tests/helpers/complaints'

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

test.group('Browser: a complaint from the public form to a rated archive', (group) => {
  group.each.setup(cleanDatabase)
  group.each.setup(() => seedHolidays())

  test('a visitor files, staff handle it through every state, the complainant rates it, the lookup shows the result', async ({
    visit,
    assert,
  }) => {
    const world = await makeWorld()
    await makeCategory(world, 5)

    /* a visitor files without a name and keeps the receipt */
    const page = await visit('/complaints/new')
    await page.assertTextContains('h1', '在线投诉')
    await page.getByRole('combobox', { name: '投诉类别' }).selectOption({ index: 1 })
    await page.getByRole('textbox', { name: '投诉标题' }).fill('园区路灯不亮')
    await page
      .getByRole('textbox', { name: '投诉内容' })
      .fill('B 区停车场路灯已经一周不亮，夜间很不安全。')
    await page.getByRole('textbox', { name: '联系电话' }).fill('13912345678')
    await page.getByRole('button', { name: '提交投诉' }).click()
    await page.assertTextContains('h1', '投诉受理回执')
    const complaint = await Complaint.firstOrFail()
    await page.assertTextContains('main', complaint.number)
    await page.assertTextContains('main', world.department.name)
    await page.assertTextContains('main', '18:00')
    const receiptUrl = page.url()

    /* staff accept, start, ask the complainant, resume and resolve */
    await logIn(page, world.staff.email)
    await page.goto('/complaints')
    await page.locator('tbody tr', { hasText: complaint.number }).getByRole('link').click()
    await confirmClick(page, '受理')
    await page.assertTextContains('.alert-success', '投诉已受理。')
    await confirmClick(page, '开始办理')
    await page.getByRole('textbox', { name: '说明' }).fill('请提供路灯位置照片')
    await confirmClick(page, '请投诉人补充材料')
    await page.assertTextContains('.alert-success', '已请投诉人补充，计时暂停。')
    await confirmClick(page, '恢复办理')
    await page.getByRole('textbox', { name: '处理结果' }).fill('已更换 B 区停车场 6 盏路灯。')
    await page.getByRole('textbox', { name: '纠正措施' }).fill('路灯纳入每周夜间巡查。')
    await confirmClick(page, '办结')
    await page.assertTextContains('.alert-success', '投诉已办结。')
    await page.getByRole('button', { name: '退出登录' }).click()

    /* the complainant rates the result through the receipt link; the case is archived */
    await page.goto(receiptUrl)
    await page.getByRole('combobox', { name: '满意度' }).selectOption('4')
    await page.getByRole('combobox', { name: '处理意见' }).selectOption('confirm')
    await page.getByRole('button', { name: '提交' }).click()
    await page.assertTextContains('.alert-success', '感谢您的评价，投诉已归档。')
    await page.assertTextContains('.badge', '已归档')

    /* anyone with the number and the last four digits sees the result */
    await page.goto('/complaints/lookup')
    await page.getByRole('textbox', { name: '受理编号' }).fill(complaint.number)
    await page.getByRole('textbox', { name: '电话后四位' }).fill('5678')
    await page.getByRole('button', { name: '查询' }).click()
    await page.assertTextContains('#lookup-result', '已归档')
    await page.assertTextContains('#lookup-result', '已更换 B 区停车场 6 盏路灯。')

    const archived = await Complaint.findOrFail(complaint.id)
    assert.equal(archived.status, 'closed')
    assert.equal(archived.satisfaction, 4)
    assert.equal(archived.closeKind, 'confirmed')
  })
})
