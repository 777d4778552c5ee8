import type { HttpContext } from '@adonisjs/core/http'
import Department from '#core/models/department'
import DepartmentService from '#core/services/department_service'
import User from '#core/models/user'
import { departmentValidator } from '#core/validators/department_validator'

/** Departments and their responsibilities: managed by operator admins, public to everyone (GB/T 39678 5.1.2). */
export default class DepartmentsController {
  async publicIndex({ view }: HttpContext) {
    const departments = await Department.query().orderBy('sort_order').orderBy('id')
    return view.render('pages/departments/public', { departments })
  }

  async index({ view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    const departments = await Department.query().orderBy('sort_order').orderBy('id')
    return view.render('pages/admin/departments/index', { departments })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    return view.render('pages/admin/departments/form', {
      department: null,
      operators: await this.operators(),
    })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    await new DepartmentService().create(await request.validateUsing(departmentValidator))
    session.flash('success', i18n.t('departments.saved'))
    return response.redirect().toRoute('admin.departments.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    return view.render('pages/admin/departments/form', {
      department: await Department.findOrFail(params.id),
      operators: await this.operators(),
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    const department = await Department.findOrFail(params.id)
    await new DepartmentService().update(
      department,
      await request.validateUsing(departmentValidator)
    )
    session.flash('success', i18n.t('departments.saved'))
    return response.redirect().toRoute('admin.departments.index')
  }

  /** Active operator users, the candidates for a department's head. */
  private operators() {
    return User.query()
      .whereIn('role', ['operator_admin', 'operator_staff'])
      .where('is_active', true)
      .orderBy('full_name')
  }

  async destroy({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageDepartments')
    await new DepartmentService().delete(await Department.findOrFail(params.id))
    session.flash('success', i18n.t('departments.deleted'))
    return response.redirect().toRoute('admin.departments.index')
  }
}
