import type { HttpContext } from '@adonisjs/core/http'
import { calendarDay } from '#core/dates'
import Lease from '#park/models/lease'
import Tenant from '#core/models/tenant'
import LeaseService from '#park/services/lease_service'
import { paginate } from '#core/services/listing'
import { leaseListValidator, leaseValidator } from '#park/validators/lease_validator'
import { LEASE_STATUSES } from '#park/spaces'

/** Leases at /park/leases: list, create (draft or active), activate, terminate. */
export default class LeasesController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(leaseListValidator, { data: request.qs() })
    const query = Lease.query().preload('tenant').preload('units')
    if (filters.status) query.where('status', filters.status)
    if (filters.q) query.where('number', 'like', `%${filters.q.toUpperCase()}%`)
    const page = await paginate(
      query,
      filters,
      ['number', 'start_date', 'end_date', 'status'],
      'start_date'
    )
    return view.render('pages/park/leases/index', {
      page,
      filters: request.qs(),
      statuses: LEASE_STATUSES,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const tenants = await Tenant.query().whereNot('status', 'moved_out').orderBy('name')
    return view.render('pages/park/leases/form', {
      tenants,
      units: await new LeaseService().units(),
    })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const payload = await request.validateUsing(leaseValidator)
    const lease = await new LeaseService().create({
      tenantId: payload.tenantId,
      unitIds: payload.unitIds,
      startDate: calendarDay(payload.startDate),
      endDate: calendarDay(payload.endDate),
      monthlyRentFen: Math.round(payload.monthlyRent * 100),
      depositFen: Math.round(payload.deposit * 100),
      activate: payload.activate ?? false,
    })
    session.flash('success', i18n.t('park.lease_saved', { number: lease.number }))
    return response.redirect().toRoute('park.leases.show', { id: lease.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const lease = await Lease.query()
      .where('id', params.id)
      .preload('tenant')
      .preload('units', (q) => q.preload('building'))
      .firstOrFail()
    return view.render('pages/park/leases/show', { lease })
  }

  async activate({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new LeaseService().activate(Number(params.id))
    session.flash('success', i18n.t('park.lease_activated'))
    return response.redirect().toRoute('park.leases.show', { id: params.id })
  }

  async terminate({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new LeaseService().terminate(Number(params.id))
    session.flash('success', i18n.t('park.lease_terminated'))
    return response.redirect().toRoute('park.leases.show', { id: params.id })
  }
}
