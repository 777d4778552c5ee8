import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#core/models/tenant'
import TenantDocument from '#park/models/tenant_document'
import DocumentService from '#park/services/document_service'
import { paginate } from '#core/services/listing'
import { DOCUMENT_KINDS } from '#park/documents'
import { uploadLimitMb } from '#config/uploads'
import {
  createDocumentValidator,
  documentInput,
  documentListValidator,
  updateDocumentValidator,
} from '#park/validators/document_validator'

function find(id: number) {
  return TenantDocument.query()
    .where('id', id)
    .preload('tenant')
    .preload('attachment')
    .preload('uploader')
    .firstOrFail()
}

/**
 * Every tenant's documents for operators: the park-wide list by expiry status at /park/documents,
 * one document, and uploads on a tenant's behalf from its register page.
 */
export default class DocumentsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkDocumentPolicy').authorize('viewAny')
    const filters = await request.validateUsing(documentListValidator, { data: request.qs() })
    const service = new DocumentService()
    const page = await paginate(
      service.filtered(filters),
      filters,
      ['expires_on', 'title', 'created_at'],
      'expires_on',
      'asc'
    )
    return view.render('pages/park/documents/index', {
      page,
      filters: { ...request.qs(), status: filters.status ?? 'attention' },
      counts: await service.statusCounts(),
      kinds: DOCUMENT_KINDS,
    })
  }

  async create({ params, view, bouncer }: HttpContext) {
    const tenant = await Tenant.findOrFail(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('create', tenant.id)
    return view.render('pages/documents/form', {
      tenant,
      kinds: DOCUMENT_KINDS,
      uploadLimitMb,
      area: 'park',
    })
  }

  async store({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const tenant = await Tenant.findOrFail(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('create', tenant.id)
    const payload = await request.validateUsing(createDocumentValidator)
    const document = await new DocumentService().create(
      tenant.id,
      documentInput(payload),
      payload.documentFile,
      auth.user
    )
    session.flash('success', i18n.t('documents.saved', { title: document.title }))
    return response.redirect().toRoute('park.tenants.show', { id: tenant.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    const document = await find(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('view', document)
    return view.render('pages/documents/show', {
      document,
      versions: await new DocumentService().versions(document),
      area: 'park',
    })
  }

  async edit({ params, view, bouncer }: HttpContext) {
    const document = await find(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    return view.render('pages/documents/form', {
      document,
      tenant: document.tenant,
      kinds: DOCUMENT_KINDS,
      uploadLimitMb,
      area: 'park',
    })
  }

  async update({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const document = await find(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    const payload = await request.validateUsing(updateDocumentValidator)
    await new DocumentService().update(
      document.id,
      documentInput(payload),
      payload.documentFile,
      auth.user
    )
    session.flash('success', i18n.t('documents.saved', { title: payload.title }))
    return response.redirect().toRoute('park.documents.show', { id: document.id })
  }

  async destroy({ params, response, session, i18n, bouncer }: HttpContext) {
    const document = await find(params.id)
    await bouncer.with('ParkDocumentPolicy').authorize('manage', document)
    await new DocumentService().delete(document.id)
    session.flash('success', i18n.t('documents.deleted', { title: document.title }))
    return response.redirect().toRoute('park.tenants.show', { id: document.tenantId })
  }
}
