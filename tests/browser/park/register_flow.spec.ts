import { test } from '@japa/runner'
import Lease from '#park/models/lease'
import { makeWorld } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'

test.group('Browser: the park register end to end', (group) => {
  group.each.setup(cleanDatabase)

  test('an operator registers a building and a unit, leases it, sees the occupancy, and renews the lease', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const world = await makeWorld()
    await browserContext.loginAs(world.staff)

    /* a building */
    const page = await visit('/park/units')
    await page.getByRole('link', { name: '新建楼栋' }).first().click()
    await page.getByRole('textbox', { name: '楼栋编号' }).fill('E')
    await page.getByRole('textbox', { name: '名称' }).fill('电商楼')
    await page.getByRole('spinbutton', { name: '地上层数' }).fill('5')
    await page.getByRole('button', { name: '保存' }).click()
    await page.assertTextContains('.alert-success', '楼栋已保存。')

    /* a unit in it */
    await page.getByRole('link', { name: '新建单元' }).first().click()
    await page.getByRole('combobox', { name: '楼栋' }).selectOption({ label: 'E 电商楼' })
    await page.getByRole('spinbutton', { name: '楼层' }).fill('2')
    await page.getByRole('textbox', { name: '单元编号' }).fill('E-201')
    await page.getByRole('combobox', { name: '单元类型' }).selectOption('office')
    await page.getByRole('spinbutton', { name: '面积（m²）' }).fill('250')
    await page.getByRole('button', { name: '保存' }).click()
    await page.assertExists(page.locator('tbody tr', { hasText: 'E-201' }))

    /* an active lease of it for Alpha Trading, running today */
    await visit('/park/leases/create').then(async (form) => {
      await form
        .getByRole('combobox', { name: '承租企业' })
        .selectOption({ label: 'Alpha Trading' })
      await form.getByLabel('起租日期').fill('2026-01-01')
      await form.getByLabel('到期日期').fill('2030-12-31')
      await form.getByRole('spinbutton', { name: '月租金（元）' }).fill('15000')
      await form.getByRole('spinbutton', { name: '押金（元）' }).fill('30000')
      await form.getByRole('checkbox', { name: /E-201/ }).check()
      await form.getByRole('checkbox', { name: '保存后立即生效' }).check()
      await form.getByRole('button', { name: '保存' }).click()
      await form.assertTextContains('.alert-success', '已保存')
      await form.assertTextContains('main', '生效中')
    })
    const lease = await Lease.firstOrFail()
    assert.equal(lease.status, 'active')
    assert.equal(lease.monthlyRentFen, 1_500_000)

    /* the statistics see it: the park's only unit is leased */
    const stats = await visit('/park/statistics')
    await stats.assertTextContains('.stats', '100.0%')
    await stats.assertTextContains('main', '电商楼')

    /* renewal from the lease page */
    const show = await visit(`/park/leases/${lease.id}`)
    await show.getByRole('link', { name: '续签' }).click()
    await show.getByLabel('到期日期').fill('2033-12-31')
    await show.getByRole('button', { name: '续签' }).click()
    await show.assertTextContains('.alert-success', '已续签')
    await show.assertTextContains('main', '2031-01-01 — 2033-12-31')
    await lease.refresh()
    assert.equal(lease.status, 'renewed')
  })
})
