/*
|--------------------------------------------------------------------------
| Audit workspace routes (GB/T 39678-2020 §8): audits, the clause heatmap, a clause's evidence and
| verdict, the operators' preparation checklist, findings, and the tenants' confirmations.
| The report and bundle downloads live in their own routes file (output_routes.ts).
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { audits } = controllers

/* Operators and evaluators; the policies decide who may write what. */
router
  .group(() => {
    router.get('/', [audits.Audits, 'index']).as('index')
    router.get('/create', [audits.Audits, 'create']).as('create')
    router.post('/', [audits.Audits, 'store']).as('store')
    router.get('/:id', [audits.Audits, 'show']).as('show')
    router.post('/:id/evaluators', [audits.Audits, 'evaluators']).as('evaluators')
    router.post('/:id/transitions/:action', [audits.Audits, 'transition']).as('transition')

    router.get('/:id/preparation', [audits.AuditPreparation, 'index']).as('preparation')
    router.post('/:id/documents', [audits.AuditPreparation, 'store']).as('documents.store')
    router
      .get('/:id/documents/:document', [audits.AuditPreparation, 'download'])
      .as('documents.show')
    router
      .post('/:id/documents/:document/clauses', [audits.AuditPreparation, 'link'])
      .as('documents.link')
    router
      .post('/:id/documents/:document/delete', [audits.AuditPreparation, 'destroy'])
      .as('documents.destroy')

    router.get('/:id/clauses/:clause', [audits.AuditClauses, 'show']).as('clauses.show')
    router
      .post('/:id/clauses/:clause/verdict', [audits.AuditClauses, 'verdict'])
      .as('clauses.verdict')
    router
      .post('/:id/clauses/:clause/observations', [audits.AuditClauses, 'observe'])
      .as('clauses.observe')
    router
      .post('/:id/clauses/:clause/confirmations', [audits.AuditClauses, 'confirm'])
      .as('clauses.confirm')
    router
      .post('/:id/clauses/:clause/samples', [audits.AuditClauses, 'sample'])
      .as('clauses.sample')
    router
      .post('/:id/clauses/:clause/findings', [audits.AuditClauses, 'finding'])
      .as('clauses.finding')
    router.post('/:id/sample-items/:item', [audits.AuditClauses, 'judge']).as('sample_items.judge')
    router.get('/:id/photos/:photo', [audits.AuditClauses, 'photo']).as('photos.show')

    router.get('/:id/findings', [audits.AuditFindings, 'index']).as('findings.index')
    router
      .post('/:id/findings/:finding/close', [audits.AuditFindings, 'close'])
      .as('findings.close')
  })
  .prefix('/audits')
  .as('audits')
  .where('id', router.matchers.number())
  .where('document', router.matchers.number())
  .where('item', router.matchers.number())
  .where('photo', router.matchers.number())
  .where('finding', router.matchers.number())
  .where('clause', /^\d+(\.\d+)*$/)
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])

/* GB/T 39678 §8 向产业园企业确认: a tenant answers the questions sent to its own enterprise. */
router
  .group(() => {
    router.get('/', [audits.TenantConfirmations, 'index']).as('index')
    router.get('/:id', [audits.TenantConfirmations, 'show']).as('show')
    router.post('/:id', [audits.TenantConfirmations, 'answer']).as('answer')
  })
  .prefix('/tenant/confirmations')
  .as('tenant.confirmations')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])
