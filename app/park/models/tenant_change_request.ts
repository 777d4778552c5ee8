import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantChangeRequestSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'

/** A request's life: pending → approved | rejected (by an operator) | withdrawn (by the tenant). */
export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number]

/** The register fields a tenant may change only with an operator's approval: its identity. */
export const APPROVAL_FIELDS = ['name', 'uscc', 'legalRepresentative'] as const
export type ApprovalField = (typeof APPROVAL_FIELDS)[number]

export type FieldChanges = Partial<Record<ApprovalField, { from: string; to: string }>>

/** A tenant's request to change its name, USCC or legal representative, for an operator to decide. */
export default class TenantChangeRequest extends TenantChangeRequestSchema {
  declare status: ChangeRequestStatus

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User, { foreignKey: 'requestedBy' })
  declare requester: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'decidedBy' })
  declare decider: BelongsTo<typeof User>

  /** The requested changes in the fixed field order, for pages and the audit trail. */
  get changeList() {
    const changes = JSON.parse(this.changes || '{}') as FieldChanges
    return APPROVAL_FIELDS.filter((field) => changes[field]).map((field) => ({
      field,
      ...changes[field]!,
    }))
  }
}
