import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { calendarDay, todayInShanghai } from '#core/dates'
import StatisticsService, { MIN_RESIDENT_ENTERPRISES } from '#park/services/statistics_service'
import { buildStatisticsWorkbook } from '#park/services/statistics_workbook'
import { sendXlsx } from '#core/xlsx'

const asOfValidator = vine.create({ asOf: vine.date({ formats: ['YYYY-MM-DD'] }).optional() })

/** /park/statistics: the park's figures for any day, as charts with their numbers in tables. */
export default class StatisticsController {
  async show({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const stats = await new StatisticsService().compute(await this.asOf(request))
    return view.render('pages/park/statistics', { stats, minimum: MIN_RESIDENT_ENTERPRISES })
  }

  /** The same figures as an Excel workbook. */
  async workbook({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const stats = await new StatisticsService().compute(await this.asOf(request))
    const workbook = await buildStatisticsWorkbook(stats, i18n)
    return sendXlsx(response, `park-statistics-${stats.asOf}.xlsx`, workbook)
  }

  /** The chosen day (Shanghai), today by default. */
  private async asOf(request: HttpContext['request']) {
    const { asOf } = await request.validateUsing(asOfValidator, { data: request.qs() })
    return asOf ? calendarDay(asOf) : todayInShanghai()
  }
}
