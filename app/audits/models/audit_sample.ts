import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { AuditSampleSchema } from '#database/schema'
import AuditClause from '#audits/models/audit_clause'
import AuditSampleItem from '#audits/models/audit_sample_item'

/** GB/T 39678 §8 过程验证: a reproducible seeded random draw of records of one kind in the period. */
export default class AuditSample extends AuditSampleSchema {
  @belongsTo(() => AuditClause, { foreignKey: 'clauseId' })
  declare clause: BelongsTo<typeof AuditClause>

  @hasMany(() => AuditSampleItem, { foreignKey: 'sampleId' })
  declare items: HasMany<typeof AuditSampleItem>
}
