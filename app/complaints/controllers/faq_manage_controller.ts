import type { HttpContext } from '@adonisjs/core/http'
import FaqEntry from '#complaints/models/faq_entry'
import FaqCategory from '#complaints/models/faq_category'
import FaqService from '#complaints/services/faq_service'
import { paginate } from '#core/services/listing'
import { voiceMessages } from '#complaints/validators/voice_messages'
import {
  faqCategoryValidator,
  faqEntryValidator,
  faqSearchValidator,
} from '#complaints/validators/voice_validator'

/** Operators keep the FAQ: entries (published or not) and categories. */
export default class FaqManageController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const filters = await request.validateUsing(faqSearchValidator, {
      data: request.qs(),
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    const query = FaqEntry.query().preload('category')
    if (filters.q) {
      const q = `%${filters.q}%`
      query.where((w) => w.where('question', 'like', q).orWhere('answer', 'like', q))
    }
    if (filters.categoryId) query.where('category_id', filters.categoryId)
    const page = await paginate(query, filters, ['view_count', 'updated_at'], 'updated_at')
    return view.render('pages/faq/manage', {
      page,
      filters: request.qs(),
      categories: await FaqCategory.query().orderBy('sort_order').orderBy('id'),
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    return view.render('pages/faq/form', {
      entry: null,
      categories: await FaqCategory.query().where('is_active', true).orderBy('sort_order'),
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const payload = await request.validateUsing(faqEntryValidator, {
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    await new FaqService().createEntry(payload, auth.getUserOrFail())
    session.flash('success', i18n.t('faq.saved'))
    return response.redirect().toRoute('faq.manage.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    return view.render('pages/faq/form', {
      entry: await FaqEntry.findOrFail(params.id),
      categories: await FaqCategory.query().orderBy('sort_order'),
    })
  }

  async update({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const entry = await FaqEntry.findOrFail(params.id)
    const payload = await request.validateUsing(faqEntryValidator, {
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    await new FaqService().updateEntry(entry, payload, auth.getUserOrFail())
    session.flash('success', i18n.t('faq.saved'))
    return response.redirect().toRoute('faq.manage.index')
  }

  async publish(ctx: HttpContext) {
    return this.setPublished(ctx, true)
  }

  async unpublish(ctx: HttpContext) {
    return this.setPublished(ctx, false)
  }

  async categories({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const categories = await FaqCategory.query()
      .withCount('entries')
      .orderBy('sort_order')
      .orderBy('id')
    return view.render('pages/faq/categories', { categories })
  }

  async storeCategory({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const payload = await request.validateUsing(faqCategoryValidator, {
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    await new FaqService().createCategory(payload, auth.getUserOrFail())
    session.flash('success', i18n.t('faq.category_saved'))
    return response.redirect().toRoute('faq.manage.categories')
  }

  async updateCategory({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const category = await FaqCategory.findOrFail(params.id)
    const payload = await request.validateUsing(faqCategoryValidator, {
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    await new FaqService().updateCategory(category, payload, auth.getUserOrFail())
    session.flash('success', i18n.t('faq.category_saved'))
    return response.redirect().toRoute('faq.manage.categories')
  }

  private async setPublished(
    { params, response, session, i18n, bouncer, auth }: HttpContext,
    published: boolean
  ) {
    await bouncer.with('ComplaintsFaqPolicy').authorize('manage')
    const entry = await FaqEntry.findOrFail(params.id)
    await new FaqService().setPublished(entry, published, auth.getUserOrFail())
    session.flash('success', i18n.t(published ? 'faq.published_done' : 'faq.unpublished_done'))
    return response.redirect().back()
  }
}
