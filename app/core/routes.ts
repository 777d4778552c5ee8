/*
|--------------------------------------------------------------------------
| Core routes: accounts, registration, administration, health
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { core } = controllers

router
  .get('/', ({ response, auth }) => response.redirect(auth.user ? '/dashboard' : '/login'))
  .as('home')
router.get('/health', [core.Health, 'show']).as('health')
router.get('/vendor/chart.umd.js', [core.Vendor, 'chartJs']).as('vendor.chartjs')
router.post('/locale', [core.Account, 'updateLocale']).as('locale.update')
router.get('/departments', [core.Departments, 'publicIndex']).as('departments.public')
router.get('/register/status/:number', [core.Register, 'status']).as('register.status')

router
  .group(() => {
    router.get('/login', [core.Session, 'create']).as('session.create')
    router.post('/login', [core.Session, 'store']).as('session.store')
    router.get('/register', [core.Register, 'create']).as('register.create')
    router.post('/register', [core.Register, 'store']).as('register.store')
  })
  .use(middleware.guest())

router
  .group(() => {
    router.post('/logout', [core.Session, 'destroy']).as('session.destroy')
    router.get('/dashboard', [core.Dashboard, 'show']).as('dashboard')
    router.get('/account/password', [core.Account, 'editPassword']).as('account.password.edit')
    router.put('/account/password', [core.Account, 'updatePassword']).as('account.password.update')
    router.get('/notifications', [core.Notifications, 'index']).as('notifications.index')
    router.post('/notifications/read', [core.Notifications, 'readAll']).as('notifications.read_all')
    router
      .post('/notifications/:id/open', [core.Notifications, 'open'])
      .as('notifications.open')
      .where('id', router.matchers.number())
    router
      .get('/attachments/:id', [core.Attachments, 'show'])
      .as('attachments.show')
      .where('id', router.matchers.number())

    router
      .group(() => {
        router.get('/registrations', [core.Registrations, 'index']).as('registrations.index')
        router.get('/registrations/:id', [core.Registrations, 'show']).as('registrations.show')
        router
          .post('/registrations/:id/approve', [core.Registrations, 'approve'])
          .as('registrations.approve')
        router
          .post('/registrations/:id/reject', [core.Registrations, 'reject'])
          .as('registrations.reject')

        router.get('/users', [core.Users, 'index']).as('users.index')
        router.get('/users/create', [core.Users, 'create']).as('users.create')
        router.post('/users', [core.Users, 'store']).as('users.store')
        router.get('/users/:id/edit', [core.Users, 'edit']).as('users.edit')
        router.put('/users/:id', [core.Users, 'update']).as('users.update')
        router.post('/users/:id/toggle', [core.Users, 'toggle']).as('users.toggle')

        router.get('/departments', [core.Departments, 'index']).as('departments.index')
        router.get('/departments/create', [core.Departments, 'create']).as('departments.create')
        router.post('/departments', [core.Departments, 'store']).as('departments.store')
        router.get('/departments/:id/edit', [core.Departments, 'edit']).as('departments.edit')
        router.put('/departments/:id', [core.Departments, 'update']).as('departments.update')
        router.delete('/departments/:id', [core.Departments, 'destroy']).as('departments.destroy')

        router.get('/audit', [core.Audit, 'index']).as('audit.index')
        router.get('/audit/:id', [core.Audit, 'show']).as('audit.show')

        router.get('/calendar', [core.Calendar, 'index']).as('calendar.index')
        router.post('/calendar', [core.Calendar, 'store']).as('calendar.store')
        router.delete('/calendar/:id', [core.Calendar, 'destroy']).as('calendar.destroy')
      })
      .prefix('/admin')
      .as('admin')
      .where('id', router.matchers.number())
      .use(middleware.role({ roles: ['operator_admin', 'operator_staff'] }))

    router
      .group(() => {
        router.get('/members', [core.Members, 'index']).as('members.index')
        router.get('/members/create', [core.Members, 'create']).as('members.create')
        router.post('/members', [core.Members, 'store']).as('members.store')
        router.post('/members/:id/toggle', [core.Members, 'toggle']).as('members.toggle')
      })
      .prefix('/tenant')
      .as('tenant')
      .where('id', router.matchers.number())
      .use(middleware.role({ roles: ['tenant_admin', 'tenant_member'] }))
  })
  .use(middleware.auth())
