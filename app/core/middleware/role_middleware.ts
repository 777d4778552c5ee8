import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Role } from '#core/roles'
import ForbiddenException from '#core/exceptions/forbidden_exception'

/** Coarse gate on a group of routes by role; record-level checks stay in the policies. */
export default class RoleMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { roles: Role[] }) {
    const user = ctx.auth.getUserOrFail()
    if (!options.roles.includes(user.role)) {
      throw new ForbiddenException()
    }
    return next()
  }
}
