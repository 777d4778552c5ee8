import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import type Audit from '#audits/models/audit'
import AuditConfirmation from '#audits/models/audit_confirmation'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import { assertEvaluatorOf, assertReader, assertState, lockState, forbidden } from '#audits/access'
import { clauseOf } from '#audits/services/clauses'
import { draw, newSeed } from '#audits/random'
import { ANSWERS, AUDIENCES, EVALUATION_STATES, type Answer, type Audience } from '#audits/workflow'

/** Tenants that can be asked: those in the park now. */
export const ASKABLE_TENANT_STATUSES = ['admitted', 'resident']

export interface ConfirmationInput {
  clauseId: number
  question: string
  audience: Audience
  /** For a sample: how many tenants, and the seed (a fresh one when absent). */
  sampleSize?: number | null
  seed?: string | null
}

export interface AnswerInput {
  answer: Answer
  comment?: string | null
}

export interface Tally {
  recipients: number
  answered: number
  yes: number
  no: number
  comments: Array<{ tenantId: number; answer: Answer; comment: string }>
}

/**
 * GB/T 39678 §8 向产业园企业确认 (8.2.1.1, 8.2.2–8.2.7, 8.2.9): an assigned evaluator puts a yes/no
 * question to every tenant or to a seeded random sample of them; each tenant's users answer their
 * own enterprise's question only, until the audit is issued.
 */
export default class ConfirmationService {
  constructor(private trail = new AuditTrail()) {}

  async send(audit: Audit, input: ConfirmationInput, actor: User) {
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    const question = input.question.trim()
    if (!question)
      throw new DomainException('audits.errors.question_required', {}, { field: 'question' })
    if (!AUDIENCES.includes(input.audience)) {
      throw new DomainException('audits.errors.audience', {}, { field: 'audience' })
    }
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      await clauseOf(trx, audit, input.clauseId)
      const tenantIds = (
        await trx.from('tenants').whereIn('status', ASKABLE_TENANT_STATUSES).select('id')
      ).map((r) => Number(r.id))
      if (!tenantIds.length) throw new DomainException('audits.errors.no_tenants')
      let chosen = tenantIds
      let seed: string | null = null
      let sampleSize: number | null = null
      if (input.audience === 'sample') {
        sampleSize = Number(input.sampleSize)
        if (!Number.isInteger(sampleSize) || sampleSize < 1) {
          throw new DomainException('audits.errors.sample_size', {}, { field: 'sampleSize' })
        }
        seed = input.seed?.trim() || newSeed()
        chosen = draw(tenantIds, sampleSize, seed)
      }
      const now = DateTime.utc()
      const confirmation = await AuditConfirmation.create(
        {
          auditId: audit.id,
          clauseId: input.clauseId,
          question,
          audience: input.audience,
          sampleSize,
          seed,
          sentBy: actor.id,
          sentAt: now,
        },
        { client: trx }
      )
      const rows = chosen.map((tenantId) => ({
        confirmation_id: confirmation.id,
        tenant_id: tenantId,
        created_at: now.toFormat('yyyy-MM-dd HH:mm:ss'),
        updated_at: now.toFormat('yyyy-MM-dd HH:mm:ss'),
      }))
      for (let i = 0; i < rows.length; i += 500) {
        await trx.table('audit_confirmation_recipients').multiInsert(rows.slice(i, i + 500))
      }
      await this.trail.record(trx, {
        action: 'audit_confirmation.send',
        subjectType: 'audit_confirmation',
        subjectId: confirmation.id,
        after: { ...confirmation.serialize(), recipients: chosen.length },
        actor,
      })
      return confirmation
    })
  }

  /** A tenant user answers the question sent to their own enterprise. */
  async answer(recipientId: number, input: AnswerInput, actor: User) {
    if (!actor.isActive || !actor.isTenantUser || actor.tenantId === null) throw forbidden()
    if (!ANSWERS.includes(input.answer)) {
      throw new DomainException('audits.errors.answer', {}, { field: 'answer' })
    }
    return db.transaction(async (trx) => {
      const recipient = await AuditConfirmationRecipient.query({ client: trx })
        .where('id', recipientId)
        .forUpdate()
        .first()
      // Another tenant's question does not exist for this user: same answer as a missing one.
      if (!recipient || recipient.tenantId !== actor.tenantId) {
        throw new DomainException(
          'audits.errors.not_found',
          {},
          { status: 404, code: 'E_NOT_FOUND' }
        )
      }
      const confirmation = await AuditConfirmation.findOrFail(recipient.confirmationId, {
        client: trx,
      })
      await lockState(trx, confirmation.auditId, null)
      const before = recipient.serialize()
      recipient.merge({
        answer: input.answer,
        comment: input.comment?.trim() || null,
        answeredBy: actor.id,
        answeredAt: DateTime.utc(),
      })
      await recipient.save()
      await this.trail.record(trx, {
        action: 'audit_confirmation.answer',
        subjectType: 'audit_confirmation_recipient',
        subjectId: recipient.id,
        before,
        after: recipient.serialize(),
        tenantId: recipient.tenantId,
        actor,
      })
      return recipient
    })
  }

  /** The questions sent to the user's enterprise, newest first (tenant isolation: own rows only). */
  forTenant(user: User) {
    const query = AuditConfirmationRecipient.query()
      .preload('confirmation', (q) => q.preload('clause').preload('audit'))
      .orderBy('id', 'desc')
    if (!user.isActive || !user.isTenantUser || user.tenantId === null) query.whereRaw('1 = 0')
    else query.where('tenant_id', user.tenantId)
    return query
  }

  forAudit(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditConfirmation.query()
      .where('audit_id', audit.id)
      .preload('clause')
      .orderBy('id', 'desc')
  }

  /** Yes/no counts and the comments given (evaluators and operators read it). */
  async tally(confirmation: AuditConfirmation, reader: User): Promise<Tally> {
    assertReader(reader)
    const rows = await db
      .from('audit_confirmation_recipients')
      .where('confirmation_id', confirmation.id)
      .select('tenant_id', 'answer', 'comment')
      .orderBy('id')
    const tally: Tally = { recipients: rows.length, answered: 0, yes: 0, no: 0, comments: [] }
    for (const row of rows) {
      if (row.answer === null) continue
      tally.answered++
      if (row.answer === 'yes') tally.yes++
      else tally.no++
      if (row.comment)
        tally.comments.push({
          tenantId: Number(row.tenant_id),
          answer: row.answer,
          comment: row.comment,
        })
    }
    return tally
  }
}
