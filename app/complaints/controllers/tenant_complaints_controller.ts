import type { HttpContext } from '@adonisjs/core/http'
import Complaint from '#complaints/models/complaint'
import ComplaintCategory from '#complaints/models/complaint_category'
import AttachmentService from '#core/services/attachment_service'
import ComplaintService from '#complaints/services/complaint_service'
import { filteredComplaints } from '#complaints/services/complaint_queries'
import { paginate } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { complaintMessages } from '#complaints/validators/messages'
import {
  complaintListValidator,
  feedbackValidator,
  tenantComplaintValidator,
} from '#complaints/validators/complaint_validator'
import { COMPLAINT_STATUSES } from '#complaints/workflow'

/** A tenant's complaints in its portal: file one, follow it, and answer when it is resolved. */
export default class TenantComplaintsController {
  async index({ request, view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('fileAsTenant')
    const filters = await request.validateUsing(complaintListValidator, {
      data: request.qs(),
      messagesProvider: complaintMessages(i18n),
    })
    const query = filteredComplaints(filters, auth.getUserOrFail()).preload('category')
    const page = await paginate(
      query,
      filters,
      ['number', 'submitted_at', 'status'],
      'submitted_at'
    )
    return view.render('pages/complaints/tenant_index', {
      page,
      filters: request.qs(),
      statuses: COMPLAINT_STATUSES,
    })
  }

  async create({ view, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('fileAsTenant')
    return view.render('pages/complaints/tenant_form', {
      categories: await ComplaintCategory.query().where('is_active', true).orderBy('sort_order'),
      phone: auth.user?.phone ?? '',
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('fileAsTenant')
    const payload = await request.validateUsing(tenantComplaintValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    const user = auth.getUserOrFail()
    const complaint = await new ComplaintService().submit(
      {
        ...payload,
        channel: 'portal',
        tenantId: user.tenantId,
        submittedBy: user.id,
        complainantName: user.fullName,
      },
      { user, kind: 'complainant' }
    )
    session.flash('success', i18n.t('complaints.submitted', { number: complaint.number }))
    return response.redirect().toRoute('tenant.complaints.receipt', { id: complaint.id })
  }

  async show({ params, view, bouncer, auth }: HttpContext) {
    const complaint = await this.load(params.id, auth.getUserOrFail())
    await bouncer.with('ComplaintPolicy').authorize('viewOwn', complaint)
    await complaint.load('events', (q) => q.orderBy('id', 'asc'))
    return view.render('pages/complaints/tenant_show', {
      complaint,
      attachments: await new AttachmentService().forOwner('complaint', complaint.id),
    })
  }

  async receipt({ params, view, bouncer, auth }: HttpContext) {
    const complaint = await this.load(params.id, auth.getUserOrFail())
    await bouncer.with('ComplaintPolicy').authorize('viewOwn', complaint)
    return view.render('pages/complaints/receipt', {
      complaint,
      backUrl: `/tenant/complaints/${complaint.id}`,
    })
  }

  async feedback({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const complaint = await this.load(params.id, user)
    await bouncer.with('ComplaintPolicy').authorize('answer', complaint)
    const payload = await request.validateUsing(feedbackValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    await new ComplaintService().feedback(complaint.id, payload, { user, kind: 'complainant' })
    session.flash('success', i18n.t(`complaints.done.feedback_${payload.decision}`))
    return response.redirect().toRoute('tenant.complaints.show', { id: complaint.id })
  }

  /** Another tenant's case is not found at all (scoped query), not merely forbidden. */
  private load(id: string | number, user: Parameters<typeof scopeToTenant>[1]) {
    return scopeToTenant(Complaint.query().where('id', id), user)
      .preload('category')
      .preload('department')
      .firstOrFail()
  }
}
