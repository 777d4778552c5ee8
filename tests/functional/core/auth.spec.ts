import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import AuditLog from '#core/models/audit_log'
import { makeWorld, PASSWORD } from '#tests/helpers/world'

test.group('Login and logout', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the login page is translated and Chinese by default', async ({ client }) => {
    const response = await client.get('/login')
    response.assertStatus(200)
    response.assertTextIncludes('登录园区通')
  })

  test('a user logs in with e-mail and password and lands on the dashboard', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client
      .post('/login')
      .form({ email: 'OP@example.test ', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/dashboard')
    await world.operator.refresh()
    assert.isNotNull(world.operator.lastLoginAt)
    const entry = await AuditLog.query()
      .where({ action: 'auth.login', subjectId: String(world.operator.id) })
      .firstOrFail()
    assert.equal(entry.actorLabel, 'op@example.test')
  })

  test('a wrong password is refused with a translated message', async ({ client }) => {
    await makeWorld()
    const response = await client
      .post('/login')
      .form({ email: 'op@example.test', password: 'wrong-one-1' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('error', '邮箱或密码不正确。')
  })

  test('bad input answers field errors and logs nobody in', async ({ client }) => {
    const response = await client
      .post('/login')
      .form({ email: 'not-an-email', password: '' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFieldErrors('email', ['邮箱格式不正确。'])
    response.assertFieldErrors('password', ['请填写密码。'])
  })

  test('after five wrong passwords the pair is blocked with a clear message', async ({
    client,
  }) => {
    await makeWorld()
    for (let i = 0; i < 5; i++) {
      await client
        .post('/login')
        .form({ email: 'op@example.test', password: `wrong-${i}-x` })
        .withCsrfToken()
        .redirects(0)
    }
    const blocked = await client
      .post('/login')
      .form({ email: 'op@example.test', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    blocked.assertStatus(302)
    blocked.assertFlashMessage('error', '登录失败次数过多，请 15 分钟后再试。')
  })

  test('a disabled user cannot log in', async ({ client }) => {
    const world = await makeWorld()
    world.memberA.isActive = false
    await world.memberA.save()
    const response = await client
      .post('/login')
      .form({ email: 'member-a@example.test', password: PASSWORD })
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', '该账号已停用，请联系园区运营机构。')
  })

  test('a disabled user loses the session they had', async ({ client }) => {
    const world = await makeWorld()
    const before = await client.get('/dashboard').loginAs(world.memberA).redirects(0)
    before.assertStatus(200)
    await User.query().where('id', world.memberA.id).update({ isActive: false })
    const after = await client.get('/dashboard').loginAs(world.memberA).redirects(0)
    after.assertStatus(302)
    after.assertHeader('location', '/login')
  })

  test('logout ends the session', async ({ client }) => {
    const world = await makeWorld()
    const response = await client
      .post('/logout')
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/login')
    response.assertFlashMessage('success', '您已安全退出。')
  })

  test('anonymous visitors are sent to the login page', async ({ client }) => {
    const response = await client.get('/dashboard').redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/login')
  })

  test('password change checks the current password and validates the new one', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const wrong = await client
      .put('/account/password')
      .form({ currentPassword: 'nope', password: 'Newpass123', passwordConfirmation: 'Newpass123' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    wrong.assertFieldErrors('currentPassword', ['当前密码不正确。'])
    const weak = await client
      .put('/account/password')
      .form({ currentPassword: PASSWORD, password: 'short', passwordConfirmation: 'short' })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    weak.assertFieldErrors('password', ['密码至少需要 8 个字符。'])
    const ok = await client
      .put('/account/password')
      .form({
        currentPassword: PASSWORD,
        password: 'Newpass123',
        passwordConfirmation: 'Newpass123',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    ok.assertHeader('location', '/dashboard')
    assert.isOk(await User.verifyCredentials('admin-a@example.test', 'Newpass123'))
  })

  test('the language choice is remembered on the account', async ({ client, assert }) => {
    const world = await makeWorld()
    await client
      .post('/locale')
      .form({ locale: 'en' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    await world.operator.refresh()
    assert.equal(world.operator.locale, 'en')
    const page = await client.get('/dashboard').loginAs(world.operator)
    page.assertTextIncludes('Dashboard')
  })

  test('visitors switch language with a cookie', async ({ client }) => {
    const response = await client.get('/login').withCookie('parkgate-locale', 'en')
    response.assertTextIncludes('Log in to ParkGate')
  })
})
