import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import Audit from '#audits/models/audit'
import AuditSample from '#audits/models/audit_sample'
import AuditSampleItem from '#audits/models/audit_sample_item'
import { assertEvaluatorOf, assertReader, assertState, lockState } from '#audits/access'
import { clauseOf } from '#audits/services/clauses'
import { auditPeriod } from '#audits/period'
import { draw, newSeed } from '#audits/random'
import { sampleKind } from '#audits/sampling'
import { EVALUATION_STATES, SAMPLE_RESULTS, type SampleResult } from '#audits/workflow'

export interface SampleInput {
  clauseId: number
  recordKind: string
  size: number
  seed?: string | null
}

export interface JudgeInput {
  result: SampleResult
  note?: string | null
}

/** Largest sample drawn at once. */
export const MAX_SAMPLE = 200

/**
 * Record samples (GB/T 39678 §8 过程验证): a seeded random draw of records of one kind in the
 * audit's period, the same seed giving the same draw; the evaluator marks each item pass or fail.
 */
export default class SampleService {
  constructor(private trail = new AuditTrail()) {}

  async draw(audit: Audit, input: SampleInput, actor: User) {
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    const kind = sampleKind(input.recordKind)
    if (!kind) throw new DomainException('audits.errors.record_kind', {}, { field: 'recordKind' })
    const size = Number(input.size)
    if (!Number.isInteger(size) || size < 1 || size > MAX_SAMPLE) {
      throw new DomainException('audits.errors.sample_size', { max: MAX_SAMPLE }, { field: 'size' })
    }
    const seed = input.seed?.trim() || newSeed()
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      await clauseOf(trx, audit, input.clauseId)
      const population = await kind.population(trx, auditPeriod(audit))
      if (!population.length) {
        throw new DomainException('audits.errors.empty_population', {}, { field: 'recordKind' })
      }
      const drawn = draw(population, size, seed)
      const labels = await kind.labels(trx, drawn)
      const sample = await AuditSample.create(
        {
          auditId: audit.id,
          clauseId: input.clauseId,
          recordKind: input.recordKind,
          seed,
          size: drawn.length,
          population: population.length,
          drawnBy: actor.id,
        },
        { client: trx }
      )
      await trx.table('audit_sample_items').multiInsert(
        drawn.map((recordId, position) => ({
          sample_id: sample.id,
          record_id: recordId,
          label: labels.get(recordId) ?? `#${recordId}`,
          position,
        }))
      )
      await this.trail.record(trx, {
        action: 'audit_sample.draw',
        subjectType: 'audit_sample',
        subjectId: sample.id,
        after: { ...sample.serialize(), recordIds: drawn },
        actor,
      })
      return sample
    })
  }

  /** The evaluator's pass/fail (and note) on one drawn record. */
  async judge(itemId: number, input: JudgeInput, actor: User) {
    if (!SAMPLE_RESULTS.includes(input.result)) {
      throw new DomainException('audits.errors.result', {}, { field: 'result' })
    }
    return db.transaction(async (trx) => {
      const item = await AuditSampleItem.findOrFail(itemId, { client: trx })
      const sample = await AuditSample.findOrFail(item.sampleId, { client: trx })
      const audit = await Audit.findOrFail(sample.auditId, { client: trx })
      await lockState(trx, audit.id, EVALUATION_STATES)
      await assertEvaluatorOf(actor, audit, trx)
      const before = item.serialize()
      item.merge({
        result: input.result,
        note: input.note?.trim() || null,
        checkedBy: actor.id,
        checkedAt: DateTime.utc(),
      })
      await item.save()
      await this.trail.record(trx, {
        action: 'audit_sample.judge',
        subjectType: 'audit_sample_item',
        subjectId: item.id,
        before,
        after: item.serialize(),
        actor,
      })
      return item
    })
  }

  forAudit(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditSample.query()
      .where('audit_id', audit.id)
      .preload('items', (q) => q.orderBy('position'))
      .preload('clause')
      .orderBy('id', 'desc')
  }
}
