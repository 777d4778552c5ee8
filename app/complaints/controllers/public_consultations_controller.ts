import type { HttpContext } from '@adonisjs/core/http'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import Consultation from '#complaints/models/consultation'
import ConsultationService from '#complaints/services/consultation_service'
import { voiceMessages } from '#complaints/validators/voice_messages'
import { publicConsultationValidator } from '#complaints/validators/voice_validator'
import { consultationLimiter } from '#start/limiter'

/** How long the asker's link to the answer stays valid. */
const ANSWER_LINK_LIFE = '365 days'

/**
 * The public side of consultations (SZDB/Z 304.1 6.9.1): a question without an account (name
 * optional, a phone or an e-mail required), and the answer behind a signed link only the asker
 * receives.
 */
export default class PublicConsultationsController {
  async create({ view }: HttpContext) {
    return view.render('pages/consultations/public_form')
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const payload = await request.validateUsing(publicConsultationValidator, {
      messagesProvider: voiceMessages(i18n, 'consultations'),
    })
    try {
      await consultationLimiter().consume(`consultations_ask_${request.ip()}`)
    } catch (error) {
      if (!(error instanceof limiterErrors.E_TOO_MANY_REQUESTS)) throw error
      const minutes = Math.max(1, Math.ceil(error.response.availableIn / 60))
      session.flashAll()
      session.flash('error', i18n.t('consultations.throttled', { minutes }))
      return response.redirect().back()
    }
    const consultation = await new ConsultationService().ask(
      { ...payload, channel: 'web', askedBy: ctx.auth.user?.id ?? null },
      null
    )
    session.flash('success', i18n.t('consultations.submitted_public'))
    return response.redirect(this.link(consultation))
  }

  async show({ request, params, view }: HttpContext) {
    if (!request.hasValidSignature()) return view.render('pages/errors/not_found')
    const consultation = await Consultation.query()
      .where('id', params.id)
      .where('channel', 'web')
      .firstOrFail()
    return view.render('pages/consultations/public_show', {
      consultation,
      link: this.link(consultation),
    })
  }

  private link(consultation: Consultation) {
    return signedUrlFor(
      'consultations.public.show',
      { id: consultation.id },
      { expiresIn: ANSWER_LINK_LIFE }
    )
  }
}
