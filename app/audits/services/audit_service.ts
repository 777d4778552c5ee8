import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import Audit from '#audits/models/audit'
import AuditFramework from '#audits/models/audit_framework'
import SnapshotService from '#audits/services/snapshot_service'
import {
  assertEvaluatorOf,
  assertNotLocked,
  lockState,
  assertOperator,
  assertReader,
  forbidden,
  isAssignedEvaluator,
} from '#audits/access'
import {
  AUDIT_TRANSITIONS,
  canTransition,
  NONCONFORMITIES,
  type AuditAction,
} from '#audits/workflow'

export interface CreateAuditInput {
  frameworkId: number
  title: string
  /** ISO dates, both included. */
  periodFrom: string
  periodTo: string
  evaluatorIds: number[]
}

/** Parses an ISO date or refuses it with a translated error on `field`. */
export function isoDate(value: string | DateTime, field: string) {
  const date = value instanceof DateTime ? value : DateTime.fromISO(value, { zone: 'utc' })
  if (!date.isValid) throw new DomainException('audits.errors.bad_date', {}, { field })
  return date.startOf('day')
}

/**
 * Audits (GB/T 39678-2020 §8): created by an operator for a framework, a period and its
 * evaluators; moved through planning → fieldwork → review → issued (`#audits/workflow`), each
 * step checked and written to the audit trail. Issue freezes every piece of evidence into
 * audit_snapshots with SHA-256 hashes and locks the audit.
 */
export default class AuditService {
  constructor(
    private trail = new AuditTrail(),
    private snapshots = new SnapshotService()
  ) {}

  /** An operator opens an audit in planning. */
  async create(input: CreateAuditInput, actor: User) {
    assertOperator(actor)
    const from = isoDate(input.periodFrom, 'periodFrom')
    const to = isoDate(input.periodTo, 'periodTo')
    if (to < from)
      throw new DomainException('audits.errors.period_order', {}, { field: 'periodTo' })
    const title = input.title.trim()
    if (!title) throw new DomainException('audits.errors.title_required', {}, { field: 'title' })
    return db.transaction(async (trx) => {
      await AuditFramework.findOrFail(input.frameworkId, { client: trx }).catch(() => {
        throw new DomainException('audits.errors.unknown_framework', {}, { field: 'frameworkId' })
      })
      const evaluatorIds = await this.checkEvaluators(trx, input.evaluatorIds)
      const audit = await Audit.create(
        {
          frameworkId: input.frameworkId,
          title,
          periodFrom: from,
          periodTo: to,
          state: 'planning',
          createdBy: actor.id,
        },
        { client: trx }
      )
      await audit.related('evaluators').attach(evaluatorIds, trx)
      await this.trail.record(trx, {
        action: 'audit.create',
        subjectType: 'audit',
        subjectId: audit.id,
        after: { ...audit.serialize(), evaluatorIds },
        actor,
      })
      return audit
    })
  }

