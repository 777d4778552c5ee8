import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { AuditConfirmationSchema } from '#database/schema'
import AuditClause from '#audits/models/audit_clause'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import Audit from '#audits/models/audit'
import type { Audience } from '#audits/workflow'

/** GB/T 39678 §8 向产业园企业确认: a yes/no question sent to all tenants or a seeded sample. */
export default class AuditConfirmation extends AuditConfirmationSchema {
  declare audience: Audience

  @belongsTo(() => Audit, { foreignKey: 'auditId' })
  declare audit: BelongsTo<typeof Audit>

  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>

  @hasMany(() => AuditConfirmationRecipient, { foreignKey: 'confirmationId' })
  declare recipients: HasMany<typeof AuditConfirmationRecipient>
}
