import type { HttpContext } from '@adonisjs/core/http'
import Consultation, { CONSULTATION_STATUSES } from '#complaints/models/consultation'
import ConsultationService from '#complaints/services/consultation_service'
import { filteredConsultations } from '#complaints/services/consultation_queries'
import { paginate } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { voiceMessages } from '#complaints/validators/voice_messages'
import {
  consultationListValidator,
  tenantConsultationValidator,
} from '#complaints/validators/voice_validator'

/** A tenant's consultations in its portal: ask, and read the answers. */
export default class TenantConsultationsController {
  async index({ request, view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('askAsTenant')
    const filters = await request.validateUsing(consultationListValidator, {
      data: request.qs(),
      messagesProvider: voiceMessages(i18n, 'consultations'),
    })
    const page = await paginate(
      filteredConsultations(filters, auth.getUserOrFail()),
      filters,
      ['asked_at', 'status'],
      'asked_at'
    )
    return view.render('pages/consultations/tenant_index', {
      page,
      filters: request.qs(),
      statuses: CONSULTATION_STATUSES,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('askAsTenant')
    return view.render('pages/consultations/tenant_form')
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsConsultationPolicy').authorize('askAsTenant')
    const payload = await request.validateUsing(tenantConsultationValidator, {
      messagesProvider: voiceMessages(i18n, 'consultations'),
    })
    const user = auth.getUserOrFail()
    const consultation = await new ConsultationService().ask(
      {
        ...payload,
        channel: 'portal',
        tenantId: user.tenantId,
        askedBy: user.id,
        askerName: user.fullName,
        askerPhone: user.phone ?? null,
        askerEmail: user.email,
      },
      user
    )
    session.flash('success', i18n.t('consultations.submitted'))
    return response.redirect().toRoute('tenant.consultations.show', { id: consultation.id })
  }

  /** Another tenant's consultation is not found at all (scoped query), not merely forbidden. */
  async show({ params, view, bouncer, auth }: HttpContext) {
    const consultation = await scopeToTenant(
      Consultation.query().where('id', params.id),
      auth.getUserOrFail()
    ).firstOrFail()
    await bouncer.with('ComplaintsConsultationPolicy').authorize('viewOwn', consultation)
    return view.render('pages/consultations/tenant_show', { consultation })
  }
}
