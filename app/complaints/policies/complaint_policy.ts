import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Complaint from '#complaints/models/complaint'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Operators handle complaints; evaluators read the archives (GB/T 39678 8: records verified);
 * a tenant's users see and answer only their own enterprise's cases.
 */
export default class ComplaintPolicy extends BasePolicy {
  browse(user: User) {
    return user.isOperator || user.isEvaluator
  }

  handle(user: User) {
    return user.isOperator
  }

  configure(user: User) {
    return user.isOperator
  }

  fileAsTenant(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  viewOwn(user: User, complaint: Complaint) {
    return ownsTenantRecord(user, complaint)
  }

  answer(user: User, complaint: Complaint) {
    return ownsTenantRecord(user, complaint)
  }
}
