import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#core/models/tenant'
import TenantRegisterService from '#park/services/tenant_register_service'
import { paginate } from '#core/services/listing'
import { tenantListValidator, tenantRegisterValidator } from '#park/validators/tenant_validator'
import { BUSINESS_MODES, ENTERPRISE_TYPES, TENANT_STATUSES } from '#park/spaces'

const choices = { types: ENTERPRISE_TYPES, modes: BUSINESS_MODES, statuses: TENANT_STATUSES }

/** The enterprise register at /park/tenants (operators). */
export default class TenantsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(tenantListValidator, { data: request.qs() })
    const query = Tenant.query()
    if (filters.status) query.where('status', filters.status)
    // Types and modes are JSON arrays of codes; a quoted code matches exactly one element.
    if (filters.enterpriseType)
      query.where('enterprise_types', 'like', `%"${filters.enterpriseType}"%`)
    if (filters.businessMode) query.where('business_modes', 'like', `%"${filters.businessMode}"%`)
    if (filters.q) {
      const q = filters.q
      query.where((w) => w.where('name', 'like', `%${q}%`).orWhere('uscc', q.toUpperCase()))
    }
    const page = await paginate(
      query,
      filters,
      ['name', 'uscc', 'status', 'move_in_date', 'headcount'],
      'name',
      'asc'
    )
    return view.render('pages/park/tenants/index', { page, filters: request.qs(), ...choices })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/tenants/show', { tenant: await Tenant.findOrFail(params.id) })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/tenants/form', {
      tenant: await Tenant.findOrFail(params.id),
      ...choices,
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const tenant = await Tenant.findOrFail(params.id)
    await new TenantRegisterService().update(
      tenant,
      await request.validateUsing(tenantRegisterValidator)
    )
    session.flash('success', i18n.t('park.tenant_saved'))
    return response.redirect().toRoute('park.tenants.show', { id: tenant.id })
  }
}
