import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#core/models/tenant'
import TenantRegisterService from '#park/services/tenant_register_service'
import TenantProfileService from '#park/services/tenant_profile_service'
import TenantDocument from '#park/models/tenant_document'
import DocumentService from '#park/services/document_service'
import { paginate } from '#core/services/listing'
import {
  buildRosterWorkbook,
  ROSTER_COLUMNS,
  type RosterRow,
} from '#park/services/statistics_workbook'
import { tenantListValidator, tenantRegisterValidator } from '#park/validators/tenant_validator'
import { BUSINESS_MODES, ENTERPRISE_TYPES, TENANT_STATUSES } from '#park/spaces'
import { sendXlsx } from '#core/xlsx'

const choices = { types: ENTERPRISE_TYPES, modes: BUSINESS_MODES, statuses: TENANT_STATUSES }

/** The enterprise register at /park/tenants (operators). */
export default class TenantsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(tenantListValidator, { data: request.qs() })
    // Only what the list shows: a model with every register column costs more to build.
    const query = new TenantRegisterService()
      .filtered(filters)
      .select('id', 'name', 'uscc', 'enterprise_types', 'headcount', 'status', 'move_in_date')
    const page = await paginate(
      query,
      filters,
      ['name', 'uscc', 'status', 'move_in_date', 'headcount'],
      'name',
      'asc'
    )
    const pendingChanges = await new TenantProfileService().pendingCount()
    return view.render('pages/park/tenants/index', {
      page,
      filters: request.qs(),
      pendingChanges,
      ...choices,
    })
  }

  /** The roster with the list's current filters, as Excel. */
  async export({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(tenantListValidator, { data: request.qs() })
    const tenants = await new TenantRegisterService()
      .filtered(filters)
      .select(...ROSTER_COLUMNS)
      .orderBy('name')
      .orderBy('id')
      .pojo<RosterRow>()
    const workbook = await buildRosterWorkbook(tenants, i18n)
    return sendXlsx(response, 'park-tenants.xlsx', workbook)
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const tenant = await Tenant.findOrFail(params.id)
    const pendingChange = await new TenantProfileService().pendingFor(tenant.id)
    const documents = await new DocumentService().ordered(
      TenantDocument.query().where('tenant_id', tenant.id)
    )
    return view.render('pages/park/tenants/show', { tenant, pendingChange, documents })
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
