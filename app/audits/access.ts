import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainException from '#core/exceptions/domain_exception'
import type User from '#core/models/user'
import type Audit from '#audits/models/audit'
import type { AuditState } from '#audits/workflow'

/**
 * Who may do what in an audit, enforced by every service (the policies ask the same questions):
 * operators prepare evidence (documents) and run the audit's set-up, never a verdict; evaluators
 * read every audit and, on the audits they are assigned to, record observations, confirmations,
 * samples, verdicts and findings; tenants only answer the confirmations sent to their enterprise.
 */
export function forbidden(key = 'audits.errors.forbidden') {
  return new DomainException(key, {}, { status: 403, code: 'E_AUDIT_FORBIDDEN' })
}

/** Is the user one of the audit's evaluators? */
export async function isAssignedEvaluator(
  user: User,
  audit: Audit,
  client: QueryClientContract = db.connection()
) {
  if (!user.isEvaluator || !user.isActive) return false
  const row = await client
    .from('audit_evaluators')
    .where({ audit_id: audit.id, user_id: user.id })
    .first()
  return Boolean(row)
}

export function canRead(user: User) {
  return user.isActive && (user.isOperator || user.isEvaluator)
}

export function assertReader(user: User) {
  if (!canRead(user)) throw forbidden()
}

export function assertOperator(user: User) {
  if (!user.isActive || !user.isOperator) throw forbidden('audits.errors.operators_only')
}

export async function assertEvaluatorOf(user: User, audit: Audit, client?: QueryClientContract) {
  if (!(await isAssignedEvaluator(user, audit, client))) {
    throw forbidden('audits.errors.evaluators_only')
  }
}

/** Issued audits are locked: every later write is refused (GB/T 39678 7.2: records kept unaltered). */
export function assertNotLocked(audit: Audit) {
  if (audit.state === 'issued') {
    throw new DomainException('audits.errors.locked', {}, { status: 409, code: 'E_AUDIT_LOCKED' })
  }
}

/** The audit must be in one of `states` for this write. */
export function assertState(audit: Audit, states: AuditState[]) {
  assertNotLocked(audit)
  if (!states.includes(audit.state)) {
    throw new DomainException(
      'audits.errors.wrong_state',
      { state: audit.state },
      { status: 409, code: 'E_AUDIT_STATE' }
    )
  }
}

/**
 * Re-reads the audit's state inside the write's transaction, holding a shared lock on its row
 * (MySQL): a write that started before an issue waits for it and is then refused, so nothing
 * lands after the snapshot was taken. `states` null: any state but issued.
 */
export async function lockState(
  trx: TransactionClientContract,
  auditId: number,
  states: AuditState[] | null
) {
  const query = trx.from('audits').where('id', auditId).select('state')
  if (trx.dialect.name === 'mysql') query.forShare()
  const row = await query.first()
  if (!row)
    throw new DomainException('audits.errors.not_found', {}, { status: 404, code: 'E_NOT_FOUND' })
  const current = { state: row.state as AuditState } as Audit
  if (states) assertState(current, states)
  else assertNotLocked(current)
}
