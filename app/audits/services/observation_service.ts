import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import type { UploadedFile } from '#core/services/attachment_service'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import type Audit from '#audits/models/audit'
import AuditObservation from '#audits/models/audit_observation'
import AuditObservationPhoto from '#audits/models/audit_observation_photo'
import { assertEvaluatorOf, assertReader, assertState, lockState } from '#audits/access'
import { clauseOf } from '#audits/services/clauses'
import { isoDate } from '#audits/services/audit_service'
import { storeEvidenceFile } from '#audits/files'
import { EVALUATION_STATES } from '#audits/workflow'

export interface ObservationInput {
  clauseId: number
  text: string
  observedOn: string
  place?: string | null
}

/** GB/T 39678 §8 现场查看: an assigned evaluator records what was seen on site, with photos. */
export default class ObservationService {
  constructor(private trail = new AuditTrail()) {}

  async record(audit: Audit, input: ObservationInput, photos: UploadedFile[], actor: User) {
    assertState(audit, EVALUATION_STATES)
    await assertEvaluatorOf(actor, audit)
    const text = input.text.trim()
    if (!text) throw new DomainException('audits.errors.text_required', {}, { field: 'text' })
    const observedOn = isoDate(input.observedOn, 'observedOn')
    if (observedOn > DateTime.utc().plus({ days: 1 })) {
      throw new DomainException('audits.errors.future_date', {}, { field: 'observedOn' })
    }
    return db.transaction(async (trx) => {
      await lockState(trx, audit.id, EVALUATION_STATES)
      await clauseOf(trx, audit, input.clauseId)
      const observation = await AuditObservation.create(
        {
          auditId: audit.id,
          clauseId: input.clauseId,
          text,
          observedOn,
          place: input.place?.trim() || null,
          evaluatorId: actor.id,
        },
        { client: trx }
      )
      for (const photo of photos) {
        const stored = await storeEvidenceFile(trx, photo, 'photos', 'photos')
        await AuditObservationPhoto.create(
          { observationId: observation.id, ...stored },
          { client: trx }
        )
      }
      await this.trail.record(trx, {
        action: 'audit_observation.create',
        subjectType: 'audit_observation',
        subjectId: observation.id,
        after: { ...observation.serialize(), photos: photos.length },
        actor,
      })
      return observation
    })
  }

  forAudit(audit: Audit, reader: User) {
    assertReader(reader)
    return AuditObservation.query()
      .where('audit_id', audit.id)
      .preload('photos')
      .preload('evaluator')
      .orderBy('id', 'desc')
  }
}
