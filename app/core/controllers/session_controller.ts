import type { HttpContext } from '@adonisjs/core/http'
import { errors as authErrors } from '@adonisjs/auth'
import User from '#core/models/user'
import { loginValidator } from '#core/validators/auth_validator'
import RegistrationService from '#core/services/registration_service'
import UserService from '#core/services/user_service'
import { loginKey, loginLimiter } from '#start/limiter'

/** Session login (throttled, session renewed) and logout. */
export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  async store({ request, auth, session, response, i18n }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    let user: User
    try {
      const [throttled, found] = await loginLimiter().penalize(loginKey(email, request.ip()), () =>
        User.verifyCredentials(email, password)
      )
      if (throttled) throw throttled
      user = found
    } catch (error) {
      if (!(error instanceof authErrors.E_INVALID_CREDENTIALS)) throw error
      const application = await new RegistrationService().findForApplicant(email, password)
      session.flashOnly(['email'])
      if (application) {
        const data = { number: application.number, reason: application.rejectReason ?? '' }
        session.flash('warning', i18n.t(`registration.login_${application.status}`, data))
      } else {
        session.flash('error', i18n.t('auth.invalid_credentials'))
      }
      return response.redirect().back()
    }
    if (!user.isActive) {
      session.flashOnly(['email'])
      session.flash('error', i18n.t('auth.disabled'))
      return response.redirect().back()
    }
    session.regenerate()
    await auth.use('web').login(user)
    if (session.supportsTagging()) await session.tag(String(user.id))
    await new UserService().recordLogin(user)
    return response.redirect().toRoute('dashboard')
  }

  async destroy({ auth, response, session, i18n }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', i18n.t('auth.logged_out'))
    return response.redirect().toRoute('session.create')
  }
}
