import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import Department from '#core/models/department'
import CalendarDay from '#core/models/calendar_day'
import AuditLog from '#core/models/audit_log'
import { makeWorld } from '#tests/helpers/world'

test.group('Operator administration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('only operator admins manage users; staff, evaluators and tenants are refused', async ({
    client,
  }) => {
    const world = await makeWorld()
    ;(await client.get('/admin/users').loginAs(world.operator)).assertStatus(200)
    ;(await client.get('/admin/users').loginAs(world.staff).redirects(0)).assertStatus(403)
    ;(await client.get('/admin/users').loginAs(world.evaluator).redirects(0)).assertStatus(403)
    ;(await client.get('/admin/users').loginAs(world.adminA).redirects(0)).assertStatus(403)
  })

  test('creating operator staff requires a department', async ({ client, assert }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/admin/users')
      .form({
        fullName: '新同事',
        email: 'new@example.test',
        role: 'operator_staff',
        password: 'Staff2026x',
      })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('departmentId', ['请填写部门。'])
    assert.isNull(await User.findBy('email', 'new@example.test'))
    await client
      .post('/admin/users')
      .form({
        fullName: '新同事',
        email: 'new@example.test',
        role: 'operator_staff',
        password: 'Staff2026x',
        departmentId: String(world.department.id),
      })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    const created = await User.findByOrFail('email', 'new@example.test')
    assert.equal(created.departmentId, world.department.id)
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'user.created', subjectId: String(created.id) })
        .first()
    )
  })

  test('an operator admin cannot edit tenant users through the operator screens', async ({
    client,
  }) => {
    const world = await makeWorld()
    ;(
      await client.get(`/admin/users/${world.adminA.id}/edit`).loginAs(world.operator).redirects(0)
    ).assertStatus(403)
  })

  test('disabling a user is audited and they cannot disable themselves', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await client
      .post(`/admin/users/${world.staff.id}/toggle`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    await world.staff.refresh()
    assert.isFalse(world.staff.isActive)
    assert.isOk(await AuditLog.findBy('action', 'user.disabled'))
    const self = await client
      .post(`/admin/users/${world.operator.id}/toggle`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    self.assertFlashMessage('error', '不能停用自己的账号。')
  })

  test('departments: create, validate, publish, refuse deleting one with staff', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/admin/departments')
      .form({ name: '', responsibilities: 'x' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('name', ['请填写名称。'])
    await client
      .post('/admin/departments')
      .form({ name: '法律服务部', responsibilities: '提供知识产权与合规咨询', phone: '0755-1' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.isOk(await Department.findBy('name', '法律服务部'))
    const dup = await client
      .post('/admin/departments')
      .form({ name: '法律服务部', responsibilities: '重复的部门名称' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    dup.assertFieldErrors('name', ['已有同名部门。'])
    const publicPage = await client.get('/departments')
    publicPage.assertTextIncludes('提供知识产权与合规咨询')
    const blocked = await client
      .delete(`/admin/departments/${world.department.id}`)
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    blocked.assertFlashMessage('error', '该部门还有 1 名工作人员，请先调整其所属部门。')
    ;(await client.get('/admin/departments').loginAs(world.staff).redirects(0)).assertStatus(403)
  })

  test('calendar: operators add a day off; a bad date is refused', async ({ client, assert }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/admin/calendar')
      .form({ day: '2027-02-30', kind: 'day_off', name: '春节' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('day', ['日期不是有效日期。'])
    await client
      .post('/admin/calendar')
      .form({ day: '2027-02-06', kind: 'day_off', name: '春节' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await CalendarDay.findByOrFail('day', '2027-02-06')).kind, 'day_off')
    const page = await client.get('/admin/calendar?year=2027').loginAs(world.staff)
    page.assertTextIncludes('2027-02-06')
    ;(await client.get('/admin/calendar').loginAs(world.adminA).redirects(0)).assertStatus(403)
  })

  test('the audit trail is browsed and filtered by operator admins only', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await client
      .post('/admin/departments')
      .form({ name: '审计测试部', responsibilities: '用于审计测试' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    const page = await client.get('/admin/audit?action=department.').loginAs(world.operator)
    page.assertStatus(200)
    page.assertTextIncludes('department.created')
    const none = await client.get('/admin/audit?action=nothing.').loginAs(world.operator)
    assert.notInclude(none.text(), 'department.created')
    ;(await client.get('/admin/audit').loginAs(world.staff).redirects(0)).assertStatus(403)
  })
})
