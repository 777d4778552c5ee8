import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainException from '#core/exceptions/domain_exception'
import AuditClause from '#audits/models/audit_clause'
import type Audit from '#audits/models/audit'

/** A clause of the audit's framework, or a translated refusal on `clauseId`. */
export async function clauseOf(trx: TransactionClientContract, audit: Audit, clauseId: number) {
  const clause = await AuditClause.query({ client: trx })
    .where({ id: clauseId, frameworkId: audit.frameworkId })
    .first()
  if (!clause) throw new DomainException('audits.errors.unknown_clause', {}, { field: 'clauseId' })
  return clause
}
