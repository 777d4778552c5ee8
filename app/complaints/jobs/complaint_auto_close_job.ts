import { DateTime } from 'luxon'
import { Job } from '#core/queue/job'
import JobRunService from '#core/services/job_run_service'
import ComplaintService from '#complaints/services/complaint_service'
import { ZONE } from '#core/dates'

/** Daily: a resolved complaint without the complainant's answer for 7 days is closed. */
export default class ComplaintAutoCloseJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'complaints.auto_close'

  async handle(payload: { scheduledFor?: string }) {
    const now = payload.scheduledFor ? DateTime.fromISO(payload.scheduledFor) : DateTime.utc()
    await JobRunService.once(
      ComplaintAutoCloseJob.jobName,
      `complaint-auto-close:${now.setZone(ZONE).toISODate()}`,
      async (trx) => ({ closed: await new ComplaintService().closeUnanswered(trx, now.toUTC()) })
    )
  }
}
