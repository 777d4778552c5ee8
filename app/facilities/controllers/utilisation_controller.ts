import type { HttpContext } from '@adonisjs/core/http'
import { calendarDay, todayInShanghai } from '#core/dates'
import UtilisationService from '#facilities/services/utilisation_service'
import { buildUtilisationWorkbook } from '#facilities/services/utilisation_workbook'
import { utilisationValidator } from '#facilities/validators/facility_validator'
import { sendXlsx } from '#core/xlsx'

/** /facility-utilisation: booked against available hours, by week or month, with its workbook. */
export default class UtilisationController {
  async show({ request, view, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('report')
    return view.render('pages/bookings/utilisation', { report: await this.report(request) })
  }

  async workbook({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('report')
    const report = await this.report(request)
    const file = await buildUtilisationWorkbook(report, i18n)
    return sendXlsx(response, `facility-utilisation-${report.period}-${report.until}.xlsx`, file)
  }

  private async report(request: HttpContext['request']) {
    const filters = await request.validateUsing(utilisationValidator, { data: request.qs() })
    return new UtilisationService().compute({
      period: filters.period ?? 'week',
      until: filters.until ? calendarDay(filters.until) : todayInShanghai(),
    })
  }
}
