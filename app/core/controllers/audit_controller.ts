import type { HttpContext } from '@adonisjs/core/http'
import { calendarDay } from '#core/dates'
import AuditLog from '#core/models/audit_log'
import { auditFilterValidator } from '#core/validators/audit_validator'
import JobRunService from '#core/services/job_run_service'
import AuditChainCheckJob from '#core/jobs/audit_chain_check_job'

/** Operator admins browse and filter the audit trail. */
export default class AuditController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('browseAudit')
    const filters = await request.validateUsing(auditFilterValidator, { data: request.qs() })
    const query = AuditLog.query().orderBy('id', 'desc')
    if (filters.action) query.where('action', 'like', `${filters.action}%`)
    if (filters.subjectType) query.where('subject_type', filters.subjectType)
    if (filters.actor) query.where('actor_label', 'like', `%${filters.actor}%`)
    // Dates are picked in Shanghai time; occurred_at is an ISO string in UTC, so compare ISO strings.
    if (filters.from) query.where('occurred_at', '>=', calendarDay(filters.from).toUTC().toISO()!)
    if (filters.to)
      query.where('occurred_at', '<', calendarDay(filters.to).plus({ days: 1 }).toUTC().toISO()!)
    const result = await query.paginate(filters.page ?? 1, 30)
    const lastCheck = await JobRunService.latest(AuditChainCheckJob.jobName)
    return view.render('pages/admin/audit/index', {
      rows: result.all(),
      meta: result.getMeta(),
      filters: request.qs(),
      lastCheck,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('browseAudit')
    return view.render('pages/admin/audit/show', { entry: await AuditLog.findOrFail(params.id) })
  }
}
