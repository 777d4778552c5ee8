import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import drive from '@adonisjs/drive/services/main'
import type User from '#core/models/user'
import type { UploadedFile } from '#core/services/attachment_service'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import Audit from '#audits/models/audit'
import AuditDocument from '#audits/models/audit_document'
import { assertOperator, assertReader, assertState, lockState } from '#audits/access'
import { isoDate } from '#audits/services/audit_service'
import { storeEvidenceFile, verifyFile } from '#audits/files'
import { EVIDENCE_STATES } from '#audits/workflow'

export interface DocumentInput {
  title: string
  clauseIds: number[]
  /** ISO dates; expiry optional (a policy in force until replaced). */
  effectiveOn: string
  expiresOn?: string | null
}

/**
 * Documentary evidence (GB/T 39678 §8 归档并管理): operators upload files for clauses, with the
 * dates they are in force and the SHA-256 at upload; a later check compares it with the bytes
 * now (tamper detection). Park-wide documents (no audit) serve every audit whose period they cover.
 */
export default class DocumentService {
  constructor(private trail = new AuditTrail()) {}

  async upload(audit: Audit | null, file: UploadedFile, input: DocumentInput, actor: User) {
    assertOperator(actor)
    if (audit) assertState(audit, EVIDENCE_STATES)
    const title = input.title.trim()
    if (!title) throw new DomainException('audits.errors.title_required', {}, { field: 'title' })
    const effective = isoDate(input.effectiveOn, 'effectiveOn')
    const expires = input.expiresOn ? isoDate(input.expiresOn, 'expiresOn') : null
    if (expires && expires < effective) {
      throw new DomainException('audits.errors.expiry_order', {}, { field: 'expiresOn' })
    }
    return db.transaction(async (trx) => {
      if (audit) await lockState(trx, audit.id, EVIDENCE_STATES)
      const clauseIds = await this.checkClauses(trx, input.clauseIds, audit)
      const stored = await storeEvidenceFile(trx, file, 'documents', 'file')
      const document = await AuditDocument.create(
        {
          auditId: audit?.id ?? null,
          title,
          ...stored,
          effectiveOn: effective,
          expiresOn: expires,
          uploadedBy: actor.id,
        },
        { client: trx }
      )
      await document.related('clauses').attach(clauseIds, trx)
      await this.trail.record(trx, {
        action: 'audit_document.upload',
        subjectType: 'audit_document',
        subjectId: document.id,
        after: { ...document.serialize(), clauseIds },
        actor,
      })
      return document
    })
  }

  /**
   * Removes a document that no issued audit froze (the snapshot keeps its hash, and the file must
   * stay to be checked against it).
   */
  async remove(document: AuditDocument, actor: User) {
    assertOperator(actor)
    if (document.auditId) assertState(await Audit.findOrFail(document.auditId), EVIDENCE_STATES)
    await db.transaction(async (trx) => {
      if (document.auditId) await lockState(trx, document.auditId, EVIDENCE_STATES)
      const frozen = await trx
        .from('audit_snapshots')
        .where({ kind: 'document', ref: `audit_documents:${document.id}` })
        .first()
      if (frozen) {
        throw new DomainException(
          'audits.errors.document_frozen',
          {},
          { status: 409, code: 'E_AUDIT_LOCKED' }
        )
      }
      document.useTransaction(trx)
      const before = document.serialize()
      await document.delete()
      await this.trail.record(trx, {
        action: 'audit_document.delete',
        subjectType: 'audit_document',
        subjectId: document.id,
        before,
        actor,
      })
      trx.after('commit', () => drive.use().delete(document.storageKey))
    })
  }

  /** Documents an audit can use: its own and the park-wide ones, with their clauses. */
  forAudit(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditDocument.query()
      .where((q) => q.where('audit_id', audit.id).orWhereNull('audit_id'))
      .preload('clauses', (q) => q.orderBy('position'))
      .orderBy('id', 'desc')
  }

  /** Tamper check of one document. */
  async verify(document: AuditDocument) {
    return { documentId: document.id, ...(await verifyFile(document)) }
  }

  /** Tamper check of every document an audit uses; the ones that fail. */
  async tampered(audit: Audit) {
    const failed: Array<{ documentId: number; title: string; missing: boolean }> = []
    const documents = await AuditDocument.query()
      .where((q) => q.where('audit_id', audit.id).orWhereNull('audit_id'))
      .orderBy('id')
    for (const document of documents) {
      const check = await verifyFile(document)
      if (!check.intact)
        failed.push({ documentId: document.id, title: document.title, missing: check.missing })
    }
    return failed
  }

  /** Stream of the stored bytes (the controller checks the reader first). */
  read(document: AuditDocument) {
    return drive.use().getStream(document.storageKey)
  }

  private async checkClauses(trx: TransactionClientContract, ids: number[], audit: Audit | null) {
    const unique = [...new Set(ids.map(Number))]
    if (!unique.length)
      throw new DomainException('audits.errors.clauses_required', {}, { field: 'clauseIds' })
    const query = trx.from('audit_clauses').whereIn('id', unique)
    if (audit) query.where('framework_id', audit.frameworkId)
    const rows = await query.select('id')
    if (rows.length !== unique.length) {
      throw new DomainException('audits.errors.unknown_clause', {}, { field: 'clauseIds' })
    }
    return unique
  }
}
