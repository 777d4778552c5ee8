import type { HttpContext } from '@adonisjs/core/http'
import Audit from '#audits/models/audit'
import AuditFinding from '#audits/models/audit_finding'
import AuditService from '#audits/services/audit_service'
import VerdictService from '#audits/services/verdict_service'
import { assertNotLocked } from '#audits/access'
import { auditWebMessages } from '#audits/validators/messages'
import { closeFindingValidator } from '#audits/validators/audit_validator'

/** /audits/:id/findings: nonconformities with owner, deadline and state; closed after a re-check. */
export default class AuditFindingsController {
  async index({ params, request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const user = auth.getUserOrFail()
    const audit = await new AuditService().findForReader(Number(params.id), user)
    const state = ['open', 'closed'].includes(String(request.qs().state)) ? request.qs().state : ''
    const query = new VerdictService().findings(audit, user)
    if (state) query.where('state', state)
    return view.render('pages/audits/findings', {
      audit,
      findings: await query,
      stateFilter: state,
      canEvaluate: await bouncer.with('AuditPolicy').allows('evaluate', audit),
    })
  }

  async close({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    const finding = await AuditFinding.query()
      .where({ id: params.finding, auditId: audit.id })
      .firstOrFail()
    assertNotLocked(audit)
    await bouncer.with('AuditPolicy').authorize('evaluate', audit)
    const payload = await request.validateUsing(closeFindingValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    await new VerdictService().closeFinding(finding, payload.recheckNote, auth.getUserOrFail())
    session.flash('success', i18n.t('audits_web.flash.finding_closed'))
    return response.redirect().toRoute('audits.findings.index', { id: audit.id })
  }
}
