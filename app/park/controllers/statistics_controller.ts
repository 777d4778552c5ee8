import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import StatisticsService, { MIN_RESIDENT_ENTERPRISES } from '#park/services/statistics_service'

const asOfValidator = vine.create({ asOf: vine.date({ formats: ['YYYY-MM-DD'] }).optional() })

/** /park/statistics: the park's figures for any day, as charts with their numbers in tables. */
export default class StatisticsController {
  async show({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const { asOf } = await request.validateUsing(asOfValidator, { data: request.qs() })
    const day = asOf
      ? DateTime.fromObject({
          year: asOf.getFullYear(),
          month: asOf.getMonth() + 1,
          day: asOf.getDate(),
        })
      : DateTime.now().setZone('Asia/Shanghai').startOf('day')
    const stats = await new StatisticsService().compute(day)
    return view.render('pages/park/statistics', { stats, minimum: MIN_RESIDENT_ENTERPRISES })
  }
}
