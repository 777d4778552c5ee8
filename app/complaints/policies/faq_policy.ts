import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Everyone reads the published FAQ (no policy needed); operators keep it. */
export default class FaqPolicy extends BasePolicy {
  manage(user: User) {
    return user.isOperator
  }
}
