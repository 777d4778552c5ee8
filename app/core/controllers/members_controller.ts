import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import UserService from '#core/services/user_service'
import { paginate } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { listQueryValidator } from '#core/validators/listing_validator'
import { createMemberValidator } from '#core/validators/user_validator'

/** Tenant admins manage their own enterprise's members, and only those. */
export default class MembersController {
  async index({ request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageMembers')
    const filters = await request.validateUsing(listQueryValidator, { data: request.qs() })
    const query = scopeToTenant(User.query(), auth.user)
    if (filters.q)
      query.where((q) =>
        q.where('full_name', 'like', `%${filters.q}%`).orWhere('email', 'like', `%${filters.q}%`)
      )
    const page = await paginate(
      query,
      filters,
      ['full_name', 'email', 'role', 'created_at'],
      'created_at'
    )
    return view.render('pages/tenant/members/index', { page, filters })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageMembers')
    return view.render('pages/tenant/members/form')
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageMembers')
    const payload = await request.validateUsing(createMemberValidator)
    await new UserService().create({ ...payload, tenantId: auth.getUserOrFail().tenantId })
    session.flash('success', i18n.t('users.created'))
    return response.redirect().toRoute('tenant.members.index')
  }

  async toggle({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const target = await scopeToTenant(User.query(), auth.user).where('id', params.id).firstOrFail()
    await bouncer.with('CoreUserPolicy').authorize('editMember', target)
    await new UserService().setActive(target, !target.isActive, auth.getUserOrFail())
    session.flash('success', i18n.t(target.isActive ? 'users.enabled' : 'users.disabled'))
    return response.redirect().back()
  }
}
