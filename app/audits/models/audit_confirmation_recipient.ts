import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AuditConfirmationRecipientSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import AuditConfirmation from '#audits/models/audit_confirmation'
import type { Answer } from '#audits/workflow'

/** One tenant asked a confirmation question, and its answer once given. */
export default class AuditConfirmationRecipient extends AuditConfirmationRecipientSchema {
  declare answer: Answer | null

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => AuditConfirmation, { foreignKey: 'confirmationId' })
  declare confirmation: BelongsTo<typeof AuditConfirmation>
}
