import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AuditVerdictSchema } from '#database/schema'
import User from '#core/models/user'
import AuditClause from '#audits/models/audit_clause'
import type { Verdict } from '#audits/workflow'

/** An evaluator's verdict on one clause of one audit. */
export default class AuditVerdict extends AuditVerdictSchema {
  declare verdict: Verdict

  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>

  @belongsTo(() => User, { foreignKey: 'evaluatorId' })
  declare evaluator: BelongsTo<typeof User>
}
