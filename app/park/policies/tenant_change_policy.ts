import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import { ownsTenantRecord } from '#core/tenancy'
import type TenantChangeRequest from '#park/models/tenant_change_request'

/**
 * A tenant's own profile: every tenant user sees it, the tenant admin edits it and files or
 * withdraws identity changes; operators decide them. Evaluators do neither.
 */
export default class TenantChangePolicy extends BasePolicy {
  viewOwnProfile(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  editOwnProfile(user: User) {
    return user.isTenantAdmin && user.tenantId !== null
  }

  withdraw(user: User, request: TenantChangeRequest) {
    return user.isTenantAdmin && ownsTenantRecord(user, request)
  }

  review(user: User) {
    return user.isOperator
  }
}
