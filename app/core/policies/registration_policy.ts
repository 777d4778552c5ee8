import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Operators review enterprise registrations. */
export default class RegistrationPolicy extends BasePolicy {
  review(user: User) {
    return user.isOperator
  }
}
