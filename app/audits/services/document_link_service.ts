import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import type Audit from '#audits/models/audit'
import type AuditDocument from '#audits/models/audit_document'
import { assertOperator, assertState } from '#audits/access'
import { EVIDENCE_STATES } from '#audits/workflow'

/**
 * Operators link a document already on file (this audit's or a park-wide one) to more clauses of
 * the audit's framework, instead of uploading the same file again (GB/T 39678 §8 归档并管理:
 * one record may prove several requirements). Links are only added, never removed, so evidence an
 * earlier issued audit froze keeps its meaning.
 */
export default class DocumentLinkService {
  constructor(private trail = new AuditTrail()) {}

  async link(audit: Audit, document: AuditDocument, clauseIds: number[], actor: User) {
    assertOperator(actor)
    assertState(audit, EVIDENCE_STATES)
    if (document.auditId !== null && document.auditId !== audit.id) {
      throw new DomainException('audits.errors.not_found', {}, { status: 404, code: 'E_NOT_FOUND' })
    }
    const wanted = [...new Set(clauseIds.map(Number))]
    if (!wanted.length) {
      throw new DomainException('audits.errors.clauses_required', {}, { field: 'clauseIds' })
    }
    return db.transaction(async (trx) => {
      const known = await trx
        .from('audit_clauses')
        .whereIn('id', wanted)
        .where('framework_id', audit.frameworkId)
        .select('id')
      if (known.length !== wanted.length) {
        throw new DomainException('audits.errors.unknown_clause', {}, { field: 'clauseIds' })
      }
      const before = (
        await trx
          .from('audit_document_clauses')
          .where('document_id', document.id)
          .select('clause_id')
      ).map((r) => Number(r.clause_id))
      const added = wanted.filter((id) => !before.includes(id))
      if (added.length) {
        await trx
          .table('audit_document_clauses')
          .multiInsert(added.map((id) => ({ document_id: document.id, clause_id: id })))
      }
      await this.trail.record(trx, {
        action: 'audit_document.link',
        subjectType: 'audit_document',
        subjectId: document.id,
        before: { clauseIds: before },
        after: { clauseIds: [...before, ...added], auditId: audit.id },
        actor,
      })
      return added
    })
  }
}
