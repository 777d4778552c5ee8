import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Park-wide settings: departments, the audit trail and the working-day calendar. */
export default class AdminPolicy extends BasePolicy {
  manageDepartments(user: User) {
    return user.isOperatorAdmin
  }

  browseAudit(user: User) {
    return user.isOperatorAdmin
  }

  manageCalendar(user: User) {
    return user.isOperator
  }
}
