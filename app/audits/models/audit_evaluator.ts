import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AuditEvaluatorSchema } from '#database/schema'
import User from '#core/models/user'

/** An evaluator assigned to an audit. */
export default class AuditEvaluator extends AuditEvaluatorSchema {
  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
