import { DateTime } from 'luxon'
import { Job } from '#core/queue/job'
import JobRunService from '#core/services/job_run_service'
import RequestService from '#service_desk/services/request_service'

/**
 * Every quarter hour: service requests past their promised response or completion time are
 * escalated to the responsible department's head (GB/T 39678 7.1: services within the promise).
 */
export default class ServiceRequestOverdueJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'service_desk.overdue'

  async handle(payload: { scheduledFor?: string }) {
    const now = payload.scheduledFor ? DateTime.fromISO(payload.scheduledFor) : DateTime.utc()
    await JobRunService.once(
      ServiceRequestOverdueJob.jobName,
      `service-requests-overdue:${now.toUTC().toFormat("yyyy-MM-dd'T'HH:mm")}`,
      (trx) => new RequestService().escalateOverdue(trx, now.toUTC())
    )
  }
}
