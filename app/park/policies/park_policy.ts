import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Operators run the park's register; the park profile is the operator admin's. */
export default class ParkPolicy extends BasePolicy {
  manageSpaces(user: User) {
    return user.isOperator
  }

  editProfile(user: User) {
    return user.isOperatorAdmin
  }
}
