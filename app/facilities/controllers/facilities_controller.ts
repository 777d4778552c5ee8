import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { create as contentDisposition } from 'content-disposition'
import Attachment from '#core/models/attachment'
import AttachmentService from '#core/services/attachment_service'
import DomainException from '#core/exceptions/domain_exception'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import FacilityService, { type FacilityInput } from '#facilities/services/facility_service'
import { blockValidator, facilityValidator } from '#facilities/validators/facility_validator'
import { FACILITY_TYPES, WEEKDAYS, toSqlUtc, type OpeningHours } from '#facilities/facilities'

type FacilityPayload = Awaited<ReturnType<typeof facilityValidator.validate>>

/** The form's payload as the service's input: yuan to fen, the week's hours (both times or closed). */
function toInput(payload: FacilityPayload): FacilityInput {
  const hours = {} as OpeningHours
  for (const day of WEEKDAYS) {
    const entry = (
      payload.hours as Record<string, { open?: string; close?: string } | undefined>
    )?.[day]
    if (entry?.open && entry?.close) hours[day] = { open: entry.open, close: entry.close }
    else if (entry?.open || entry?.close) {
      throw new DomainException('facilities.hours_both', {}, { field: `hours.${day}.close` })
    } else hours[day] = null
  }
  return {
    name: payload.name,
    facilityType: payload.facilityType,
    location: payload.location,
    capacity: payload.capacity,
    description: payload.description ?? null,
    openingHours: hours,
    needsApproval: payload.needsApproval ?? false,
    bookable: payload.bookable ?? false,
    freeHoursPerMonth: payload.freeHoursPerMonth,
    pricePerHourFen: Math.round(payload.pricePerHour * 100),
    minMinutes: payload.minMinutes,
    maxMinutes: payload.maxMinutes,
    cancelCutoffHours: payload.cancelCutoffHours,
  }
}

/** /facilities: the register (everyone reads; operators edit, add photos and block time). */
export default class FacilitiesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('view')
    const facilities = await Facility.query().orderBy('name')
    return view.render('pages/facilities/index', { facilities })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    return view.render('pages/facilities/form', {
      facility: null,
      types: FACILITY_TYPES,
      photos: [],
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    const payload = await request.validateUsing(facilityValidator)
    const facility = await new FacilityService().create(
      toInput(payload),
      payload.photos ?? [],
      auth.user!.id
    )
    session.flash('success', i18n.t('facilities.saved', { name: facility.name }))
    return response.redirect().toRoute('facilities.show', { id: facility.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('view')
    const facility = await Facility.findOrFail(params.id)
    const blocks = await facility
      .related('blocks')
      .query()
      .where('ends_at', '>', toSqlUtc(DateTime.utc()))
      .orderBy('starts_at')
    const photos = await new FacilityService().photos(facility.id)
    return view.render('pages/facilities/show', { facility, blocks, photos, zone: ZONE })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    const facility = await Facility.findOrFail(params.id)
    const photos = await new FacilityService().photos(facility.id)
    return view.render('pages/facilities/form', { facility, types: FACILITY_TYPES, photos })
  }

  async update({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    const payload = await request.validateUsing(facilityValidator)
    const facility = await new FacilityService().update(
      Number(params.id),
      toInput(payload),
      payload.photos ?? [],
      auth.user!.id
    )
    session.flash('success', i18n.t('facilities.saved', { name: facility.name }))
    return response.redirect().toRoute('facilities.show', { id: facility.id })
  }

  /** A facility's photo, for everyone who may see the facility. */
  async photo({ params, response, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('view')
    const photo = await Attachment.query()
      .where({ id: params.photoId, ownerType: 'facility', ownerId: String(params.id) })
      .firstOrFail()
    response.header('Content-Type', photo.mimeType)
    response.header('Content-Length', String(photo.size))
    response.header(
      'Content-Disposition',
      contentDisposition(photo.originalName, { type: 'inline' })
    )
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'private, max-age=3600')
    return response.stream(await new AttachmentService().read(photo))
  }

  async destroyPhoto({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    await new FacilityService().deletePhoto(Number(params.id), Number(params.photoId))
    session.flash('success', i18n.t('facilities.photo_deleted'))
    return response.redirect().toRoute('facilities.edit', { id: params.id })
  }

  async storeBlock({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    const payload = await request.validateUsing(blockValidator)
    await new FacilityService().addBlock(
      Number(params.id),
      {
        startsAt: DateTime.fromISO(payload.startsAt, { zone: ZONE }),
        endsAt: DateTime.fromISO(payload.endsAt, { zone: ZONE }),
        reason: payload.reason,
      },
      auth.user!.id
    )
    session.flash('success', i18n.t('facilities.blocked_saved'))
    return response.redirect().toRoute('facilities.show', { id: params.id })
  }

  async destroyBlock({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('manage')
    await new FacilityService().removeBlock(Number(params.id), Number(params.blockId))
    session.flash('success', i18n.t('facilities.block_removed'))
    return response.redirect().toRoute('facilities.show', { id: params.id })
  }
}
