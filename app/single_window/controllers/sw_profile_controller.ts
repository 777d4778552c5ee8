import type { HttpContext } from '@adonisjs/core/http'
import DeclarationService from '#single_window/services/declaration_service'
import { profileValidator } from '#single_window/validators/single_window_validator'
import { swMessages } from '#single_window/validators/messages'
import { PROFILE_ROLES } from '#single_window/message_types'

/** A tenant's single-window profile: customs code, BaseTransfer identity, DXP id, roles. */
export default class SwProfileController {
  async show({ view, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const profile = await new DeclarationService().profileOf(auth.getUserOrFail().tenantId!)
    return view.render('pages/single_window/profile', { profile, roles: PROFILE_ROLES })
  }

  async update({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('manageProfile')
    const payload = await request.validateUsing(profileValidator, {
      messagesProvider: swMessages(i18n),
    })
    const user = auth.getUserOrFail()
    await new DeclarationService().saveProfile(user.tenantId!, payload, user)
    session.flash('success', i18n.t('sw_web.profile.saved'))
    return response.redirect().toRoute('tenant.sw.profile.show')
  }
}
