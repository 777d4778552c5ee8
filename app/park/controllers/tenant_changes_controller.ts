import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#core/models/tenant'
import { paginate } from '#core/services/listing'
import TenantChangeRequest from '#park/models/tenant_change_request'
import TenantProfileService from '#park/services/tenant_profile_service'
import {
  changeListValidator,
  rejectChangeValidator,
} from '#park/validators/tenant_change_validator'

/** Operators decide tenants' identity change requests at /park/tenant-changes. */
export default class TenantChangesController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('review')
    const filters = await request.validateUsing(changeListValidator, { data: request.qs() })
    const status = filters.status ?? 'pending'
    const query = TenantChangeRequest.query().preload('tenant').preload('requester')
    if (status !== 'all') query.where('status', status)
    if (filters.q) {
      const q = filters.q
      query.whereIn(
        'tenant_id',
        Tenant.query().where('name', 'like', `%${q}%`).orWhere('uscc', q.toUpperCase()).select('id')
      )
    }
    const page = await paginate(
      query,
      filters,
      ['created_at', 'status', 'decided_at'],
      'created_at',
      status === 'pending' ? 'asc' : 'desc'
    )
    return view.render('pages/park/tenant_changes/index', {
      page,
      filters: { ...request.qs(), status },
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('review')
    const changeRequest = await TenantChangeRequest.query()
      .where('id', params.id)
      .preload('tenant')
      .preload('requester')
      .preload('decider')
      .firstOrFail()
    return view.render('pages/park/tenant_changes/show', { changeRequest })
  }

  async approve({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('review')
    await new TenantProfileService().approve(Number(params.id), auth.getUserOrFail())
    session.flash('success', i18n.t('profile.approved_flash'))
    return response.redirect().toRoute('park.tenant_changes.show', { id: params.id })
  }

  async reject({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ParkTenantChangePolicy').authorize('review')
    await TenantChangeRequest.findOrFail(params.id)
    const { reason } = await request.validateUsing(rejectChangeValidator)
    await new TenantProfileService().reject(Number(params.id), reason, auth.getUserOrFail())
    session.flash('success', i18n.t('profile.rejected_flash'))
    return response.redirect().toRoute('park.tenant_changes.show', { id: params.id })
  }
}
