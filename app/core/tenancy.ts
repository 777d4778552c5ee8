import type { ModelQueryBuilderContract, LucidModel } from '@adonisjs/lucid/types/model'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type User from '#core/models/user'

type AnyQuery = ModelQueryBuilderContract<LucidModel, any> | DatabaseQueryBuilderContract<any>

/**
 * Tenant isolation, the one mechanism: every query of tenant-owned rows goes through here.
 * Tenant users see their own tenant's rows only; operators and evaluators see all; anyone else
 * sees nothing. Policies check the loaded record again (`ownsTenantRecord`).
 */
export function scopeToTenant<Q extends AnyQuery>(
  query: Q,
  user: User | undefined | null,
  column = 'tenant_id'
): Q {
  if (!user) {
    query.whereRaw('1 = 0')
  } else if (user.isTenantUser) {
    if (user.tenantId === null) query.whereRaw('1 = 0')
    else query.where(column, user.tenantId)
  }
  return query
}

/** The record-level half of isolation, used by policies on each loaded record. */
export function ownsTenantRecord(user: User, record: { tenantId: number | null }) {
  return user.isTenantUser && user.tenantId !== null && record.tenantId === user.tenantId
}
