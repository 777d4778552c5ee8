import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

export const LOCALE_COOKIE = 'parkgate-locale'

/**
 * Picks the language: the logged-in user's saved choice, then the visitor's cookie, then
 * Simplified Chinese (the product's default), never the browser's header alone.
 */
export default class DetectLocaleMiddleware {
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  protected requestLocale(ctx: HttpContext) {
    const wanted = ctx.auth.user?.locale ?? ctx.request.cookie(LOCALE_COOKIE)
    return (wanted && i18nManager.getSupportedLocaleFor([wanted])) || i18nManager.defaultLocale
  }

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.i18n = i18nManager.locale(this.requestLocale(ctx))
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if ('view' in ctx) {
      ctx.view.share({ i18n: ctx.i18n, t: ctx.i18n.t.bind(ctx.i18n) })
    }
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
