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

/*
|--------------------------------------------------------------------------
| Consultations, FAQ and opinion polls (SZDB/Z 304.1 6.9.1, 6.9.2)
|--------------------------------------------------------------------------
*/

/* The public asks without an account and reads the answer through its signed link. */
router
  .group(() => {
    router.get('/ask', [complaints.PublicConsultations, 'create']).as('create')
    router.post('/ask', [complaints.PublicConsultations, 'store']).as('store')
    router.get('/answer/:id', [complaints.PublicConsultations, 'show']).as('show')
  })
  .prefix('/consultations')
  .as('consultations.public')
  .where('id', router.matchers.number())

/* Operators answer, evaluators read. */
router
  .group(() => {
    router.get('/', [complaints.Consultations, 'index']).as('index')
    router.get('/:id', [complaints.Consultations, 'show']).as('show')
    router.post('/:id/answer', [complaints.Consultations, 'answer']).as('answer')
    router.get('/:id/faq', [complaints.Consultations, 'faqForm']).as('faq')
    router.post('/:id/faq', [complaints.Consultations, 'faqStore']).as('faq.store')
  })
  .prefix('/consultations')
  .as('consultations')
  .where('id', router.matchers.number())
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])

/* A tenant's own consultations in its portal. */
router
  .group(() => {
    router
      .get('/consultations', [complaints.TenantConsultations, 'index'])
      .as('consultations.index')
    router
      .get('/consultations/create', [complaints.TenantConsultations, 'create'])
      .as('consultations.create')
    router
      .post('/consultations', [complaints.TenantConsultations, 'store'])
      .as('consultations.store')
    router
      .get('/consultations/:id', [complaints.TenantConsultations, 'show'])
      .as('consultations.show')
  })
  .prefix('/tenant')
  .as('tenant')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])

/* The FAQ, public. */
router.get('/faq', [complaints.Faq, 'index']).as('faq.index')
router
  .get('/faq/:id', [complaints.Faq, 'show'])
  .as('faq.show')
  .where('id', router.matchers.number())

/* Operators keep the FAQ. */
router
  .group(() => {
    router.get('/', [complaints.FaqManage, 'index']).as('index')
    router.get('/create', [complaints.FaqManage, 'create']).as('create')
    router.post('/', [complaints.FaqManage, 'store']).as('store')
    router.get('/:id/edit', [complaints.FaqManage, 'edit']).as('edit')
    router.put('/:id', [complaints.FaqManage, 'update']).as('update')
    router.post('/:id/publish', [complaints.FaqManage, 'publish']).as('publish')
    router.post('/:id/unpublish', [complaints.FaqManage, 'unpublish']).as('unpublish')
    router.get('/categories', [complaints.FaqManage, 'categories']).as('categories')
    router.post('/categories', [complaints.FaqManage, 'storeCategory']).as('categories.store')
    router.put('/categories/:id', [complaints.FaqManage, 'updateCategory']).as('categories.update')
  })
  .prefix('/faq/manage')
  .as('faq.manage')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['operator_admin', 'operator_staff'] })])

/* Polls: the public reads, tenants give opinions. */
router.get('/polls', [complaints.Polls, 'index']).as('polls.index')
router
  .get('/polls/:id', [complaints.Polls, 'show'])
  .as('polls.show')
  .where('id', router.matchers.number())
router
  .post('/polls/:id/opinions', [complaints.Polls, 'opine'])
  .as('polls.opine')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])

/* Operators run polls; evaluators read the opinions. */
router
  .group(() => {
    router.get('/', [complaints.PollManage, 'index']).as('index')
    router.get('/create', [complaints.PollManage, 'create']).as('create')
    router.post('/', [complaints.PollManage, 'store']).as('store')
    router.get('/:id', [complaints.PollManage, 'show']).as('show')
    router.post('/:id/respond', [complaints.PollManage, 'respond']).as('respond')
  })
  .prefix('/polls/manage')
  .as('polls.manage')
  .where('id', router.matchers.number())
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])
