import { DateTime } from 'luxon'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AuditFindingSchema } from '#database/schema'
import User from '#core/models/user'
import AuditClause from '#audits/models/audit_clause'
import type { FindingState } from '#audits/workflow'

/** A nonconformity to correct: owner, deadline, closure after a re-check. */
export default class AuditFinding extends AuditFindingSchema {
  declare state: FindingState
  declare severity: 'minor' | 'major'

  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>

  @belongsTo(() => User, { foreignKey: 'ownerUserId' })
  declare owner: BelongsTo<typeof User>

  /** Open past its deadline (compared with today's Shanghai date). */
  get isOverdue() {
    return (
      this.state === 'open' &&
      this.dueOn.toISODate()! < DateTime.now().setZone('Asia/Shanghai').toISODate()!
    )
  }
}
