import { belongsTo, column, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, ManyToMany } from '@adonisjs/lucid/types/relations'
import { AuditDocumentSchema } from '#database/schema'
import User from '#core/models/user'
import AuditClause from '#audits/models/audit_clause'

/**
 * Documentary evidence (GB/T 39678 §8 归档并管理): the file, its SHA-256 at upload, the dates it is
 * in force, and the clauses it supports. Without an audit it is park-wide evidence.
 */
export default class AuditDocument extends AuditDocumentSchema {
  declare size: number

  // The naming strategy would map `sha256` to `sha_256`; the column is `sha256`.
  @column({ columnName: 'sha256' })
  declare sha256: string

  @manyToMany(() => AuditClause, {
    pivotTable: 'audit_document_clauses',
    pivotForeignKey: 'document_id',
    pivotRelatedForeignKey: 'clause_id',
  })
  declare clauses: ManyToMany<typeof AuditClause>

  @belongsTo(() => User, { foreignKey: 'uploadedBy' })
  declare uploader: BelongsTo<typeof User>
}
