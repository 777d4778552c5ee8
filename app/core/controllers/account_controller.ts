import type { HttpContext } from '@adonisjs/core/http'
import UserService from '#core/services/user_service'
import { changePasswordValidator, localeValidator } from '#core/validators/auth_validator'
import { LOCALE_COOKIE } from '#core/middleware/detect_locale_middleware'

/** The user's own account: password and language. */
export default class AccountController {
  async editPassword({ view }: HttpContext) {
    return view.render('pages/account/password')
  }

  async updatePassword({ request, response, session, i18n, auth }: HttpContext) {
    const { currentPassword, password } = await request.validateUsing(changePasswordValidator)
    await new UserService().changePassword(auth.getUserOrFail(), currentPassword, password)
    session.regenerate()
    session.flash('success', i18n.t('auth.password_changed'))
    return response.redirect().toRoute('dashboard')
  }

  /** Remembered on the account when logged in, and in a cookie for visitors. */
  async updateLocale({ request, response, auth }: HttpContext) {
    const { locale } = await request.validateUsing(localeValidator)
    if (auth.user) await new UserService().setLocale(auth.user, locale)
    response.cookie(LOCALE_COOKIE, locale, { maxAge: '1y', httpOnly: true, sameSite: 'lax' })
    return response.redirect().back()
  }
}
