import type { HttpContext } from '@adonisjs/core/http'
import FaqEntry from '#complaints/models/faq_entry'
import FaqCategory from '#complaints/models/faq_category'
import FaqService from '#complaints/services/faq_service'
import { paginate } from '#core/services/listing'
import { voiceMessages } from '#complaints/validators/voice_messages'
import { faqSearchValidator } from '#complaints/validators/voice_validator'

/** How many entries the "most read" box shows. */
const MOST_READ = 5

/** The public FAQ (no login): categories, search, the most-read entries, and one entry. */
export default class FaqController {
  async index({ request, view, i18n }: HttpContext) {
    const filters = await request.validateUsing(faqSearchValidator, {
      data: request.qs(),
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    const page = await paginate(
      FaqService.published(filters).preload('category'),
      filters,
      ['view_count', 'updated_at'],
      'view_count'
    )
    const categories = await FaqCategory.query()
      .where('is_active', true)
      .withCount('entries', (q) => q.where('is_published', true))
      .orderBy('sort_order')
      .orderBy('id')
    const mostRead = await FaqService.published({})
      .where('view_count', '>', 0)
      .orderBy('view_count', 'desc')
      .orderBy('id', 'asc')
      .limit(MOST_READ)
    return view.render('pages/faq/index', { page, filters: request.qs(), categories, mostRead })
  }

  /** One entry; its view counter counts each visitor's session once. */
  async show({ params, view, session }: HttpContext) {
    const entry = await FaqService.published({})
      .where('faq_entries.id', params.id)
      .preload('category')
      .firstOrFail()
    const seen: number[] = session.get('faq_seen', [])
    if (!seen.includes(entry.id)) {
      await FaqService.countView(entry.id)
      entry.viewCount += 1
      session.put('faq_seen', [...seen, entry.id].slice(-200))
    }
    const related = await FaqEntry.query()
      .where('is_published', true)
      .where('category_id', entry.categoryId)
      .whereNot('id', entry.id)
      .orderBy('view_count', 'desc')
      .limit(5)
    return view.render('pages/faq/show', { entry, related })
  }
}
