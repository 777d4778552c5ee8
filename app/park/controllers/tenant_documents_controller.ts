import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/models/user'
import TenantDocument from '#park/models/tenant_document'
import DocumentService from '#park/services/document_service'
import { scopeToTenant } from '#core/tenancy'
import { DOCUMENT_KINDS } from '#park/documents'
import { uploadLimitMb } from '#config/uploads'
import {
  createDocumentValidator,
  documentInput,
  updateDocumentValidator,
} from '#park/validators/document_validator'

/** Scoped to the user's own tenant: another tenant's document is not found (404). */
function findOwn(user: User | undefined, id: number) {
  return scopeToTenant(TenantDocument.query(), user)
    .where('id', id)
    .preload('attachment')
    .preload('uploader')
    .firstOrFail()
}

/** A tenant's own documents at /tenant/documents: admins upload, replace and delete, members read. */
export default class TenantDocumentsController {
  async index({ view, auth, bouncer }: HttpContext) {
    await bouncer.with('ParkDocumentPolicy').authorize('viewAny')
    const documents = await new DocumentService().ordered(
      scopeToTenant(TenantDocument.query(), auth.user)
    )
    return view.render('pages/tenant/documents/index', { documents })
  }

  async create({ view, auth, bouncer }: HttpContext) {
    await bouncer.with('ParkDocumentPolicy').authorize('create', auth.getUserOrFail().tenantId!)
    return view.render('pages/documents/form', {
      kinds: DOCUMENT_KINDS,
      uploadLimitMb,
      area: 'tenant',
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with('ParkDocumentPolicy').authorize('create', user.tenantId!)
    const payload = await request.validateUsing(createDocumentValidator)
    const document = await new DocumentService().create(
      user.tenantId!,
      documentInput(payload),
      payload.documentFile,
      user
    )
    session.flash('success', i18n.t('documents.saved', { title: document.title }))
    return response.redirect().toRoute('tenant.documents.show', { id: document.id })
  }

  async show({ params, view, auth, bouncer }: HttpContext) {
    const document = await findOwn(auth.user, params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('view', document)
    return view.render('pages/documents/show', {
      document,
      versions: await new DocumentService().versions(document),
      area: 'tenant',
    })
  }

  async edit({ params, view, auth, bouncer }: HttpContext) {
    const document = await findOwn(auth.user, params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    return view.render('pages/documents/form', {
      document,
      kinds: DOCUMENT_KINDS,
      uploadLimitMb,
      area: 'tenant',
    })
  }

  async update({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const document = await findOwn(auth.user, params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    const payload = await request.validateUsing(updateDocumentValidator)
    await new DocumentService().update(
      document.id,
      documentInput(payload),
      payload.documentFile,
      auth.user
    )
    session.flash('success', i18n.t('documents.saved', { title: payload.title }))
    return response.redirect().toRoute('tenant.documents.show', { id: document.id })
  }

  async destroy({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const document = await findOwn(auth.user, params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    await new DocumentService().delete(document.id)
    session.flash('success', i18n.t('documents.deleted', { title: document.title }))
    return response.redirect().toRoute('tenant.documents.index')
  }
}
