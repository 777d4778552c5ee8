import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import { calendarDay } from '#core/dates'
import { paginate } from '#core/services/listing'
import Audit from '#audits/models/audit'
import AuditFramework from '#audits/models/audit_framework'
import AuditService from '#audits/services/audit_service'
import EvidenceStateService from '#audits/services/evidence_state_service'
import { auditWebMessages } from '#audits/validators/messages'
import { chaptersOf, groupBySection, verdictCounts } from '#audits/heatmap_view'
import {
  auditListValidator,
  createAuditValidator,
  evaluatorsValidator,
  heatmapFilterValidator,
} from '#audits/validators/audit_validator'
import {
  AUDIT_STATES,
  AUDIT_TRANSITIONS,
  EVIDENCE_STATUSES,
  METHODS,
  VERDICTS,
  type AuditAction,
} from '#audits/workflow'

/** /audits: the list, planning a new audit, the clause heatmap, evaluators and state steps. */
export default class AuditsController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const filters = await request.validateUsing(auditListValidator, {
      data: request.qs(),
      messagesProvider: auditWebMessages(i18n),
    })
    const query = Audit.query().preload('framework').preload('evaluators')
    if (filters.q) query.whereILike('title', `%${filters.q}%`)
    if (filters.state) query.where('state', filters.state)
    const page = await paginate(query, filters, ['title', 'period_from', 'state', 'id'], 'id')
    return view.render('pages/audits/index', { page, filters: request.qs(), states: AUDIT_STATES })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('create')
    return view.render('pages/audits/form', {
      frameworks: await AuditFramework.query().orderBy('id'),
      evaluators: await this.evaluatorChoices(),
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('create')
    const payload = await request.validateUsing(createAuditValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    const audit = await new AuditService().create(
      {
        frameworkId: payload.frameworkId,
        title: payload.title,
        periodFrom: calendarDay(payload.periodFrom).toISODate()!,
        periodTo: calendarDay(payload.periodTo).toISODate()!,
        evaluatorIds: payload.evaluatorIds ?? [],
      },
      auth.getUserOrFail()
    )
    session.flash('success', i18n.t('audits_web.flash.created', { title: audit.title }))
    return response.redirect().toRoute('audits.show', { id: audit.id })
  }

  /** The heatmap: clauses by evidence state and verdict, filtered by GET parameters. */
  async show({ params, request, view, bouncer, i18n, auth }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const user = auth.getUserOrFail()
    const audit = await new AuditService().findForReader(Number(params.id), user)
    const filters = await request.validateUsing(heatmapFilterValidator, {
      data: request.qs(),
      messagesProvider: auditWebMessages(i18n),
    })
    const heatmap = await new EvidenceStateService().heatmap(audit, user, filters)
    const findings = await audit.related('findings').query()
    return view.render('pages/audits/show', {
      audit,
      filters,
      heatmap,
      sections: groupBySection(heatmap.rows),
      chapters: await chaptersOf(audit),
      verdictCounts: verdictCounts(heatmap.rows),
      openFindings: findings.filter((f) => f.state === 'open').length,
      findingsTotal: findings.length,
      evaluators: await this.evaluatorChoices(),
      actions: await this.allowedActions(bouncer, audit),
      states: EVIDENCE_STATUSES,
      methods: METHODS,
      verdicts: VERDICTS,
    })
  }

  async evaluators({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    await bouncer.with('AuditPolicy').authorize('manage', audit)
    const payload = await request.validateUsing(evaluatorsValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    await new AuditService().setEvaluators(audit, payload.evaluatorIds ?? [], auth.getUserOrFail())
    session.flash('success', i18n.t('audits_web.flash.evaluators'))
    return response.redirect().toRoute('audits.show', { id: audit.id })
  }

  /** planning → fieldwork → review → issued (and review → fieldwork); issue cannot be undone. */
  async transition({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    const action = params.action as AuditAction
    if (!(action in AUDIT_TRANSITIONS)) return response.notFound()
    if (audit.isLocked) {
      session.flash('error', i18n.t('audits.errors.locked'))
      return response.redirect().toRoute('audits.show', { id: audit.id })
    }
    await bouncer.with('AuditPolicy').authorize('transition', audit, action)
    await new AuditService().transition(audit, action, auth.getUserOrFail())
    session.flash('success', i18n.t(`audits_web.flash.transition.${action}`))
    return response.redirect().toRoute('audits.show', { id: audit.id })
  }

  private async allowedActions(bouncer: HttpContext['bouncer'], audit: Audit) {
    const allowed: AuditAction[] = []
    for (const action of Object.keys(AUDIT_TRANSITIONS) as AuditAction[]) {
      if (await bouncer.with('AuditPolicy').allows('transition', audit, action))
        allowed.push(action)
    }
    return allowed
  }

  private evaluatorChoices() {
    return User.query().where('role', 'evaluator').where('is_active', true).orderBy('full_name')
  }
}
