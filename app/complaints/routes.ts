/*
|--------------------------------------------------------------------------
| Complaint routes (GB/T 39678 7.3; SZDB/Z 304.1 6.9.3)
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { complaints } = controllers

/* The public channel: anyone files, keeps a receipt, answers through its link, looks up. */
router
  .group(() => {
    router.get('/new', [complaints.PublicComplaints, 'create']).as('new')
    router.post('/new', [complaints.PublicComplaints, 'store']).as('store')
    router.get('/lookup', [complaints.PublicComplaints, 'lookup']).as('lookup')
    router.get('/receipt/:number', [complaints.PublicComplaints, 'receipt']).as('receipt')
    router
      .post('/receipt/:number/feedback', [complaints.PublicComplaints, 'feedback'])
      .as('feedback')
  })
  .prefix('/complaints')
  .as('complaints.public')

/* Operators handle, evaluators read (policies decide which). */
router
  .group(() => {
    router.get('/', [complaints.Complaints, 'index']).as('index')
    router.get('/ledger.xlsx', [complaints.ComplaintReports, 'ledger']).as('ledger')
    router.get('/statistics', [complaints.ComplaintReports, 'statistics']).as('statistics')
    router.get('/intake', [complaints.Complaints, 'create']).as('create')
    router.post('/intake', [complaints.Complaints, 'store']).as('store')
    router.get('/categories', [complaints.ComplaintCategories, 'index']).as('categories.index')
    router
      .get('/categories/create', [complaints.ComplaintCategories, 'create'])
      .as('categories.create')
    router.post('/categories', [complaints.ComplaintCategories, 'store']).as('categories.store')
    router
      .get('/categories/:id/edit', [complaints.ComplaintCategories, 'edit'])
      .as('categories.edit')
    router
      .put('/categories/:id', [complaints.ComplaintCategories, 'update'])
      .as('categories.update')
    router.get('/:id', [complaints.Complaints, 'show']).as('show')
    router.get('/:id/receipt', [complaints.Complaints, 'receipt']).as('receipt')
    for (const action of [
      'accept',
      'decline',
      'start',
      'await',
      'resume',
      'resolve',
      'close',
      'reopen',
      'callback',
    ] as const) {
      router.post(`/:id/${action}`, [complaints.ComplaintActions, action]).as(action)
    }
  })
  .prefix('/complaints')
  .as('complaints')
  .where('id', router.matchers.number())
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])

/* A tenant's own complaints in its portal. */
router
  .group(() => {
    router.get('/complaints', [complaints.TenantComplaints, 'index']).as('complaints.index')
    router
      .get('/complaints/create', [complaints.TenantComplaints, 'create'])
      .as('complaints.create')
    router.post('/complaints', [complaints.TenantComplaints, 'store']).as('complaints.store')
    router.get('/complaints/:id', [complaints.TenantComplaints, 'show']).as('complaints.show')
    router
      .get('/complaints/:id/receipt', [complaints.TenantComplaints, 'receipt'])
      .as('complaints.receipt')
    router
      .post('/complaints/:id/feedback', [complaints.TenantComplaints, 'feedback'])
      .as('complaints.feedback')
  })
  .prefix('/tenant')
  .as('tenant')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])
