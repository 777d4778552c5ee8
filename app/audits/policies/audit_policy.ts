import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Audit from '#audits/models/audit'
import type AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import { isAssignedEvaluator } from '#audits/access'
import {
  canTransition,
  EVALUATION_STATES,
  EVIDENCE_STATES,
  type AuditAction,
} from '#audits/workflow'

/**
 * The same rights the audit services enforce (`#audits/access`), for controllers and `@can`:
 * operators set audits up and prepare evidence, never judge; evaluators read every audit and judge
 * the ones assigned to them; tenants answer only the confirmations sent to their enterprise.
 * Nothing is writable once an audit is issued.
 */
export default class AuditPolicy extends BasePolicy {
  /** Lists and pages of audits, evidence and the heatmap. */
  view(user: User) {
    return user.isActive && (user.isOperator || user.isEvaluator)
  }

  create(user: User) {
    return user.isActive && user.isOperator
  }

  /** Set the evaluators of an audit. */
  manage(user: User, audit: Audit) {
    return user.isActive && user.isOperator && audit.state !== 'issued'
  }

  /** Upload or remove documents. */
  prepareEvidence(user: User, audit: Audit) {
    return user.isActive && user.isOperator && EVIDENCE_STATES.includes(audit.state)
  }

  /** Observations, confirmations, samples, verdicts, findings. */
  async evaluate(user: User, audit: Audit) {
    return EVALUATION_STATES.includes(audit.state) && (await isAssignedEvaluator(user, audit))
  }

  async transition(user: User, audit: Audit, action: AuditAction) {
    if (!canTransition(action, audit.state)) return false
    if (action === 'start' && user.isActive && user.isOperator) return true
    return isAssignedEvaluator(user, audit)
  }

  /** A tenant user answers a question sent to their own enterprise. */
  answer(user: User, recipient: AuditConfirmationRecipient) {
    return (
      user.isActive &&
      user.isTenantUser &&
      user.tenantId !== null &&
      recipient.tenantId === user.tenantId
    )
  }
}
