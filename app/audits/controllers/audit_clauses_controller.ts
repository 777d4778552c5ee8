import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import User from '#core/models/user'
import { calendarDay } from '#core/dates'
import Audit from '#audits/models/audit'
import AuditClause from '#audits/models/audit_clause'
import AuditObservationPhoto from '#audits/models/audit_observation_photo'
import AuditSampleItem from '#audits/models/audit_sample_item'
import AuditSample from '#audits/models/audit_sample'
import AuditService from '#audits/services/audit_service'
import ConfirmationService from '#audits/services/confirmation_service'
import DocumentService from '#audits/services/document_service'
import EvidenceStateService, { lookupsOf } from '#audits/services/evidence_state_service'
import ObservationService from '#audits/services/observation_service'
import SampleService from '#audits/services/sample_service'
import VerdictService from '#audits/services/verdict_service'
import { auditPeriod } from '#audits/period'
import { assertNotLocked } from '#audits/access'
import { sampleKind, sampleKinds } from '#audits/sampling'
import { auditWebMessages } from '#audits/validators/messages'
import {
  confirmationValidator,
  findingValidator,
  judgeValidator,
  observationValidator,
  sampleValidator,
  verdictValidator,
} from '#audits/validators/audit_validator'
import { AUDIENCES, SAMPLE_RESULTS, VERDICTS } from '#audits/workflow'

/**
 * /audits/:id/clauses/:clause: one requirement, its GB/T 39678 §8 verification methods, every piece
 * of evidence (live records, documents, on-site observations, tenant confirmations, samples) and
 * the verdict; the evaluators' forms post here.
 */
export default class AuditClausesController {
  async show({ params, view, bouncer, auth }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const user = auth.getUserOrFail()
    const audit = await new AuditService().findForReader(Number(params.id), user)
    const clause = await this.clause(audit, params.clause)
    const evidence = (await new EvidenceStateService().clauses(audit, user)).find(
      (c) => c.clauseId === clause.id
    )!
    const live = await new EvidenceStateService().providerResults(
      lookupsOf([clause], new Map([[clause.id, clause.methods]])),
      auditPeriod(audit),
      db.connection()
    )
    const documents = await new DocumentService()
      .forAudit(audit, user)
      .whereHas('clauses', (q) => q.where('audit_clauses.id', clause.id))
      .preload('uploader')
    const checks = new Map<number, { intact: boolean; missing: boolean }>()
    for (const document of documents) {
      checks.set(document.id, await new DocumentService().verify(document))
    }
    const confirmations = await new ConfirmationService()
      .forAudit(audit, user)
      .where('clause_id', clause.id)
      .preload('recipients', (q) => q.preload('tenant').orderBy('id'))
    const tallies = new Map()
    for (const confirmation of confirmations) {
      tallies.set(confirmation.id, await new ConfirmationService().tally(confirmation, user))
    }
    const verdict = (await new VerdictService().verdicts(audit, user)).find(
      (v) => v.clauseId === clause.id
    )
    return view.render('pages/audits/clause', {
      audit,
      clause,
      evidence,
      live: live.get(clause.number) ?? [],
      documents,
      checks,
      observations: await new ObservationService()
        .forAudit(audit, user)
        .where('clause_id', clause.id),
      confirmations,
      tallies,
      samples: await new SampleService().forAudit(audit, user).where('clause_id', clause.id),
      verdict,
      findings: await new VerdictService()
        .findings(audit, user)
        .where('clause_id', clause.id)
        .preload('owner'),
      canEvaluate: await bouncer.with('AuditPolicy').allows('evaluate', audit),
      operators: await User.query()
        .whereIn('role', ['operator_admin', 'operator_staff'])
        .where('is_active', true)
        .orderBy('full_name'),
      sampleKinds: sampleKinds().map((key) => ({ key, title: sampleKind(key)!.title })),
      verdicts: VERDICTS,
      audiences: AUDIENCES,
      results: SAMPLE_RESULTS,
      today: calendarDay(new Date()).toISODate(),
    })
  }

