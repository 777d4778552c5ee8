import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type ServiceRequest from '#service_desk/models/service_request'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Everyone signed in reads the catalogue; operators edit it and handle requests; evaluators
 * read the requests (GB/T 39678 8: records verified); a tenant's users file, follow and answer
 * only their own enterprise's requests.
 */
export default class ServiceDeskPolicy extends BasePolicy {
  readCatalogue(_user: User) {
    return true
  }

  editCatalogue(user: User) {
    return user.isOperator
  }

  browse(user: User) {
    return user.isOperator || user.isEvaluator
  }

  handle(user: User) {
    return user.isOperator
  }

  file(user: User) {
    return user.isTenantUser && user.tenantId !== null
  }

  viewOwn(user: User, request: ServiceRequest) {
    return ownsTenantRecord(user, request)
  }

  answer(user: User, request: ServiceRequest) {
    return ownsTenantRecord(user, request)
  }
}
