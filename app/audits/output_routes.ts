/*
|--------------------------------------------------------------------------
| Audit output routes (issue 7 "Outputs"): report workbook, print report, evidence bundle
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { audits } = controllers

router
  .group(() => {
    router.get('/:id/report.xlsx', [audits.AuditOutputs, 'xlsx']).as('report_xlsx')
    router.get('/:id/report', [audits.AuditOutputs, 'report']).as('report')
    router.get('/:id/bundle.zip', [audits.AuditOutputs, 'bundle']).as('bundle')
  })
  .prefix('/audits')
  .as('audits.outputs')
  .where('id', router.matchers.number())
  .use(middleware.auth())
