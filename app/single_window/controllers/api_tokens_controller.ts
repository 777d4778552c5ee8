import type { HttpContext } from '@adonisjs/core/http'
import ApiTokenService from '#single_window/tracking/api_token_service'
import { tokenValidator } from '#single_window/validators/single_window_validator'
import { swMessages } from '#single_window/validators/messages'

/** A tenant admin's API tokens for warehouse scanners: create (shown once), list, revoke. */
export default class ApiTokensController {
  async index({ view, bouncer, auth, session }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('manageTokens')
    const tokens = await new ApiTokenService().list(auth.getUserOrFail().tenantId!)
    // The plain token exists only in this one response after creation (flashed once, never stored).
    return view.render('pages/single_window/tokens', {
      tokens,
      newToken: session.flashMessages.get('newToken') ?? null,
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('manageTokens')
    const { name } = await request.validateUsing(tokenValidator, {
      messagesProvider: swMessages(i18n),
    })
    const user = auth.getUserOrFail()
    const { token } = await new ApiTokenService().create(user.tenantId!, name, user)
    session.flash('newToken', token)
    session.flash('success', i18n.t('sw_web.tokens.created', { name }))
    return response.redirect().toRoute('tenant.sw.tokens.index')
  }

  async revoke({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('manageTokens')
    const user = auth.getUserOrFail()
    const token = await new ApiTokenService().revoke(user.tenantId!, Number(params.id), user)
    session.flash('success', i18n.t('sw_web.tokens.revoked', { name: token.name }))
    return response.redirect().toRoute('tenant.sw.tokens.index')
  }
}
