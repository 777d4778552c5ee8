import type { HttpContext } from '@adonisjs/core/http'
import DashboardService from '#core/services/dashboard_service'

/** One dashboard per kind of user, with real counts and a chart. */
export default class DashboardController {
  async show({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const service = new DashboardService()
    if (user.isOperator)
      return view.render('pages/dashboard/operator', { stats: await service.forOperator() })
    if (user.isEvaluator)
      return view.render('pages/dashboard/evaluator', { stats: await service.forEvaluator() })
    return view.render('pages/dashboard/tenant', { stats: await service.forTenant(user) })
  }
}
