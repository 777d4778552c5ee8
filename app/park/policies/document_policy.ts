import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type TenantDocument from '#park/models/tenant_document'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * A tenant's documents: its admins upload, replace and delete them, its members read them;
 * operators read and manage every tenant's (they may upload on a tenant's behalf).
 */
export default class DocumentPolicy extends BasePolicy {
  /** Lists; the query itself is scoped with scopeToTenant. */
  viewAny(user: User) {
    return user.isOperator || (user.isTenantUser && user.tenantId !== null)
  }

  view(user: User, document: TenantDocument) {
    return user.isOperator || ownsTenantRecord(user, document)
  }

  create(user: User, tenantId: number) {
    return user.isOperator || (user.isTenantAdmin && user.tenantId === tenantId)
  }

  manage(user: User, document: TenantDocument) {
    return user.isOperator || (user.isTenantAdmin && ownsTenantRecord(user, document))
  }
}
