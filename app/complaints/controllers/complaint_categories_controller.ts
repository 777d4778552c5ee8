import type { HttpContext } from '@adonisjs/core/http'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import CategoryService from '#complaints/services/category_service'
import { complaintMessages } from '#complaints/validators/messages'
import { categoryValidator } from '#complaints/validators/complaint_validator'

/** Categories and their commitments (working days, department), kept by operators. */
export default class ComplaintCategoriesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('configure')
    const categories = await ComplaintCategory.query()
      .preload('department')
      .orderBy('sort_order')
      .orderBy('id')
    return view.render('pages/complaints/categories/index', { categories })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('configure')
    return view.render('pages/complaints/categories/form', {
      category: null,
      departments: await Department.query().orderBy('sort_order'),
    })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('configure')
    const payload = await request.validateUsing(categoryValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    await new CategoryService().create(payload)
    session.flash('success', i18n.t('complaints.category_saved'))
    return response.redirect().toRoute('complaints.categories.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('configure')
    return view.render('pages/complaints/categories/form', {
      category: await ComplaintCategory.findOrFail(params.id),
      departments: await Department.query().orderBy('sort_order'),
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('configure')
    const category = await ComplaintCategory.findOrFail(params.id)
    const payload = await request.validateUsing(categoryValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    await new CategoryService().update(category, payload)
    session.flash('success', i18n.t('complaints.category_saved'))
    return response.redirect().toRoute('complaints.categories.index')
  }
}
