import { Exception } from '@adonisjs/core/exceptions'

/** The user is known but may not do this. Rendered as the translated 403 page. */
export default class ForbiddenException extends Exception {
  static status = 403
  static code = 'E_FORBIDDEN'
  constructor(message = 'errors.forbidden') {
    super(message, { status: 403, code: 'E_FORBIDDEN' })
  }
}
