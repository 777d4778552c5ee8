import type { HttpContext } from '@adonisjs/core/http'
import RegistrationApplication from '#core/models/registration_application'
import RegistrationService from '#core/services/registration_service'
import AttachmentService from '#core/services/attachment_service'
import { rejectRegistrationValidator } from '#core/validators/registration_validator'
import { listQueryValidator } from '#core/validators/listing_validator'
import { paginate } from '#core/services/listing'

/** Operators review enterprise registrations: approve, or reject with a reason. */
export default class RegistrationsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('CoreRegistrationPolicy').authorize('review')
    const filters = await request.validateUsing(listQueryValidator, { data: request.qs() })
    const query = RegistrationApplication.query()
    if (filters.status) query.where('status', filters.status)
    if (filters.q)
      query.where((q) =>
        q
          .where('unit_name', 'like', `%${filters.q}%`)
          .orWhere('uscc', filters.q!.toUpperCase())
          .orWhere('number', filters.q!)
      )
    const page = await paginate(
      query,
      filters,
      ['number', 'unit_name', 'status', 'created_at'],
      'created_at'
    )
    return view.render('pages/admin/registrations/index', { page, filters })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('CoreRegistrationPolicy').authorize('review')
    const application = await RegistrationApplication.findOrFail(params.id)
    const attachments = await new AttachmentService().forOwner('registration', application.id)
    return view.render('pages/admin/registrations/show', { application, attachments })
  }

  async approve({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('CoreRegistrationPolicy').authorize('review')
    const { tenant } = await new RegistrationService().approve(
      Number(params.id),
      auth.getUserOrFail()
    )
    session.flash('success', i18n.t('registration.approved_flash', { name: tenant.name }))
    return response.redirect().toRoute('admin.registrations.show', { id: params.id })
  }

  async reject({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('CoreRegistrationPolicy').authorize('review')
    const { reason } = await request.validateUsing(rejectRegistrationValidator)
    await new RegistrationService().reject(Number(params.id), reason, auth.getUserOrFail())
    session.flash('success', i18n.t('registration.rejected_flash'))
    return response.redirect().toRoute('admin.registrations.show', { id: params.id })
  }
}
