import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ZONE, calendarDay, todayInShanghai } from '#core/dates'
import { scopeToTenant } from '#core/tenancy'
import { paginate } from '#core/services/listing'
import Facility from '#facilities/models/facility'
import Booking from '#facilities/models/booking'
import BookingSeries from '#facilities/models/booking_series'
import BookingService from '#facilities/services/booking_service'
import CalendarService from '#facilities/services/calendar_service'
import {
  bookingListValidator,
  bookingValidator,
  calendarValidator,
  cancelBookingValidator,
  newBookingValidator,
  rejectBookingValidator,
} from '#facilities/validators/facility_validator'
import {
  BOOKING_STATUSES,
  MAX_SERIES_WEEKS,
  NO_SHOW_MINUTES,
  SLOT_MINUTES,
  weekStart,
} from '#facilities/facilities'

/** /bookings: the calendar, the booking form, a booking's detail and its state changes. */
export default class BookingsController {
  /** The week (or day) calendar of one facility, rendered on the server. */
  async index({ request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('view')
    const filters = await request.validateUsing(calendarValidator, { data: request.qs() })
    // The picker needs ids and names only: one model for the facility shown, not one per facility.
    const facilities = await db
      .from('facilities')
      .where('bookable', true)
      .orderBy('name')
      .select('id', 'name')
    const facility =
      (filters.facilityId ? await Facility.find(filters.facilityId) : null) ??
      (facilities[0] ? await Facility.find(facilities[0].id) : null)
    const day = filters.date ? calendarDay(filters.date) : todayInShanghai()
    const mode = filters.view ?? 'week'
    const first = mode === 'week' ? weekStart(day) : day
    const days = Array.from({ length: mode === 'week' ? 7 : 1 }, (_, i) => first.plus({ days: i }))
    const user = auth.user!
    const grid = facility
      ? await new CalendarService().grid(facility, days, {
          tenantId: user.isTenantUser ? user.tenantId : null,
          seesNames: await bouncer.with('FacilitiesBookingPolicy').allows('seeNames'),
          canBook: await bouncer.with('FacilitiesBookingPolicy').allows('create'),
        })
      : null
    const step = mode === 'week' ? { weeks: 1 } : { days: 1 }
    return view.render('pages/bookings/calendar', {
      facilities,
      facility,
      grid,
      mode,
      date: day.toISODate(),
      previous: day.minus(step).toISODate(),
      next: day.plus(step).toISODate(),
      today: todayInShanghai().toISODate(),
      canBook: await bouncer.with('FacilitiesBookingPolicy').allows('create'),
    })
  }

  /** Bookings as a list: a tenant's own; all of them for operators and evaluators. */
  async list({ request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilityPolicy').authorize('view')
    const filters = await request.validateUsing(bookingListValidator, { data: request.qs() })
    const query = scopeToTenant(Booking.query(), auth.user).preload('facility').preload('tenant')
    if (filters.status) query.where('status', filters.status)
    if (filters.facilityId) query.where('facility_id', filters.facilityId)
    const page = await paginate(query, filters, ['number', 'starts_at', 'status'], 'starts_at')
    return view.render('pages/bookings/list', {
      page,
      filters: request.qs(),
      statuses: BOOKING_STATUSES,
      facilities: await Facility.query().orderBy('name'),
    })
  }

  /** The booking form, prefilled from the calendar cell that was chosen. */
  async create({ request, view, bouncer }: HttpContext) {
    await bouncer.with('FacilitiesBookingPolicy').authorize('create')
    const { facilityId, start } = await request.validateUsing(newBookingValidator, {
      data: request.qs(),
    })
    const facility = await Facility.findOrFail(facilityId)
    const at = start ? DateTime.fromISO(start, { zone: ZONE }) : null
    const lengths: number[] = []
    for (let m = facility.minMinutes; m <= facility.maxMinutes; m += SLOT_MINUTES) lengths.push(m)
    return view.render('pages/bookings/form', {
      facility,
      date: at?.isValid ? at.toISODate() : todayInShanghai().plus({ days: 1 }).toISODate(),
      startTime: at?.isValid ? at.toFormat('HH:mm') : '',
      lengths,
      maxWeeks: MAX_SERIES_WEEKS,
    })
  }

  /** Books for the signed-in user's own enterprise; a weekly series reports each occurrence. */
  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilitiesBookingPolicy').authorize('create')
    const payload = await request.validateUsing(bookingValidator)
    const user = auth.user!
    const bookingRequest = {
      facilityId: payload.facilityId,
      tenantId: user.tenantId!,
      userId: user.id,
      startsAt: calendarDay(payload.date).set({
        hour: Number(payload.startTime.slice(0, 2)),
        minute: Number(payload.startTime.slice(3, 5)),
      }),
      minutes: payload.minutes,
      purpose: payload.purpose,
      attendees: payload.attendees ?? null,
    }
    const service = new BookingService()
    if ((payload.weeks ?? 1) > 1) {
      const series = await service.bookWeekly(bookingRequest, payload.weeks!)
      return response.redirect().toRoute('bookings.series', { id: series.id })
    }
    const booking = await service.book(bookingRequest)
    session.flash(
      'success',
      i18n.t(booking.status === 'pending' ? 'facilities.booked_pending' : 'facilities.booked', {
        number: booking.number,
      })
    )
    return response.redirect().toRoute('bookings.show', { id: booking.id })
  }

  async show({ params, view, bouncer, auth }: HttpContext) {
    const booking = await Booking.query()
      .where('id', params.id)
      .preload('facility')
      .preload('tenant')
      .preload('booker')
      .preload('decider')
      .firstOrFail()
    await bouncer.with('FacilitiesBookingPolicy').authorize('view', booking)
    const now = DateTime.utc()
    const mayAct = await bouncer.with('FacilitiesBookingPolicy').allows('act', booking)
    const cutoff = booking.startsAt.minus({ hours: booking.facility.cancelCutoffHours })
    return view.render('pages/bookings/show', {
      booking,
      canCheckIn:
        mayAct &&
        booking.status === 'approved' &&
        now >= booking.startsAt.minus({ minutes: NO_SHOW_MINUTES }) &&
        now < booking.endsAt,
      canCancel:
        mayAct &&
        ['pending', 'approved'].includes(booking.status) &&
        (auth.user!.isOperator ? now < booking.endsAt : now <= cutoff),
    })
  }

  /** What became of each occurrence of a weekly series. */
  async series({ params, view, bouncer }: HttpContext) {
    const series = await BookingSeries.query()
      .where('id', params.id)
      .preload('facility')
      .firstOrFail()
    await bouncer.with('FacilitiesBookingPolicy').authorize('viewSeries', series)
    return view.render('pages/bookings/series', { series, zone: ZONE })
  }

  async cancel({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with('FacilitiesBookingPolicy').authorize('act', booking)
    const { reason } = await request.validateUsing(cancelBookingValidator)
    await new BookingService().cancel(booking.id, auth.user!, reason)
    session.flash('success', i18n.t('facilities.cancelled', { number: booking.number }))
    return response.redirect().toRoute('bookings.show', { id: booking.id })
  }

  async checkIn({ params, response, session, i18n, bouncer }: HttpContext) {
    const booking = await Booking.findOrFail(params.id)
    await bouncer.with('FacilitiesBookingPolicy').authorize('act', booking)
    await new BookingService().checkIn(booking.id)
    session.flash('success', i18n.t('facilities.checked_in', { number: booking.number }))
    return response.redirect().toRoute('bookings.show', { id: booking.id })
  }

  async approve({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilitiesBookingPolicy').authorize('decide')
    const booking = await new BookingService().approve(Number(params.id), auth.user!)
    session.flash('success', i18n.t('facilities.approved', { number: booking.number }))
    return response.redirect().toRoute('bookings.show', { id: booking.id })
  }

  async reject({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('FacilitiesBookingPolicy').authorize('decide')
    const { reason } = await request.validateUsing(rejectBookingValidator)
    const booking = await new BookingService().reject(Number(params.id), auth.user!, reason)
    session.flash('success', i18n.t('facilities.rejected', { number: booking.number }))
    return response.redirect().toRoute('bookings.show', { id: booking.id })
  }
}
