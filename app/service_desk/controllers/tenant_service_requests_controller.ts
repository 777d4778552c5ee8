import type { HttpContext } from '@adonisjs/core/http'
import ServiceRequest from '#service_desk/models/service_request'
import ServiceItem from '#service_desk/models/service_item'
import type User from '#core/models/user'
import AttachmentService from '#core/services/attachment_service'
import RequestService from '#service_desk/services/request_service'
import { filteredRequests } from '#service_desk/services/request_queries'
import { paginate } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { serviceDeskMessages } from '#service_desk/validators/messages'
import {
  confirmValidator,
  reopenValidator,
  requestListValidator,
  requestValidator,
} from '#service_desk/validators/service_desk_validator'
import { REQUEST_STATUSES } from '#service_desk/workflow'

/** A tenant's service requests: file one, follow it, confirm and rate it or reopen it. */
export default class TenantServiceRequestsController {
  async index({ request, view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('file')
    const filters = await request.validateUsing(requestListValidator, {
      data: request.qs(),
      messagesProvider: serviceDeskMessages(i18n),
    })
    const query = filteredRequests(filters, auth.getUserOrFail())
      .preload('serviceItem')
      .preload('assignee')
    const page = await paginate(
      query,
      filters,
      ['number', 'submitted_at', 'status'],
      'submitted_at'
    )
    return view.render('pages/service_desk/tenant_index', {
      page,
      filters: request.qs(),
      statuses: REQUEST_STATUSES,
      items: await ServiceItem.query().orderBy('sort_order').orderBy('id'),
    })
  }

  async create({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('file')
    return view.render('pages/service_desk/tenant_form', {
      items: await ServiceItem.query()
        .where('is_active', true)
        .preload('department')
        .orderBy('sort_order')
        .orderBy('id'),
      selected: String(request.qs().serviceItemId ?? ''),
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('file')
    const payload = await request.validateUsing(requestValidator, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    const user = auth.getUserOrFail()
    // The tenant is the signed-in user's own enterprise, never a form field.
    const created = await new RequestService().submit(payload, user.tenantId!, {
      user,
      kind: 'tenant',
    })
    session.flash('success', i18n.t('service_desk.submitted', { number: created.number }))
    return response.redirect().toRoute('tenant.service_requests.show', { id: created.id })
  }

  async show({ params, view, bouncer, auth }: HttpContext) {
    const serviceRequest = await this.load(params.id, auth.getUserOrFail())
    await bouncer.with('ServiceDeskPolicy').authorize('viewOwn', serviceRequest)
    await serviceRequest.load('events', (q) => q.preload('actor').orderBy('id', 'asc'))
    return view.render('pages/service_desk/tenant_show', {
      serviceRequest,
      attachments: await new AttachmentService().forOwner('service_request', serviceRequest.id),
      showActors: false,
    })
  }

  async confirm({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const serviceRequest = await this.load(params.id, user)
    await bouncer.with('ServiceDeskPolicy').authorize('answer', serviceRequest)
    const payload = await request.validateUsing(confirmValidator, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    await new RequestService().act(serviceRequest.id, 'confirm', payload, { user, kind: 'tenant' })
    session.flash('success', i18n.t('service_desk.done.confirm'))
    return response.redirect().toRoute('tenant.service_requests.show', { id: serviceRequest.id })
  }

  async reopen({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const serviceRequest = await this.load(params.id, user)
    await bouncer.with('ServiceDeskPolicy').authorize('answer', serviceRequest)
    const payload = await request.validateUsing(reopenValidator, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    await new RequestService().act(serviceRequest.id, 'reopen', payload, { user, kind: 'tenant' })
    session.flash('success', i18n.t('service_desk.done.reopen'))
    return response.redirect().toRoute('tenant.service_requests.show', { id: serviceRequest.id })
  }

  /** Another tenant's request is not found at all (scoped query), not merely forbidden. */
  private load(id: string | number, user: User) {
    return scopeToTenant(ServiceRequest.query().where('id', id), user)
      .preload('serviceItem')
      .preload('department')
      .preload('assignee')
      .firstOrFail()
  }
}
