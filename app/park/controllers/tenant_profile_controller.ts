import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#core/models/tenant'
import { scopeToTenant } from '#core/tenancy'
import TenantChangeRequest from '#park/models/tenant_change_request'
import TenantProfileService from '#park/services/tenant_profile_service'
import { tenantSelfEditValidator } from '#park/validators/tenant_change_validator'
import { BUSINESS_MODES, ENTERPRISE_TYPES } from '#park/spaces'

/** A tenant's own enterprise profile at /tenant/profile; the tenant comes from the session user. */
export default class TenantProfileController {
  async show({ view, bouncer, auth }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('viewOwnProfile')
    const tenantId = auth.getUserOrFail().tenantId!
    const service = new TenantProfileService()
    return view.render('pages/tenant/profile/show', {
      tenant: await Tenant.findOrFail(tenantId),
      pending: await service.pendingFor(tenantId),
      history: await service.historyFor(tenantId),
    })
  }

  async edit({ view, bouncer, auth }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('editOwnProfile')
    const tenantId = auth.getUserOrFail().tenantId!
    return view.render('pages/tenant/profile/form', {
      tenant: await Tenant.findOrFail(tenantId),
      pending: await new TenantProfileService().pendingFor(tenantId),
      types: ENTERPRISE_TYPES,
      modes: BUSINESS_MODES,
    })
  }

  async update({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('editOwnProfile')
    const payload = await request.validateUsing(tenantSelfEditValidator)
    const result = await new TenantProfileService().submit(auth.getUserOrFail(), payload)
    const key = result.request
      ? result.applied
        ? 'profile.saved_and_requested'
        : 'profile.requested'
      : result.applied
        ? 'profile.saved'
        : 'profile.unchanged'
    session.flash('success', i18n.t(key))
    return response.redirect().toRoute('tenant.profile.show')
  }

  async withdraw({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const changeRequest = await scopeToTenant(TenantChangeRequest.query(), auth.user)
      .where('id', params.id)
      .firstOrFail()
    await bouncer.with('ParkTenantChangePolicy').authorize('withdraw', changeRequest)
    await new TenantProfileService().withdraw(changeRequest, auth.getUserOrFail())
    session.flash('success', i18n.t('profile.withdrawn'))
    return response.redirect().toRoute('tenant.profile.show')
  }
}