  /** An operator replaces the evaluators of an audit not yet issued. */
  async setEvaluators(audit: Audit, evaluatorIds: number[], actor: User) {
    assertOperator(actor)
    assertNotLocked(audit)
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, null)
      const ids = await this.checkEvaluators(trx, evaluatorIds)
      const before = (await trx.from('audit_evaluators').where('audit_id', audit.id))
        .map((r) => Number(r.user_id))
        .sort((a, b) => a - b)
      await audit.related('evaluators').sync(ids, true, trx)
      await this.trail.record(trx, {
        action: 'audit.evaluators',
        subjectType: 'audit',
        subjectId: audit.id,
        before: { evaluatorIds: before },
        after: { evaluatorIds: ids },
        actor,
      })
      return ids
    })
  }

  /**
   * One step of the state machine. `start` may be taken by an operator or an assigned evaluator
   * (needs at least one evaluator); `review`, `reopen` and `issue` by an assigned evaluator only.
   */
  async transition(audit: Audit, action: AuditAction, actor: User) {
    assertNotLocked(audit)
    if (!canTransition(action, audit.state)) {
      throw new DomainException(
        'audits.errors.transition',
        { action, state: audit.state },
        { status: 409, code: 'E_AUDIT_STATE' }
      )
    }
    if (action === 'start') {
      if (!actor.isOperator && !(await isAssignedEvaluator(actor, audit))) throw forbidden()
    } else {
      await assertEvaluatorOf(actor, audit)
    }
    return db.transaction(async (trx) => {
      const locked = await Audit.query({ client: trx })
        .where('id', audit.id)
        .forUpdate()
        .firstOrFail()
      // Re-checked under the lock: two evaluators pressing "issue" at once issue once.
      if (!canTransition(action, locked.state)) {
        throw new DomainException(
          'audits.errors.transition',
          { action, state: locked.state },
          { status: 409, code: 'E_AUDIT_STATE' }
        )
      }
      if (action === 'start') await this.checkCanStart(trx, locked)
      if (action === 'issue') await this.checkCanIssue(trx, locked)
      const before = locked.serialize()
      locked.state = AUDIT_TRANSITIONS[action].to
      if (action === 'issue') {
        const now = DateTime.utc()
        locked.snapshotSha256 = await this.snapshots.freeze(trx, locked)
        locked.issuedAt = now
        locked.issuedBy = actor.id
      }
      await locked.save()
      await this.trail.record(trx, {
        action: `audit.${action}`,
        subjectType: 'audit',
        subjectId: locked.id,
        before,
        after: locked.serialize(),
        actor,
      })
      audit.merge({
        state: locked.state,
        issuedAt: locked.issuedAt,
        issuedBy: locked.issuedBy,
        snapshotSha256: locked.snapshotSha256,
        updatedAt: locked.updatedAt,
      })
      return audit
    })
  }

  /** Audits the user may open: every audit for operators and evaluators, none for anyone else. */
  visible(user: User) {
    const query = Audit.query().preload('framework').orderBy('id', 'desc')
    if (!user.isActive || !(user.isOperator || user.isEvaluator)) query.whereRaw('1 = 0')
    return query
  }

  /** Loads an audit for a reader (operator or evaluator), refusing anyone else. */
  async findForReader(id: number, user: User) {
    assertReader(user)
    return Audit.query().where('id', id).preload('framework').preload('evaluators').firstOrFail()
  }

  /** Evaluator ids of an audit. */
  async evaluatorIds(audit: Audit) {
    const rows = await db.from('audit_evaluators').where('audit_id', audit.id).orderBy('user_id')
    return rows.map((r) => Number(r.user_id))
  }

  private async checkEvaluators(trx: TransactionClientContract, ids: number[]) {
    const unique = [...new Set(ids.map(Number))].sort((a, b) => a - b)
    if (!unique.length) return unique
    const users = await User.query({ client: trx }).whereIn('id', unique)
    const valid = users.filter((u) => u.isEvaluator && u.isActive).map((u) => u.id)
    if (valid.length !== unique.length) {
      throw new DomainException('audits.errors.not_evaluator', {}, { field: 'evaluatorIds' })
    }
    return unique
  }

  private async checkCanStart(trx: TransactionClientContract, audit: Audit) {
    const row = await trx
      .from('audit_evaluators')
      .where('audit_id', audit.id)
      .count('* as n')
      .first()
    if (Number(row?.n ?? 0) === 0) throw new DomainException('audits.errors.no_evaluators')
  }

  /**
   * Issue needs a verdict on every clause, a finding for every nonconformity, and every file still
   * matching the hash it had when uploaded (tampered evidence is never frozen).
   */
  private async checkCanIssue(trx: TransactionClientContract, audit: Audit) {
    const [clauses, verdicts] = await Promise.all([
      trx.from('audit_clauses').where('framework_id', audit.frameworkId).count('* as n').first(),
      trx.from('audit_verdicts').where('audit_id', audit.id).count('* as n').first(),
    ])
    const missing = Number(clauses?.n ?? 0) - Number(verdicts?.n ?? 0)
    if (missing > 0) throw new DomainException('audits.errors.verdicts_missing', { count: missing })
    const unfounded = await trx
      .from('audit_verdicts as v')
      .where('v.audit_id', audit.id)
      .whereIn('v.verdict', NONCONFORMITIES)
      .whereNotExists((q) =>
        q
          .from('audit_findings as f')
          .whereColumn('f.audit_id', 'v.audit_id')
          .whereColumn('f.clause_id', 'v.clause_id')
      )
      .count('* as n')
      .first()
    if (Number(unfounded?.n ?? 0) > 0) {
      throw new DomainException('audits.errors.findings_missing', { count: Number(unfounded!.n) })
    }
  }
}
