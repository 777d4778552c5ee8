import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import Complaint from '#complaints/models/complaint'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import ComplaintService from '#complaints/services/complaint_service'
import { complaintMessages } from '#complaints/validators/messages'
import {
  feedbackValidator,
  lookupValidator,
  publicComplaintValidator,
} from '#complaints/validators/complaint_validator'
import { complaintLimiter } from '#start/limiter'

/** How long the complainant's receipt link stays valid. */
const RECEIPT_LINK_LIFE = '365 days'

/**
 * The public side (GB/T 39678 7.3.1 a published channel; SZDB/Z 304.1 6.9.3 online complaints
 * with an acceptance number and a result lookup): the form, the receipt, the complainant's
 * verdict through the receipt's signed link, and the lookup by number and phone digits.
 */
export default class PublicComplaintsController {
  async create({ view }: HttpContext) {
    return view.render('pages/complaints/public_form', {
      categories: await ComplaintCategory.query().where('is_active', true).orderBy('sort_order'),
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, i18n } = ctx
    const payload = await request.validateUsing(publicComplaintValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    if (!(await this.withinLimit(ctx, 'submit'))) return response.redirect().back()
    const complaint = await new ComplaintService().submit(
      { ...payload, channel: 'web', submittedBy: ctx.auth.user?.id ?? null },
      { user: ctx.auth.user ?? null, kind: 'complainant' }
    )
    // Only the complainant who submitted holds the signed link to the receipt and the verdict form.
    return response.redirect(this.receiptLink(complaint))
  }

  async receipt({ request, params, view }: HttpContext) {
    if (!request.hasValidSignature()) return view.render('pages/errors/not_found')
    const complaint = await Complaint.query()
      .where('number', params.number)
      .preload('category')
      .preload('department')
      .firstOrFail()
    return view.render('pages/complaints/receipt', {
      complaint,
      feedbackUrl: signedUrlFor(
        'complaints.public.feedback',
        { number: complaint.number },
        { expiresIn: RECEIPT_LINK_LIFE }
      ),
      lookupUrl: '/complaints/lookup',
    })
  }

  async feedback({ request, params, response, session, i18n, view }: HttpContext) {
    if (!request.hasValidSignature()) return view.render('pages/errors/not_found')
    const payload = await request.validateUsing(feedbackValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    const complaint = await Complaint.findByOrFail('number', params.number)
    await new ComplaintService().feedback(complaint.id, payload, {
      user: null,
      kind: 'complainant',
    })
    session.flash('success', i18n.t(`complaints.done.feedback_${payload.decision}`))
    return response.redirect(this.receiptLink(complaint))
  }

  /**
   * The lookup: the same answer for an unknown number and a wrong phone, and nothing personal
   * (no name, no phone, no content) in the right answer either.
   */
  async lookup(ctx: HttpContext) {
    const { request, response, view, i18n } = ctx
    if (!request.input('number')) return view.render('pages/complaints/lookup', { found: null })
    if (!(await this.withinLimit(ctx, 'lookup'))) {
      return response.redirect().toRoute('complaints.public.lookup')
    }
    const [error, query] = await lookupValidator.tryValidate(request.qs())
    const complaint = error ? null : await this.findByNumber(query.number)
    const found = complaint && complaint.phoneLast4 === query!.phone4 ? complaint : null
    return view.render('pages/complaints/lookup', {
      found,
      missing: !found,
      query: request.qs(),
      locale: i18n.locale,
    })
  }

  /**
   * The case with its category and department in one query on the unique number (a public page,
   * asked for often): the two are joined, not preloaded, and attached as the preloads would be.
   */
  private async findByNumber(number: string) {
    const complaint = await Complaint.query()
      .join('complaint_categories', 'complaint_categories.id', 'complaints.category_id')
      .join('departments', 'departments.id', 'complaints.department_id')
      .where('complaints.number', number)
      .select(
        'complaints.*',
        'complaint_categories.name as category_name',
        'complaint_categories.name_en as category_name_en',
        'departments.name as department_name'
      )
      .first()
    if (!complaint) return null
    const extras = complaint.$extras
    complaint.$setRelated(
      'category',
      ComplaintCategory.$createFromAdapterResult({
        id: complaint.categoryId,
        name: extras.category_name,
        name_en: extras.category_name_en,
      })!
    )
    complaint.$setRelated(
      'department',
      Department.$createFromAdapterResult({
        id: complaint.departmentId,
        name: extras.department_name,
      })!
    )
    return complaint
  }

  private receiptLink(complaint: Complaint) {
    return signedUrlFor(
      'complaints.public.receipt',
      { number: complaint.number },
      { expiresIn: RECEIPT_LINK_LIFE }
    )
  }

  /** Counts one try against the visitor's address; false (with a message) once over the limit. */
  private async withinLimit({ request, session, i18n }: HttpContext, kind: 'submit' | 'lookup') {
    try {
      await complaintLimiter(kind).consume(`complaints_${kind}_${request.ip()}`)
      return true
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const minutes = Math.max(1, Math.ceil(error.response.availableIn / 60))
      session.flashAll()
      session.flash('error', i18n.t('complaints.throttled', { minutes }))
      return false
    }
  }
}