  async verdict(ctx: HttpContext) {
    const { audit, clause } = await this.forEvaluation(ctx)
    const payload = await ctx.request.validateUsing(verdictValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new VerdictService().set(audit, clause.id, payload, ctx.auth.getUserOrFail())
    return this.back(ctx, audit, clause, 'verdict')
  }

  async observe(ctx: HttpContext) {
    const { audit, clause } = await this.forEvaluation(ctx)
    const payload = await ctx.request.validateUsing(observationValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new ObservationService().record(
      audit,
      {
        clauseId: clause.id,
        text: payload.text,
        observedOn: calendarDay(payload.observedOn).toISODate()!,
        place: payload.place,
      },
      payload.photos ?? [],
      ctx.auth.getUserOrFail()
    )
    return this.back(ctx, audit, clause, 'observation')
  }

  async confirm(ctx: HttpContext) {
    const { audit, clause } = await this.forEvaluation(ctx)
    const payload = await ctx.request.validateUsing(confirmationValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new ConfirmationService().send(
      audit,
      { clauseId: clause.id, ...payload },
      ctx.auth.getUserOrFail()
    )
    return this.back(ctx, audit, clause, 'confirmation')
  }

  async sample(ctx: HttpContext) {
    const { audit, clause } = await this.forEvaluation(ctx)
    const payload = await ctx.request.validateUsing(sampleValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new SampleService().draw(
      audit,
      { clauseId: clause.id, ...payload },
      ctx.auth.getUserOrFail()
    )
    return this.back(ctx, audit, clause, 'sample')
  }

  async finding(ctx: HttpContext) {
    const { audit, clause } = await this.forEvaluation(ctx)
    const payload = await ctx.request.validateUsing(findingValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new VerdictService().openFinding(
      audit,
      {
        clauseId: clause.id,
        description: payload.description,
        ownerUserId: payload.ownerUserId ?? null,
        dueOn: calendarDay(payload.dueOn).toISODate()!,
      },
      ctx.auth.getUserOrFail()
    )
    return this.back(ctx, audit, clause, 'finding')
  }

  /** Pass/fail and a note on one sampled record. */
  async judge(ctx: HttpContext) {
    const audit = await Audit.findOrFail(ctx.params.id)
    const item = await AuditSampleItem.findOrFail(ctx.params.item)
    const sample = await AuditSample.query()
      .where({ id: item.sampleId, auditId: audit.id })
      .preload('clause')
      .firstOrFail()
    await this.authorizeEvaluation(ctx, audit)
    const payload = await ctx.request.validateUsing(judgeValidator, {
      messagesProvider: auditWebMessages(ctx.i18n),
    })
    await new SampleService().judge(item.id, payload, ctx.auth.getUserOrFail())
    return this.back(ctx, audit, sample.clause, 'judged')
  }

  /** An observation photo, for the audit's readers only. */
  async photo({ params, response, bouncer }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const photo = await AuditObservationPhoto.query()
      .where('id', params.photo)
      .whereIn('observation_id', (q) =>
        q.from('audit_observations').where('audit_id', params.id).select('id')
      )
      .firstOrFail()
    response.header('Content-Type', photo.mimeType)
    response.header('Cache-Control', 'private, max-age=300')
    return response.stream(await drive.use().getStream(photo.storageKey))
  }

  private async clause(audit: Audit, number: string) {
    return AuditClause.query()
      .where({ frameworkId: audit.frameworkId, number })
      .preload('methods', (q) => q.orderBy('id'))
      .firstOrFail()
  }

  private async forEvaluation(ctx: HttpContext) {
    const audit = await Audit.findOrFail(ctx.params.id)
    const clause = await this.clause(audit, ctx.params.clause)
    await this.authorizeEvaluation(ctx, audit)
    return { audit, clause }
  }

  /**
   * Only the audit's assigned evaluators write (operators never judge); after issue every write is
   * refused with the clear "locked" message instead of a bare 403.
   */
  private async authorizeEvaluation({ bouncer }: HttpContext, audit: Audit) {
    assertNotLocked(audit)
    await bouncer.with('AuditPolicy').authorize('evaluate', audit)
  }

  private back(
    { response, session, i18n }: HttpContext,
    audit: Audit,
    clause: AuditClause,
    what: string
  ) {
    session.flash('success', i18n.t(`audits_web.flash.${what}`, { number: clause.number }))
    return response
      .redirect()
      .toRoute('audits.clauses.show', { id: audit.id, clause: clause.number })
  }
}
