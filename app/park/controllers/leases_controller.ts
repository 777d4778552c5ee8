import type { HttpContext } from '@adonisjs/core/http'
import { calendarDay } from '#core/dates'
import Lease from '#park/models/lease'
import Tenant from '#core/models/tenant'
import Building from '#park/models/building'
import LeaseService from '#park/services/lease_service'
import { buildLeaseWorkbook } from '#park/services/lease_workbook'
import { paginate } from '#core/services/listing'
import {
  leaseListValidator,
  leaseValidator,
  renewalValidator,
} from '#park/validators/lease_validator'
import { LEASE_STATUSES } from '#park/spaces'
import { sendXlsx } from '#core/xlsx'

const toFen = (yuan: number) => Math.round(yuan * 100)

/** Leases at /park/leases: list and export, create (draft or active), activate, renew, terminate. */
export default class LeasesController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(leaseListValidator, { data: request.qs() })
    const query = new LeaseService().filtered(filters).preload('tenant').preload('units')
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
      buildings: await Building.query().orderBy('code'),
    })
  }

  /** The list with its current filters, as Excel. */
  async export({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(leaseListValidator, { data: request.qs() })
    const leases = await new LeaseService()
      .filtered(filters)
      .preload('tenant')
      .preload('units')
      .preload('renewedFrom')
      .orderBy('start_date', 'desc')
      .orderBy('id', 'desc')
    return sendXlsx(response, 'park-leases.xlsx', await buildLeaseWorkbook(leases, i18n))
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
      monthlyRentFen: toFen(payload.monthlyRent),
      depositFen: toFen(payload.deposit),
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
      .preload('renewedFrom')
      .preload('renewal')
      .firstOrFail()
    return view.render('pages/park/leases/show', { lease })
  }

  async activate({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new LeaseService().activate(Number(params.id))
    session.flash('success', i18n.t('park.lease_activated'))
    return response.redirect().toRoute('park.leases.show', { id: params.id })
  }

  async editRenewal({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const lease = await Lease.query()
      .where('id', params.id)
      .preload('tenant')
      .preload('units', (q) => q.preload('building'))
      .firstOrFail()
    return view.render('pages/park/leases/renew', { lease })
  }

  async renew({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const payload = await request.validateUsing(renewalValidator)
    const renewal = await new LeaseService().renew(Number(params.id), {
      endDate: calendarDay(payload.endDate),
      monthlyRentFen: toFen(payload.monthlyRent),
      depositFen: toFen(payload.deposit),
    })
    session.flash('success', i18n.t('leases.renewed', { number: renewal.number }))
    return response.redirect().toRoute('park.leases.show', { id: renewal.id })
  }

  async terminate({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new LeaseService().terminate(Number(params.id))
    session.flash('success', i18n.t('park.lease_terminated'))
    return response.redirect().toRoute('park.leases.show', { id: params.id })
  }
}
