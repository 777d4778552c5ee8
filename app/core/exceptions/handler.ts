import app from '@adonisjs/core/services/app'
import { errors as authErrors } from '@adonisjs/auth'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import i18nManager from '@adonisjs/i18n/services/main'
import DomainException from '#core/exceptions/domain_exception'
import { LOCALE_COOKIE } from '#core/middleware/detect_locale_middleware'

/**
 * Turns every error into something a user can read in their language: translated 403/404/500
 * pages, form errors flashed back, and never a stack trace in production.
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (_, { view }) => view.render('pages/errors/forbidden'),
    '404': (_, { view }) => view.render('pages/errors/not_found'),
    '500..599': (_, { view }) => view.render('pages/errors/server_error'),
  }

  /**
   * A 404 for an unknown URL never passes the router middleware: give the error page the
   * language (from the visitor's cookie) and an anonymous `auth` it would otherwise lack.
   */
  protected prepareView(ctx: HttpContext) {
    if (!ctx.i18n) {
      const wanted = ctx.request.cookie(LOCALE_COOKIE)
      ctx.i18n = i18nManager.locale(
        (wanted && i18nManager.getSupportedLocaleFor([wanted])) || i18nManager.defaultLocale
      )
    }
    const shared: Record<string, unknown> = { i18n: ctx.i18n, t: ctx.i18n.t.bind(ctx.i18n) }
    if (!('auth' in ctx)) shared.auth = { user: undefined, isAuthenticated: false }
    // Without the shield middleware there is no token; the page's forms then fail closed.
    if (!ctx.request.csrfToken) shared.csrfField = () => ''
    ctx.view.share(shared)
  }

  async handle(error: unknown, ctx: HttpContext) {
    this.prepareView(ctx)
    if (error instanceof DomainException) {
      const message = ctx.i18n ? ctx.i18n.t(error.message, error.data) : error.message
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.status(error.status).send({ errors: [{ message, field: error.field }] })
      }
      ctx.session.flashAll()
      if (error.field) ctx.session.flash('inputErrorsBag', { [error.field]: [message] })
      ctx.session.flash('error', message)
      return ctx.response.redirect().back()
    }
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      const seconds = error.response.availableIn
      const message = ctx.i18n.t('auth.throttled', {
        minutes: Math.max(1, Math.ceil(seconds / 60)),
      })
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.status(429).send({ errors: [{ message }] })
      }
      ctx.session.flashOnly(['email'])
      ctx.session.flash('error', message)
      return ctx.response.redirect().back()
    }
    if (error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      ctx.response.status(403)
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.send({ errors: [{ message: ctx.i18n.t('errors.forbidden') }] })
      }
      return ctx.response.send(await ctx.view.render('pages/errors/forbidden'))
    }
    if (
      error instanceof authErrors.E_UNAUTHORIZED_ACCESS &&
      ctx.request.accepts(['html', 'json']) !== 'json'
    ) {
      ctx.session.flash('error', ctx.i18n.t('auth.login_required'))
      return ctx.response.redirect('/login')
    }
    return super.handle(error, ctx)
  }
}
