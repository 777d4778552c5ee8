import type { HttpContext } from '@adonisjs/core/http'
import { create as contentDisposition } from 'content-disposition'
import { calendarDay } from '#core/dates'
import { uploadLimitMb } from '#config/uploads'
import Audit from '#audits/models/audit'
import AuditClause from '#audits/models/audit_clause'
import AuditDocument from '#audits/models/audit_document'
import AuditService from '#audits/services/audit_service'
import DocumentService from '#audits/services/document_service'
import EvidenceStateService from '#audits/services/evidence_state_service'
import { assertNotLocked } from '#audits/access'
import { auditWebMessages } from '#audits/validators/messages'
import { documentValidator, linkDocumentValidator } from '#audits/validators/audit_validator'
import DocumentLinkService from '#audits/services/document_link_service'

/**
 * /audits/:id/preparation: the operators' checklist of clauses whose evidence is missing or expired
 * for the period (GB/T 39678 §8 归档并管理), and the documents they upload and link to clauses.
 */
export default class AuditPreparationController {
  async index({ params, request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const user = auth.getUserOrFail()
    const audit = await new AuditService().findForReader(Number(params.id), user)
    const checklist = await new EvidenceStateService().checklist(audit, user)
    const documents = await new DocumentService().forAudit(audit, user).preload('uploader')
    const checks = new Map<number, { intact: boolean; missing: boolean }>()
    for (const document of documents) {
      checks.set(document.id, await new DocumentService().verify(document))
    }
    return view.render('pages/audits/preparation', {
      audit,
      checklist,
      documents,
      checks,
      clauses: await AuditClause.query()
        .where('frameworkId', audit.frameworkId)
        .orderBy('position'),
      // A clause picked on the checklist arrives preselected in the upload form.
      preselected: String(request.qs().clause ?? ''),
      canPrepare: await bouncer.with('AuditPolicy').allows('prepareEvidence', audit),
      uploadLimitMb,
    })
  }

  async store({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    assertNotLocked(audit)
    await bouncer.with('AuditPolicy').authorize('prepareEvidence', audit)
    const payload = await request.validateUsing(documentValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    const document = await new DocumentService().upload(
      audit,
      payload.file,
      {
        title: payload.title,
        clauseIds: payload.clauseIds,
        effectiveOn: calendarDay(payload.effectiveOn).toISODate()!,
        expiresOn: payload.expiresOn ? calendarDay(payload.expiresOn).toISODate() : null,
      },
      auth.getUserOrFail()
    )
    session.flash('success', i18n.t('audits_web.flash.uploaded', { title: document.title }))
    return response.redirect().toRoute('audits.preparation', { id: audit.id })
  }

  /** The stored file, for operators and evaluators. */
  async download({ params, response, bouncer }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    const audit = await Audit.findOrFail(params.id)
    const document = await AuditDocument.query()
      .where('id', params.document)
      .where((q) => q.where('audit_id', audit.id).orWhereNull('audit_id'))
      .firstOrFail()
    response.header('Content-Type', document.mimeType)
    response.header('Content-Disposition', contentDisposition(document.originalName))
    return response.stream(await new DocumentService().read(document))
  }

  /** Links a document on file to more clauses (no second upload of the same file). */
  async link({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    assertNotLocked(audit)
    await bouncer.with('AuditPolicy').authorize('prepareEvidence', audit)
    const document = await AuditDocument.query()
      .where('id', params.document)
      .where((q) => q.where('audit_id', audit.id).orWhereNull('audit_id'))
      .firstOrFail()
    const payload = await request.validateUsing(linkDocumentValidator, {
      messagesProvider: auditWebMessages(i18n),
    })
    const added = await new DocumentLinkService().link(
      audit,
      document,
      payload.clauseIds,
      auth.getUserOrFail()
    )
    session.flash(
      'success',
      i18n.t('audits_web.flash.linked', { title: document.title, count: added.length })
    )
    return response.redirect().toRoute('audits.preparation', { id: audit.id })
  }

  async destroy({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const audit = await Audit.findOrFail(params.id)
    assertNotLocked(audit)
    await bouncer.with('AuditPolicy').authorize('prepareEvidence', audit)
    const document = await AuditDocument.query()
      .where({ id: params.document, auditId: audit.id })
      .firstOrFail()
    await new DocumentService().remove(document, auth.getUserOrFail())
    session.flash('success', i18n.t('audits_web.flash.document_removed', { title: document.title }))
    return response.redirect().toRoute('audits.preparation', { id: audit.id })
  }
}
