import type { HttpContext } from '@adonisjs/core/http'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import ConfirmationService from '#audits/services/confirmation_service'
import { auditWebMessages } from '#audits/validators/messages'
import { answerValidator } from '#audits/validators/audit_validator'

/**
 * /tenant/confirmations (GB/T 39678 §8 向产业园企业确认): the questions sent to the user's own
 * enterprise and its answers; nothing else of the audit is shown to a tenant.
 */
export default class TenantConfirmationsController {
  async index({ request, view, auth }: HttpContext) {
    const page = Math.max(1, Number(request.qs().page) || 1)
    const result = await new ConfirmationService()
      .forTenant(auth.getUserOrFail())
      .paginate(page, 20)
    return view.render('pages/audits/tenant_index', {
      rows: result.all(),
      meta: result.getMeta(),
      filters: request.qs(),
    })
  }

  async show({ params, view, bouncer, auth }: HttpContext) {
    const recipient = await this.recipient(params.id, auth.getUserOrFail())
    await bouncer.with('AuditPolicy').authorize('answer', recipient)
    return view.render('pages/audits/tenant_show', { recipient })
  }

  async answer({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const recipient = await this.recipient(params.id, user)
    await bouncer.with('AuditPolicy').authorize('answer', recipient)
    const payload = await request.validateUsing(answerValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    await new ConfirmationService().answer(recipient.id, payload, user)
    session.flash('success', i18n.t('audits_web.flash.answered'))
    return response.redirect().toRoute('tenant.confirmations.show', { id: recipient.id })
  }

  /** Only the enterprise's own questions exist for it: another tenant's is a 404. */
  private recipient(id: string, user: { tenantId: number | null }) {
    return AuditConfirmationRecipient.query()
      .where('id', id)
      .where('tenant_id', user.tenantId ?? -1)
      .preload('confirmation', (q) => q.preload('clause').preload('audit'))
      .firstOrFail()
  }
}
