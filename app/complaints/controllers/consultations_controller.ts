import type { HttpContext } from '@adonisjs/core/http'
import Consultation, {
  CONSULTATION_CHANNELS,
  CONSULTATION_STATUSES,
} from '#complaints/models/consultation'
import FaqCategory from '#complaints/models/faq_category'
import ConsultationService from '#complaints/services/consultation_service'
import { filteredConsultations } from '#complaints/services/consultation_queries'
import { paginate } from '#core/services/listing'
import { voiceMessages } from '#complaints/validators/voice_messages'
import {
  answerValidator,
  consultationListValidator,
  faqEntryValidator,
} from '#complaints/validators/voice_validator'

/** The operators' consultation desk: the list, one question, its answer, and FAQ from it. */
export default class ConsultationsController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('browse')
    const filters = await request.validateUsing(consultationListValidator, {
      data: request.qs(),
      messagesProvider: voiceMessages(i18n, 'consultations'),
    })
    const page = await paginate(
      filteredConsultations(filters).preload('tenant'),
      filters,
      ['asked_at', 'due_at', 'status'],
      'asked_at'
    )
    return view.render('pages/consultations/index', {
      page,
      filters: request.qs(),
      statuses: CONSULTATION_STATUSES,
      channels: CONSULTATION_CHANNELS,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('browse')
    const consultation = await Consultation.query()
      .where('id', params.id)
      .preload('tenant')
      .preload('asker')
      .preload('answerer')
      .firstOrFail()
    return view.render('pages/consultations/show', { consultation })
  }

  async answer({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('answer')
    const consultation = await Consultation.findOrFail(params.id)
    const { answer } = await request.validateUsing(answerValidator, {
      messagesProvider: voiceMessages(i18n, 'consultations'),
    })
    await new ConsultationService().answer(consultation.id, answer, auth.getUserOrFail())
    session.flash('success', i18n.t('consultations.answered_done'))
    return response.redirect().toRoute('consultations.show', { id: consultation.id })
  }

  /** The FAQ form, prefilled with the question and its answer. */
  async faqForm({ params, view, bouncer, response, session, i18n }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('answer')
    const consultation = await Consultation.findOrFail(params.id)
    if (consultation.status !== 'answered' || consultation.faqEntryId) {
      session.flash(
        'error',
        i18n.t(
          consultation.faqEntryId
            ? 'consultations.refused.faq_exists'
            : 'consultations.refused.faq_unanswered'
        )
      )
      return response.redirect().toRoute('consultations.show', { id: consultation.id })
    }
    return view.render('pages/consultations/faq_form', {
      consultation,
      categories: await FaqCategory.query().where('is_active', true).orderBy('sort_order'),
    })
  }

  async faqStore({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('answer')
    const consultation = await Consultation.findOrFail(params.id)
    const payload = await request.validateUsing(faqEntryValidator, {
      messagesProvider: voiceMessages(i18n, 'faq'),
    })
    await new ConsultationService().toFaq(consultation.id, payload, auth.getUserOrFail())
    session.flash('success', i18n.t('consultations.faq_created'))
    return response.redirect().toRoute('consultations.show', { id: consultation.id })
  }
}
