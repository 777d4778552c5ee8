import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import Department from '#core/models/department'
import UserService from '#core/services/user_service'
import { paginate } from '#core/services/listing'
import { listQueryValidator } from '#core/validators/listing_validator'
import {
  createOperatorUserValidator,
  updateOperatorUserValidator,
} from '#core/validators/user_validator'

const OPERATOR_SIDE = ['operator_admin', 'operator_staff', 'evaluator']

/** Operator admins manage the park's own accounts (operators and evaluators). */
export default class UsersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageOperators')
    const filters = await request.validateUsing(listQueryValidator, { data: request.qs() })
    const query = User.query().whereIn('role', OPERATOR_SIDE).preload('department')
    if (filters.role && OPERATOR_SIDE.includes(filters.role)) query.where('role', filters.role)
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
    return view.render('pages/admin/users/index', { page, filters })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageOperators')
    return view.render('pages/admin/users/form', {
      target: null,
      departments: await Department.query().orderBy('sort_order'),
    })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreUserPolicy').authorize('manageOperators')
    const payload = await request.validateUsing(createOperatorUserValidator)
    await new UserService().create({
      ...payload,
      departmentId: payload.role === 'operator_staff' ? payload.departmentId : null,
    })
    session.flash('success', i18n.t('users.created'))
    return response.redirect().toRoute('admin.users.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with('CoreUserPolicy').authorize('editOperator', target)
    return view.render('pages/admin/users/form', {
      target,
      departments: await Department.query().orderBy('sort_order'),
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with('CoreUserPolicy').authorize('editOperator', target)
    const payload = await request.validateUsing(updateOperatorUserValidator)
    await new UserService().update(target, {
      ...payload,
      departmentId: payload.role === 'operator_staff' ? payload.departmentId : null,
    })
    session.flash('success', i18n.t('users.updated'))
    return response.redirect().toRoute('admin.users.index')
  }

  async toggle({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const target = await User.findOrFail(params.id)
    await bouncer.with('CoreUserPolicy').authorize('editOperator', target)
    await new UserService().setActive(target, !target.isActive, auth.getUserOrFail())
    session.flash('success', i18n.t(target.isActive ? 'users.enabled' : 'users.disabled'))
    return response.redirect().back()
  }
}
