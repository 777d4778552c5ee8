import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Loads the logged-in user when there is one, on every page, so the header knows who is there.
 * A disabled user's session is ended here too, whatever store holds it.
 */
export default class SilentAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await ctx.auth.check()
    const user = ctx.auth.user
    if (user && !user.isActive) {
      await ctx.auth.use('web').logout()
      ctx.session.regenerate()
    }
    return next()
  }
}
