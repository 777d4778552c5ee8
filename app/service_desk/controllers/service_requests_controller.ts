import type { HttpContext } from '@adonisjs/core/http'
import ServiceRequest from '#service_desk/models/service_request'
import ServiceItem from '#service_desk/models/service_item'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import AttachmentService from '#core/services/attachment_service'
import RequestService from '#service_desk/services/request_service'
import { filteredRequests } from '#service_desk/services/request_queries'
import { buildRequestWorkbook } from '#service_desk/services/request_workbook'
import { paginate } from '#core/services/listing'
import { sendXlsx } from '#core/xlsx'
import { OPERATOR_ROLES } from '#core/roles'
import { serviceDeskMessages } from '#service_desk/validators/messages'
import {
  assignValidator,
  completeValidator,
  noteValidator,
  optionalNoteValidator,
  requestListValidator,
} from '#service_desk/validators/service_desk_validator'
import { REQUEST_STATUSES, type RequestAction } from '#service_desk/workflow'

const SORTABLE = ['number', 'submitted_at', 'completion_due_at', 'status']

/** /service-requests for operators (evaluators read): the list, the export, a request, actions. */
export default class ServiceRequestsController {
  async index({ request, view, bouncer, i18n, auth }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('browse')
    const filters = await request.validateUsing(requestListValidator, {
      data: request.qs(),
      messagesProvider: serviceDeskMessages(i18n),
    })
    const query = filteredRequests(filters, auth.getUserOrFail())
      .preload('serviceItem')
      .preload('tenant')
      .preload('assignee')
    const page = await paginate(query, filters, SORTABLE, 'submitted_at')
    return view.render('pages/service_desk/index', {
      page,
      filters: request.qs(),
      statuses: REQUEST_STATUSES,
      items: await ServiceItem.query().orderBy('sort_order').orderBy('id'),
      tenants: await Tenant.query().orderBy('name').limit(500),
      staff: await this.staff(),
    })
  }

  async export({ request, response, bouncer, i18n, auth }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('browse')
    const filters = await request.validateUsing(requestListValidator, {
      data: request.qs(),
      messagesProvider: serviceDeskMessages(i18n),
    })
    const requests = await filteredRequests(filters, auth.getUserOrFail())
      .preload('serviceItem')
      .preload('department')
      .preload('tenant')
      .preload('assignee')
      .orderBy('submitted_at', 'asc')
      .orderBy('id', 'asc')
    return sendXlsx(response, 'service-requests.xlsx', await buildRequestWorkbook(requests, i18n))
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('browse')
    const serviceRequest = await ServiceRequest.query()
      .where('id', params.id)
      .preload('serviceItem')
      .preload('department')
      .preload('tenant')
      .preload('assignee')
      .preload('events', (q) => q.preload('actor').orderBy('id', 'asc'))
      .firstOrFail()
    return view.render('pages/service_desk/show', {
      serviceRequest,
      attachments: await new AttachmentService().forOwner('service_request', serviceRequest.id),
      staff: await this.staff(),
      showActors: true,
    })
  }

  assign(ctx: HttpContext) {
    return this.run(ctx, 'assign', assignValidator)
  }

  start(ctx: HttpContext) {
    return this.run(ctx, 'start', optionalNoteValidator)
  }

  note(ctx: HttpContext) {
    return this.run(ctx, 'note', noteValidator)
  }

  complete(ctx: HttpContext) {
    return this.run(ctx, 'complete', completeValidator)
  }

  close(ctx: HttpContext) {
    return this.run(ctx, 'close', optionalNoteValidator)
  }

  private async run(
    { params, request, response, session, i18n, bouncer, auth }: HttpContext,
    action: RequestAction,
    validator:
      | typeof assignValidator
      | typeof optionalNoteValidator
      | typeof noteValidator
      | typeof completeValidator
  ) {
    await bouncer.with('ServiceDeskPolicy').authorize('handle')
    const payload: Record<string, any> = await request.validateUsing(validator as any, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    await new RequestService().act(Number(params.id), action, payload, {
      user: auth.getUserOrFail(),
      kind: 'staff',
    })
    session.flash('success', i18n.t(`service_desk.done.${action}`))
    return response.redirect().toRoute('service_requests.show', { id: params.id })
  }

  /** The operator users a request can be assigned to. */
  private staff() {
    return User.query().whereIn('role', OPERATOR_ROLES).where('is_active', true).orderBy('id')
  }
}
