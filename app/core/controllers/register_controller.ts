import type { HttpContext } from '@adonisjs/core/http'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import RegistrationApplication from '#core/models/registration_application'
import RegistrationService from '#core/services/registration_service'
import { registrationValidator, USER_CATEGORIES } from '#core/validators/registration_validator'

/** Enterprise self-registration (SZDB/Z 304.1 6.2) and the applicant's status page. */
export default class RegisterController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/register', { categories: USER_CATEGORIES })
  }

  async store({ request, response }: HttpContext) {
    const payload = await request.validateUsing(registrationValidator)
    const application = await new RegistrationService().apply({
      ...payload,
      licence: payload.licence ?? null,
    })
    // A signed link: only the applicant who submitted holds it.
    return response.redirect(
      signedUrlFor('register.status', { number: application.number }, { expiresIn: '90 days' })
    )
  }

  async status({ request, params, view }: HttpContext) {
    if (!request.hasValidSignature()) return view.render('pages/errors/not_found')
    const application = await RegistrationApplication.findByOrFail('number', params.number)
    return view.render('pages/auth/register_status', { application })
  }
}
