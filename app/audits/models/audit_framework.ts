import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { AuditFrameworkSchema } from '#database/schema'
import AuditClause from '#audits/models/audit_clause'

/** A catalogue of requirements an audit checks against (GB/T 39678-2020, SZDB/Z 304.1, a park's own rules). */
export default class AuditFramework extends AuditFrameworkSchema {
  @hasMany(() => AuditClause, { foreignKey: 'frameworkId' })
  declare clauses: HasMany<typeof AuditClause>

  label(locale: string) {
    return locale === 'en' && this.titleEn ? this.titleEn : this.title
  }
}
