import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import RegistrationApplication from '#core/models/registration_application'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import AuditLog from '#core/models/audit_log'
import { makeUscc, makeWorld } from '#tests/helpers/world'

const form = (overrides: Record<string, string> = {}) => ({
  userCategory: 'ecommerce_enterprise',
  unitName: '宁波海曙跨境贸易有限公司',
  uscc: makeUscc(),
  legalRepresentative: '王五',
  contactPerson: '赵六',
  mobile: '13912345678',
  email: 'newco@example.test',
  password: 'Welcome2026',
  passwordConfirmation: 'Welcome2026',
  ...overrides,
})

test.group('Enterprise registration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an enterprise applies; the application is pending and its status page is signed', async ({
    client,
    assert,
  }) => {
    const response = await client.post('/register').form(form()).withCsrfToken().redirects(0)
    response.assertStatus(302)
    const application = await RegistrationApplication.findByOrFail('email', 'newco@example.test')
    assert.equal(application.status, 'pending')
    assert.match(application.number, /^RG\d{8}-\d{4}$/)
    const location = response.header('location') ?? ''
    assert.include(location, `/register/status/${application.number}?signature=`)
    const status = await client.get(location)
    status.assertTextIncludes('待审核')
    const unsigned = await client.get(`/register/status/${application.number}`)
    unsigned.assertTextIncludes('页面不存在')
    assert.isOk(await AuditLog.findBy('action', 'registration.applied'))
  })

  test('bad input gives translated field errors and stores nothing', async ({ client, assert }) => {
    const response = await client
      .post('/register')
      .form(
        form({
          uscc: '91350100M000100Y44',
          mobile: '12345',
          email: 'x',
          passwordConfirmation: 'other',
        })
      )
      .withCsrfToken()
      .redirects(0)
    response.assertFieldErrors('uscc', ['统一社会信用代码校验码不正确，请核对。'])
    response.assertFieldErrors('mobile', ['手机号码不是有效的手机号码。'])
    response.assertFieldErrors('email', ['邮箱格式不正确。'])
    response.assertFieldErrors('passwordConfirmation', ['两次输入的密码不一致。'])
    assert.lengthOf(await RegistrationApplication.all(), 0)
  })

  test('a USCC already registered or pending is refused', async ({ client, assert }) => {
    const world = await makeWorld()
    const taken = await client
      .post('/register')
      .form(form({ uscc: world.tenantA.uscc }))
      .withCsrfToken()
      .redirects(0)
    taken.assertFieldErrors('uscc', ['该统一社会信用代码已注册或正在审核中。'])
    const uscc = makeUscc()
    await client.post('/register').form(form({ uscc })).withCsrfToken().redirects(0)
    const again = await client
      .post('/register')
      .form(form({ uscc, email: 'other@example.test' }))
      .withCsrfToken()
      .redirects(0)
    again.assertFieldErrors('uscc', ['该统一社会信用代码已注册或正在审核中。'])
    assert.lengthOf(await RegistrationApplication.all(), 1)
  })

  test('an operator approves: the enterprise becomes a tenant with its first tenant_admin, who can log in', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await client.post('/register').form(form()).withCsrfToken().redirects(0)
    const application = await RegistrationApplication.findByOrFail('email', 'newco@example.test')
    const pendingLogin = await client
      .post('/login')
      .form({ email: 'newco@example.test', password: 'Welcome2026' })
      .withCsrfToken()
      .redirects(0)
    pendingLogin.assertFlashMessage(
      'warning',
      `您的注册申请 ${application.number} 正在审核中，审核通过后即可登录。`
    )

    const approve = await client
      .post(`/admin/registrations/${application.id}/approve`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    approve.assertStatus(302)
    const tenant = await Tenant.findByOrFail('uscc', application.uscc)
    const admin = await User.findByOrFail('email', 'newco@example.test')
    assert.equal(admin.role, 'tenant_admin')
    assert.equal(admin.tenantId, tenant.id)
    const login = await client
      .post('/login')
      .form({ email: 'newco@example.test', password: 'Welcome2026' })
      .withCsrfToken()
      .redirects(0)
    login.assertHeader('location', '/dashboard')

    const twice = await client
      .post(`/admin/registrations/${application.id}/approve`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    twice.assertFlashMessage('error', '该申请已处理，不能重复审核。')
  })

  test('a rejection needs a reason, and the applicant sees it', async ({ client, assert }) => {
    const world = await makeWorld()
    await client.post('/register').form(form()).withCsrfToken().redirects(0)
    const application = await RegistrationApplication.findByOrFail('email', 'newco@example.test')
    const empty = await client
      .post(`/admin/registrations/${application.id}/reject`)
      .form({ reason: '' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    empty.assertFieldErrors('reason', ['请填写驳回原因。'])
    await client
      .post(`/admin/registrations/${application.id}/reject`)
      .form({ reason: '营业执照已过期，请更新后重新提交' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    await application.refresh()
    assert.equal(application.status, 'rejected')
    const login = await client
      .post('/login')
      .form({ email: 'newco@example.test', password: 'Welcome2026' })
      .withCsrfToken()
      .redirects(0)
    login.assertFlashMessage(
      'warning',
      `您的注册申请 ${application.number} 未通过审核，原因：营业执照已过期，请更新后重新提交`
    )
    // The same USCC may apply again once rejected.
    const again = await client
      .post('/register')
      .form(form({ uscc: application.uscc }))
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(302)
    assert.lengthOf(await RegistrationApplication.query().where('uscc', application.uscc), 2)
  })

  test('only operators review registrations', async ({ client }) => {
    const world = await makeWorld()
    for (const user of [world.adminA, world.evaluator]) {
      const response = await client.get('/admin/registrations').loginAs(user).redirects(0)
      response.assertStatus(403)
    }
    const ok = await client.get('/admin/registrations').loginAs(world.staff)
    ok.assertStatus(200)
  })

  test('the licence scan is checked by content and stored with its SHA-256', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
    const fake = Buffer.from('MZ this is an executable renamed to pdf')
    const refused = await client
      .post('/register')
      .fields(form())
      .file('licence', fake, { filename: 'licence.pdf' })
      .withCsrfToken()
      .redirects(0)
    refused.assertFieldErrors('licence', ['营业执照的文件类型不被接受，请上传 PDF 或图片。'])
    assert.lengthOf(await RegistrationApplication.all(), 0)

    await client
      .post('/register')
      .fields(form())
      .file('licence', pdf, { filename: '营业执照.pdf' })
      .withCsrfToken()
      .redirects(0)
    const application = await RegistrationApplication.findByOrFail('email', 'newco@example.test')
    const page = await client.get(`/admin/registrations/${application.id}`).loginAs(world.operator)
    page.assertTextIncludes('营业执照.pdf')
  })
})
