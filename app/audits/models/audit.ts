import { belongsTo, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { AuditSchema } from '#database/schema'
import User from '#core/models/user'
import AuditFramework from '#audits/models/audit_framework'
import AuditVerdict from '#audits/models/audit_verdict'
import AuditFinding from '#audits/models/audit_finding'
import AuditObservation from '#audits/models/audit_observation'
import AuditConfirmation from '#audits/models/audit_confirmation'
import AuditSample from '#audits/models/audit_sample'
import AuditSnapshot from '#audits/models/audit_snapshot'
import AuditDocument from '#audits/models/audit_document'
import { EVALUATION_STATES, EVIDENCE_STATES, type AuditState } from '#audits/workflow'

/** An audit of the park against one framework over a period, by its evaluators. */
export default class Audit extends AuditSchema {
  declare state: AuditState

  // The naming strategy would map `snapshotSha256` to `snapshot_sha_256`.
  @column({ columnName: 'snapshot_sha256' })
  declare snapshotSha256: string | null

  @belongsTo(() => AuditFramework, { foreignKey: 'frameworkId' })
  declare framework: BelongsTo<typeof AuditFramework>

  @manyToMany(() => User, {
    pivotTable: 'audit_evaluators',
    pivotForeignKey: 'audit_id',
    pivotRelatedForeignKey: 'user_id',
    pivotTimestamps: { createdAt: 'created_at', updatedAt: false },
  })
  declare evaluators: ManyToMany<typeof User>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'issuedBy' })
  declare issuer: BelongsTo<typeof User>

  @hasMany(() => AuditDocument, { foreignKey: 'auditId' })
  declare documents: HasMany<typeof AuditDocument>

  @hasMany(() => AuditObservation, { foreignKey: 'auditId' })
  declare observations: HasMany<typeof AuditObservation>

  @hasMany(() => AuditConfirmation, { foreignKey: 'auditId' })
  declare confirmations: HasMany<typeof AuditConfirmation>

  @hasMany(() => AuditSample, { foreignKey: 'auditId' })
  declare samples: HasMany<typeof AuditSample>

  @hasMany(() => AuditVerdict, { foreignKey: 'auditId' })
  declare verdicts: HasMany<typeof AuditVerdict>

  @hasMany(() => AuditFinding, { foreignKey: 'auditId' })
  declare findings: HasMany<typeof AuditFinding>

  @hasMany(() => AuditSnapshot, { foreignKey: 'auditId' })
  declare snapshots: HasMany<typeof AuditSnapshot>

  /** Issued audits are locked: every write is refused. */
  get isLocked() {
    return this.state === 'issued'
  }

  /** Operators may still add evidence. */
  get acceptsEvidence() {
    return EVIDENCE_STATES.includes(this.state)
  }

  /** Evaluators may record observations, samples, verdicts and findings. */
  get acceptsEvaluation() {
    return EVALUATION_STATES.includes(this.state)
  }
}
