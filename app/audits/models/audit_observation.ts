import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { AuditObservationSchema } from '#database/schema'
import User from '#core/models/user'
import AuditClause from '#audits/models/audit_clause'
import AuditObservationPhoto from '#audits/models/audit_observation_photo'

/** GB/T 39678 §8 现场查看: what an evaluator saw on site, where and when, with photos. */
export default class AuditObservation extends AuditObservationSchema {
  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>

  @belongsTo(() => User, { foreignKey: 'evaluatorId' })
  declare evaluator: BelongsTo<typeof User>

  @hasMany(() => AuditObservationPhoto, { foreignKey: 'observationId' })
  declare photos: HasMany<typeof AuditObservationPhoto>
}
