import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type SwDeclaration from '#single_window/models/sw_declaration'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Single window (issue 6 "bad input and rights"): a tenant's users declare and follow only their
 * own enterprise's declarations; its admins keep the profile and the API tokens; operators and
 * evaluators read every tenant's declarations and operators the FailBox. Nobody declares on behalf
 * of another tenant: the tenant is always the signed-in user's own.
 */
export default class SingleWindowPolicy extends BasePolicy {
  declare(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  manageProfile(user: User) {
    return user.isTenantAdmin && user.tenantId !== null
  }

  manageTokens(user: User) {
    return user.isTenantAdmin && user.tenantId !== null
  }

  viewOwn(user: User, declaration: SwDeclaration) {
    return ownsTenantRecord(user, declaration)
  }

  submit(user: User, declaration: SwDeclaration) {
    return ownsTenantRecord(user, declaration)
  }

  browseAll(user: User) {
    return user.isOperator || user.isEvaluator
  }

  failbox(user: User) {
    return user.isOperator
  }
}
