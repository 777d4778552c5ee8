import { test } from '@japa/runner'
import type { Page } from 'playwright'
import ServiceRequest from '#service_desk/models/service_request'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'
import { seedHolidays } from '#tests/helpers/complaints'
import { makeServiceItem } from '#tests/helpers/service_desk'

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

test.group('Browser: a service request from submission to rating', (group) => {
  group.each.setup(cleanDatabase)
  group.each.setup(() => seedHolidays())

  test('a tenant requests a catalogue service, staff assign, handle and complete it, the tenant rates it', async ({
    visit,
    assert,
  }) => {
    const world = await makeWorld()
    const item = await makeServiceItem(world, { responseHours: 4, completionDays: 3 })

    /* the tenant picks the service from the catalogue and files the request */
    const page = await visit('/login')
    await logIn(page, world.adminA.email)
    await page.goto('/services')
    await page
      .locator('tbody tr', { hasText: item.name })
      .getByRole('link', { name: '申请此服务' })
      .click()
    await page.getByRole('textbox', { name: '主题' }).fill('1210 保税进口通关流程')
    await page
      .getByRole('textbox', { name: '需求详情' })
      .fill('计划开展 1210 保税进口业务，请提供备案、申报、出区的操作指引。')
    await page.getByRole('button', { name: '提交申请' }).click()
    const request = await ServiceRequest.firstOrFail()
    await page.assertTextContains('.alert-success', `服务请求已提交，编号 ${request.number}。`)
    await page.assertTextContains('main', '待分派')
    await page.getByRole('button', { name: '退出登录' }).click()

    /* staff assign it, start, note and complete */
    await logIn(page, world.staff.email)
    await page.goto('/service-requests')
    await page.locator('tbody tr', { hasText: request.number }).getByRole('link').click()
    await page.getByRole('combobox', { name: '经办人' }).selectOption(String(world.staff.id))
    await page.getByRole('button', { name: '分派经办人', exact: true }).click()
    await page.assertTextContains('.alert-success', '已分派经办人。')
    await confirmClick(page, '开始办理')
    await page.assertTextContains('.alert-success', '已开始办理。')
    await page.getByRole('textbox', { name: '办理结果' }).fill('已现场讲解并提供操作手册。')
    await confirmClick(page, '办结')
    await page.assertTextContains('.alert-success', '服务请求已办结，已通知企业。')
    await page.getByRole('button', { name: '退出登录' }).click()

    /* the tenant confirms and rates it */
    await logIn(page, world.adminA.email)
    await page.goto(`/tenant/service-requests/${request.id}`)
    await page.getByRole('combobox', { name: '评分' }).selectOption('5')
    await page.getByRole('textbox', { name: '评价意见' }).first().fill('讲解清楚，谢谢。')
    await page.getByRole('button', { name: '确认并评价' }).click()
    await page.assertTextContains('.alert-success', '感谢您的评价，服务请求已确认。')
    await page.assertTextContains('main', '已确认')

    const rated = await ServiceRequest.findOrFail(request.id)
    assert.equal(rated.status, 'confirmed')
    assert.equal(rated.rating, 5)
    assert.equal(rated.ratingComment, '讲解清楚，谢谢。')
    assert.equal(rated.assigneeId, world.staff.id)
  })
})
