import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/** Who manages which accounts: operator admins the park's own, tenant admins their enterprise's. */
export default class UserPolicy extends BasePolicy {
  manageOperators(user: User) {
    return user.isOperatorAdmin
  }

  editOperator(user: User, target: User) {
    return user.isOperatorAdmin && !target.isTenantUser
  }

  manageMembers(user: User) {
    return user.isTenantAdmin && user.tenantId !== null
  }

  editMember(user: User, target: User) {
    return user.isTenantAdmin && target.isTenantUser && target.tenantId === user.tenantId
  }
}
