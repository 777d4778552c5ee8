import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import Audit from '#audits/models/audit'
import AuditVerdict from '#audits/models/audit_verdict'
import AuditFinding from '#audits/models/audit_finding'
import { assertEvaluatorOf, assertReader, assertState, lockState } from '#audits/access'
import { clauseOf } from '#audits/services/clauses'
import { isoDate } from '#audits/services/audit_service'
import { EVALUATION_STATES, NONCONFORMITIES, VERDICTS, type Verdict } from '#audits/workflow'

export interface VerdictInput {
  verdict: Verdict
  observation?: string | null
}

export interface FindingInput {
  clauseId: number
  description: string
  ownerUserId?: number | null
  dueOn: string
}

/**
 * Verdicts and findings: only an audit's assigned evaluators judge its clauses (operators never);
 * a minor or major nonconformity becomes a finding with an owner and a deadline, closed after a
 * re-check.
 */
export default class VerdictService {
  constructor(private trail = new AuditTrail()) {}

  /** Sets (or changes) the verdict on one clause. */
  async set(audit: Audit, clauseId: number, input: VerdictInput, actor: User) {
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    if (!VERDICTS.includes(input.verdict)) {
      throw new DomainException('audits.errors.verdict', {}, { field: 'verdict' })
    }
    const observation = input.observation?.trim() || null
    if (NONCONFORMITIES.includes(input.verdict) && !observation) {
      throw new DomainException('audits.errors.observation_required', {}, { field: 'observation' })
    }
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      await clauseOf(trx, audit, clauseId)
      const existing = await AuditVerdict.query({ client: trx })
        .where({ auditId: audit.id, clauseId })
        .forUpdate()
        .first()
      const before = existing?.serialize() ?? null
      const verdict = existing ?? new AuditVerdict()
      verdict.useTransaction(trx)
      verdict.merge({
        auditId: audit.id,
        clauseId,
        verdict: input.verdict,
        observation,
        evaluatorId: actor.id,
      })
      await verdict.save()
      await this.trail.record(trx, {
        action: existing ? 'audit_verdict.update' : 'audit_verdict.create',
        subjectType: 'audit_verdict',
        subjectId: verdict.id,
        before,
        after: verdict.serialize(),
        actor,
      })
      return verdict
    })
  }

  /** Opens a finding on a clause judged a minor or major nonconformity. */
  async openFinding(audit: Audit, input: FindingInput, actor: User) {
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    const description = input.description.trim()
    if (!description) {
      throw new DomainException('audits.errors.text_required', {}, { field: 'description' })
    }
    const dueOn = isoDate(input.dueOn, 'dueOn')
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      await clauseOf(trx, audit, input.clauseId)
      const verdict = await AuditVerdict.query({ client: trx })
        .where({ auditId: audit.id, clauseId: input.clauseId })
        .first()
      if (!verdict || !NONCONFORMITIES.includes(verdict.verdict)) {
        throw new DomainException(
          'audits.errors.finding_needs_nonconformity',
          {},
          { field: 'clauseId' }
        )
      }
      if (input.ownerUserId) {
        const owner = await User.find(input.ownerUserId, { client: trx })
        if (!owner || !owner.isOperator || !owner.isActive) {
          throw new DomainException('audits.errors.owner', {}, { field: 'ownerUserId' })
        }
      }
      const finding = await AuditFinding.create(
        {
          auditId: audit.id,
          clauseId: input.clauseId,
          severity: verdict.verdict as 'minor' | 'major',
          description,
          ownerUserId: input.ownerUserId ?? null,
          dueOn,
          state: 'open',
          createdBy: actor.id,
        },
        { client: trx }
      )
      await this.trail.record(trx, {
        action: 'audit_finding.open',
        subjectType: 'audit_finding',
        subjectId: finding.id,
        after: finding.serialize(),
        actor,
      })
      return finding
    })
  }

  /** Closes a finding after the evaluator's re-check of the correction. */
  async closeFinding(finding: AuditFinding, recheckNote: string, actor: User) {
    const audit = await Audit.findOrFail(finding.auditId)
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    const note = recheckNote.trim()
    if (!note)
      throw new DomainException('audits.errors.recheck_required', {}, { field: 'recheckNote' })
    if (finding.state === 'closed') throw new DomainException('audits.errors.finding_closed')
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      return this.trail.saveChanges(
        finding,
        'audit_finding.close',
        'audit_finding',
        (row) => {
          row.merge({
            state: 'closed',
            recheckNote: note,
            closedAt: DateTime.utc(),
            closedBy: actor.id,
          })
        },
        { actor, client: trx }
      )
    })
  }

  verdicts(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditVerdict.query().where('audit_id', audit.id).preload('clause').preload('evaluator')
  }

  findings(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditFinding.query()
      .where('audit_id', audit.id)
      .preload('clause')
      .preload('owner')
      .orderBy('id', 'desc')
  }
}
