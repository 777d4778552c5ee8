import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Everyone signed in sees the facilities; operators run the register and its blocks. */
export default class FacilityPolicy extends BasePolicy {
  view(_user: User) {
    return true
  }

  manage(user: User) {
    return user.isOperator
  }

  /** The utilisation report: operators and evaluators. */
  report(user: User) {
    return user.isOperator || user.isEvaluator
  }
}
