import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { makeUscc, makeWorld, PASSWORD } from '#tests/helpers/world'
import { cleanDatabase } from '#tests/browser/database'

/** Fills the login form and submits it, as a person would. */
async function logIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: '邮箱', exact: true }).fill(email)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

/** Every field of the registration form, typed in. */
async function fillRegistration(
  page: Page,
  values: { unitName: string; uscc: string; email: string; password: string }
) {
  await page.getByRole('combobox', { name: '用户类别' }).selectOption({ label: '跨境电子商务企业' })
  await page.getByRole('textbox', { name: '单位名称', exact: true }).fill(values.unitName)
  await page.getByRole('textbox', { name: '统一社会信用代码', exact: true }).fill(values.uscc)
  await page.getByRole('textbox', { name: '法定代表人', exact: true }).fill('周明')
  await page.getByRole('textbox', { name: '联系人', exact: true }).fill('钱红')
  await page.getByRole('textbox', { name: '手机号码', exact: true }).fill('13912345678')
  await page.getByRole('textbox', { name: '邮箱', exact: true }).fill(values.email)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(values.password)
  await page.getByRole('textbox', { name: '确认密码', exact: true }).fill(values.password)
}

test.group('Browser: enterprise registration', (group) => {
  group.each.setup(cleanDatabase)

  test('a visitor registers, an operator approves, the new tenant admin logs in', async ({
    visit,
  }) => {
    const world = await makeWorld()
    const unitName = '温州瓯江跨境供应链有限公司'
    const applicantEmail = 'boss@oujiang.example.test'
    const applicantPassword = 'Oujiang#2026'

    /* the visitor fills in the public form */
    const page = await visit('/register')
    await page.assertTextContains('h1', '入驻企业注册申请')
    await fillRegistration(page, {
      unitName,
      uscc: makeUscc(),
      email: applicantEmail,
      password: applicantPassword,
    })
    await page.getByRole('button', { name: '提交申请' }).click()

    /* … and lands on the signed status page */
    await page.assertPathContains('/register/status/')
    await page.assertTextContains('h1', '注册申请已提交')
    await page.assertTextContains('main', unitName)
    await page.assertTextContains('.badge', '待审核')

    /* an operator logs in through the form and reviews it */
    await page.goto('/login')
    await logIn(page, world.operator.email, PASSWORD)
    await page.assertPath('/dashboard')
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '入驻申请' })
      .click()
    await page.assertPath('/admin/registrations')
    await page.assertTextContains('h1', '入驻申请审核')
    const row = page.locator('tbody tr', { hasText: unitName })
    await page.assertTextContains(row, '待审核')
    await row.getByRole('link').click()
    await page.assertPathMatches(/^\/admin\/registrations\/\d+$/)
    await page.assertTextContains('main', applicantEmail)

    page.once('dialog', (dialog) => dialog.accept())
    await page.getByRole('button', { name: '批准入驻' }).click()
    await page.assertTextContains('.alert-success', `已批准，${unitName} 已成为入驻企业。`)
    await page.assertTextContains('.badge', '已批准')

    /* the operator leaves; the applicant logs in with the password chosen at registration */
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.assertPath('/login')
    await page.assertTextContains('.alert-success', '您已安全退出。')
    await logIn(page, applicantEmail, applicantPassword)
    await page.assertPath('/dashboard')
    await page.assertText('h1', unitName)
    await page.assertTextContains('.topbar-user-role', '企业管理员')
    await page.assertExists(
      page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业成员' })
    )
  })

  test('a wrong USCC check digit is reported next to the field; other input is kept', async ({
    visit,
  }) => {
    const valid = makeUscc()
    const wrongCheckDigit = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0')

    const page = await visit('/register')
    await fillRegistration(page, {
      unitName: '嘉兴南湖数字贸易有限公司',
      uscc: wrongCheckDigit,
      email: 'info@nanhu.example.test',
      password: 'Nanhu#2026',
    })
    await page.getByRole('button', { name: '提交申请' }).click()

    await page.assertPath('/register')
    await page.assertTextContains('.alert-danger', '请按下方提示修改后重新提交')
    await page.assertText('#f-uscc-error', '统一社会信用代码校验码不正确，请核对。')
    await page.assertExists('#f-uscc[aria-invalid="true"]')
    await page.assertExists('.field.has-error #f-uscc')
    await page.assertElementsCount('.field-error', 1)

    /* what the visitor typed is still there (passwords excepted, on purpose) */
    await page.assertInputValue('#f-uscc', wrongCheckDigit)
    await page.assertInputValue('#f-unitName', '嘉兴南湖数字贸易有限公司')
    await page.assertInputValue('#f-legalRepresentative', '周明')
    await page.assertInputValue('#f-contactPerson', '钱红')
    await page.assertInputValue('#f-mobile', '13912345678')
    await page.assertInputValue('#f-email', 'info@nanhu.example.test')
    await page.assertSelectedOptions('#f-userCategory', ['ecommerce_enterprise'])
    await page.assertInputValue('#f-password', '')
  })
})
