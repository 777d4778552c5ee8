import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'

/**
 * Operators run polls and respond; evaluators read the opinions; a tenant's users give opinions
 * (one each per poll) and see their own. The public sees the topic, the count and the response.
 */
export default class PollPolicy extends BasePolicy {
  manage(user: User) {
    return user.isOperator
  }

  readOpinions(user: User) {
    return user.isOperator || user.isEvaluator
  }

  give(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }
}
