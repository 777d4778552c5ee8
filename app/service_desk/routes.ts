/*
|--------------------------------------------------------------------------
| Service catalogue and service request routes (GB/T 39678 6, 7.1)
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { serviceDesk } = controllers

/* The catalogue: everyone signed in reads it; the policy lets operators edit it. */
router
  .group(() => {
    router.get('/', [serviceDesk.ServiceItems, 'index']).as('index')
    router.get('/create', [serviceDesk.ServiceItems, 'create']).as('create')
    router.post('/', [serviceDesk.ServiceItems, 'store']).as('store')
    router.get('/:id/edit', [serviceDesk.ServiceItems, 'edit']).as('edit')
    router.put('/:id', [serviceDesk.ServiceItems, 'update']).as('update')
  })
  .prefix('/services')
  .as('services')
  .where('id', router.matchers.number())
  .use([middleware.auth()])

/* Operators handle requests, evaluators read them (policies decide which). */
router
  .group(() => {
    router.get('/', [serviceDesk.ServiceRequests, 'index']).as('index')
    router.get('/export.xlsx', [serviceDesk.ServiceRequests, 'export']).as('export')
    router.get('/:id', [serviceDesk.ServiceRequests, 'show']).as('show')
    for (const action of ['assign', 'start', 'note', 'complete', 'close'] as const) {
      router.post(`/:id/${action}`, [serviceDesk.ServiceRequests, action]).as(action)
    }
  })
  .prefix('/service-requests')
  .as('service_requests')
  .where('id', router.matchers.number())
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])

/* A tenant's own requests in its portal. */
router
  .group(() => {
    router.get('/', [serviceDesk.TenantServiceRequests, 'index']).as('index')
    router.get('/create', [serviceDesk.TenantServiceRequests, 'create']).as('create')
    router.post('/', [serviceDesk.TenantServiceRequests, 'store']).as('store')
    router.get('/:id', [serviceDesk.TenantServiceRequests, 'show']).as('show')
    router.post('/:id/confirm', [serviceDesk.TenantServiceRequests, 'confirm']).as('confirm')
    router.post('/:id/reopen', [serviceDesk.TenantServiceRequests, 'reopen']).as('reopen')
  })
  .prefix('/tenant/service-requests')
  .as('tenant.service_requests')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])
