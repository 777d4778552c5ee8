import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import TrackingService from '#single_window/tracking/tracking_service'
import { trackLookupLimiter } from '#start/limiter'
import { trackValidator } from '#single_window/validators/single_window_validator'
import { swMessages } from '#single_window/validators/messages'

/**
 * /track (public): a waybill's timeline by its number (SZDB/Z 304.1 6.6), stage, action, time and
 * place only: no tenant, buyer, consignee or declaration is shown.
 */
export default class PublicTrackingController {
  async show({ request, response, view, i18n }: HttpContext) {
    const { number } = await request.validateUsing(trackValidator, {
      data: request.qs(),
      messagesProvider: swMessages(i18n),
    })
    if (!number) return view.render('pages/single_window/track', { number: '', events: null })
    try {
      await trackLookupLimiter().consume(`track_${request.ip()}`)
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const minutes = Math.max(1, Math.ceil(error.response.availableIn / 60))
      response.status(429)
      return view.render('pages/single_window/track', { number, events: null, throttled: minutes })
    }
    const events = await TrackingService.timeline(number)
    return view.render('pages/single_window/track', { number, events })
  }
}
