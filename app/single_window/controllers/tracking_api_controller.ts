import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { errors as vineErrors } from '@vinejs/vine'
import DomainException from '#core/exceptions/domain_exception'
import ApiTokenService from '#single_window/tracking/api_token_service'
import TrackingService from '#single_window/tracking/tracking_service'
import { trackingApiLimiter } from '#start/limiter'
import { swMessages } from '#single_window/validators/messages'
import { trackingEventsValidator } from '#single_window/validators/single_window_validator'

type ApiError = { code: string; message: string; field?: string }

/**
 * POST /api/tracking/events for warehouse scanners (SZDB/Z 304.1 6.6: each waybill's stage,
 * action, time and place). `Authorization: Bearer <token>` names the tenant; the same event id
 * twice is the same event (idempotent). Answers are JSON: 201 with the new ids, 200 when every
 * event was a repeat, 401/422/429 with `errors: [{ code, message, field? }]`.
 */
export default class TrackingApiController {
  async store({ request, response, i18n }: HttpContext) {
    const fail = (status: number, errors: ApiError[]) => response.status(status).json({ errors })
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1] ?? null

    const token = await new ApiTokenService().verify(bearer)
    try {
      if (!token) {
        await trackingApiLimiter('refused').consume(`tracking_refused_${request.ip()}`)
      } else {
        await trackingApiLimiter('token').consume(`tracking_token_${token.id}`)
      }
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      response.header('Retry-After', String(error.response.availableIn))
      return fail(429, [
        {
          code: 'E_TOO_MANY_REQUESTS',
          message: i18n.t('sw_web.api.throttled', { seconds: error.response.availableIn }),
        },
      ])
    }
    if (!token) {
      response.header('WWW-Authenticate', 'Bearer realm="tracking"')
      return fail(401, [
        {
          code: bearer ? 'E_INVALID_TOKEN' : 'E_MISSING_TOKEN',
          message: i18n.t(bearer ? 'sw_web.api.invalid_token' : 'sw_web.api.missing_token'),
        },
      ])
    }
    if (!request.is(['json'])) {
      return fail(415, [
        { code: 'E_UNSUPPORTED_MEDIA_TYPE', message: i18n.t('sw_web.api.json_only') },
      ])
    }

    const body = request.body()
    const data = Array.isArray(body.events) || 'events' in body ? body : { events: [body] }
    let payload
    try {
      payload = await trackingEventsValidator.validate(data, { messagesProvider: swMessages(i18n) })
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      return fail(
        422,
        (error.messages as { field: string; message: string }[]).map((m) => ({
          code: 'E_VALIDATION',
          field: m.field,
          message: m.message,
        }))
      )
    }

    const events = []
    for (const [index, event] of payload.events.entries()) {
      // ISO 8601 with an offset (a scanner's local time must say which zone it is in).
      const occurredAt = DateTime.fromISO(event.occurredAt, { setZone: true })
      if (!occurredAt.isValid || !/([zZ]|[+-]\d{2}:?\d{2})$/.test(event.occurredAt)) {
        return fail(422, [
          {
            code: 'E_VALIDATION',
            field: `events.${index}.occurredAt`,
            message: i18n.t('sw_web.api.time', { index: index + 1 }),
          },
        ])
      }
      events.push({ ...event, occurredAt, place: event.place ?? null })
    }
    try {
      const result = await new TrackingService().recordScanned(token.tenantId, events)
      return response.status(result.created.length ? 201 : 200).json({
        created: result.created,
        duplicates: result.duplicates,
      })
    } catch (error) {
      if (!(error instanceof DomainException)) throw error
      return fail(error.status, [
        { code: 'E_VALIDATION', field: error.field, message: i18n.t(error.message, error.data) },
      ])
    }
  }
}
