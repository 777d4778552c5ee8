import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AuditClauseMethodSchema } from '#database/schema'
import AuditClause from '#audits/models/audit_clause'
import type { Method } from '#audits/workflow'

/** GB/T 39678 §8: one way a clause is verified, with the §8 item that says so. */
export default class AuditClauseMethod extends AuditClauseMethodSchema {
  declare method: Method

  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>
}
