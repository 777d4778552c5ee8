import { test } from '@japa/runner'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'

test.group('Browser: language and accounts', (group) => {
  group.each.setup(cleanDatabase)

  test('the English button switches the language, and it sticks on the next page', async ({
    visit,
  }) => {
    const page = await visit('/login')
    await page.assertText('h1', '登录园区通')
    await page.assertExists('html[lang="zh-CN"]')

    await page.getByRole('banner').getByRole('button', { name: 'English' }).click()
    await page.assertText('h1', 'Log in to ParkGate')
    await page.assertExists('html[lang="en"]')
    await page.assertExists(page.getByRole('button', { name: 'Log in', exact: true }))
    await page.assertExists(page.getByRole('banner').getByRole('button', { name: '中文' }))

    /* another page, reached by a click: still English */
    await page.getByRole('link', { name: 'Register your enterprise' }).click()
    await page.assertPath('/register')
    await page.assertText('h1', 'Apply to register your enterprise')
    await page.assertExists(page.getByRole('textbox', { name: 'Unified social credit code' }))
    await page.assertTextContains('footer', 'Cross-border E-commerce Industrial Park')
  })

  test('a tenant admin disables a member, who then cannot log in', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const world = await makeWorld()
    await browserContext.loginAs(world.adminA)

    const page = await visit('/tenant/members')
    await page.assertText('h1', '企业成员')
    const row = page.locator('tbody tr', { hasText: world.memberA.email })
    await page.assertTextContains(row, '已启用')
    /* the other enterprise's people are not listed */
    await page.assertNotExists(page.locator('tbody tr', { hasText: world.adminB.email }))

    let confirmText = ''
    page.once('dialog', (dialog) => {
      confirmText = dialog.message()
      return dialog.accept()
    })
    await row.getByRole('button', { name: '停用' }).click()
    await page.assertTextContains('.alert-success', '用户已停用，其所有会话已结束。')
    await page.assertTextContains(row, '已停用')
    await page.assertExists(row.getByRole('button', { name: '启用' }))
    assert.include(confirmText, world.memberA.fullName)

    await world.memberA.refresh()
    assert.isFalse(world.memberA.isActive)

    /* the admin logs out; the member tries to log in */
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.assertPath('/login')
    await page.getByRole('textbox', { name: '邮箱', exact: true }).fill(world.memberA.email)
    await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD)
    await page.getByRole('button', { name: '登录', exact: true }).click()

    await page.assertPath('/login')
    await page.assertTextContains('.alert-danger', '该账号已停用，请联系园区运营机构。')
    await page.assertInputValue('#f-email', world.memberA.email)
    await page.assertNotExists('.topbar-user')
  })
})
