import type { HttpContext } from '@adonisjs/core/http'
import Complaint from '#complaints/models/complaint'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import Tenant from '#core/models/tenant'
import AttachmentService from '#core/services/attachment_service'
import ComplaintService from '#complaints/services/complaint_service'
import { filteredComplaints } from '#complaints/services/complaint_queries'
import { paginate } from '#core/services/listing'
import { complaintMessages } from '#complaints/validators/messages'
import {
  complaintListValidator,
  staffComplaintValidator,
} from '#complaints/validators/complaint_validator'
import { CHANNELS, COMPLAINT_STATUSES, STAFF_CHANNELS } from '#complaints/workflow'

/** /complaints for operators (evaluators read): the list with filters, a case, staff intake. */
export default class ComplaintsController {
  async index({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('browse')
    const filters = await request.validateUsing(complaintListValidator, {
      data: request.qs(),
      messagesProvider: complaintMessages(i18n),
    })
    const query = filteredComplaints(filters).preload('category').preload('department')
    const page = await paginate(
      query,
      filters,
      ['number', 'submitted_at', 'due_at', 'status'],
      'submitted_at'
    )
    return view.render('pages/complaints/index', {
      page,
      filters: request.qs(),
      ...(await this.choices()),
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('browse')
    const complaint = await Complaint.query()
      .where('id', params.id)
      .preload('category')
      .preload('department')
      .preload('tenant')
      .preload('handler')
      .preload('callbackUser')
      .preload('events', (q) => q.preload('actor').orderBy('id', 'asc'))
      .firstOrFail()
    return view.render('pages/complaints/show', {
      complaint,
      attachments: await new AttachmentService().forOwner('complaint', complaint.id),
      departments: await Department.query().orderBy('sort_order').orderBy('id'),
    })
  }

  /** The printable receipt (回执), for handing over after a phone call or a visit. */
  async receipt({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('browse')
    const complaint = await Complaint.query()
      .where('id', params.id)
      .preload('category')
      .preload('department')
      .firstOrFail()
    return view.render('pages/complaints/receipt', {
      complaint,
      backUrl: `/complaints/${complaint.id}`,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('handle')
    return view.render('pages/complaints/intake', {
      categories: await ComplaintCategory.query().where('is_active', true).orderBy('sort_order'),
      tenants: await Tenant.query().orderBy('name'),
      channels: STAFF_CHANNELS,
    })
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('handle')
    const payload = await request.validateUsing(staffComplaintValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    const user = auth.getUserOrFail()
    const complaint = await new ComplaintService().submit(
      { ...payload, tenantId: payload.tenantId ?? null, recordedBy: user.id },
      { user, kind: 'staff' }
    )
    session.flash('success', i18n.t('complaints.submitted', { number: complaint.number }))
    return response.redirect().toRoute('complaints.show', { id: complaint.id })
  }

  private async choices() {
    return {
      statuses: COMPLAINT_STATUSES,
      channels: CHANNELS,
      categories: await ComplaintCategory.query().orderBy('sort_order').orderBy('id'),
      departments: await Department.query().orderBy('sort_order').orderBy('id'),
    }
  }
}
