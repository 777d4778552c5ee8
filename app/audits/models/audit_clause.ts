import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { AuditClauseSchema } from '#database/schema'
import AuditFramework from '#audits/models/audit_framework'
import AuditClauseMethod from '#audits/models/audit_clause_method'
import type { Obligation } from '#audits/workflow'

/** One numbered requirement (e.g. GB/T 39678 5.1.2) and the §8 methods that verify it. */
export default class AuditClause extends AuditClauseSchema {
  declare obligation: Obligation

  @belongsTo(() => AuditFramework, { foreignKey: 'frameworkId' })
  declare framework: BelongsTo<typeof AuditFramework>

  @belongsTo(() => AuditClause, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof AuditClause>

  @hasMany(() => AuditClauseMethod, { foreignKey: 'clauseId' })
  declare methods: HasMany<typeof AuditClauseMethod>

  /** The English title in English, otherwise the Chinese text. */
  label(locale: string) {
    return locale === 'en' ? this.titleEn : this.textZh
  }
}
