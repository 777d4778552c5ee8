import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Consultation from '#complaints/models/consultation'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Operators answer consultations and evaluators read them; a tenant's users ask and see only
 * their own enterprise's consultations.
 */
export default class ConsultationPolicy extends BasePolicy {
  browse(user: User) {
    return user.isOperator || user.isEvaluator
  }

  answer(user: User) {
    return user.isOperator
  }

  askAsTenant(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  viewOwn(user: User, consultation: Consultation) {
    return ownsTenantRecord(user, consultation)
  }
}
