import { DateTime } from 'luxon'
import { Job } from '#core/queue/job'
import JobRunService from '#core/services/job_run_service'
import ComplaintService from '#complaints/services/complaint_service'

/**
 * Every quarter hour: reminds the responsible department at 75% of a complaint's allowed time
 * and escalates to the department head when its deadline passes (GB/T 39678 7.3.2).
 */
export default class ComplaintDeadlineJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'complaints.deadlines'

  async handle(payload: { scheduledFor?: string }) {
    const now = payload.scheduledFor ? DateTime.fromISO(payload.scheduledFor) : DateTime.utc()
    await JobRunService.once(
      ComplaintDeadlineJob.jobName,
      `complaint-deadlines:${now.toUTC().toFormat("yyyy-MM-dd'T'HH:mm")}`,
      (trx) => new ComplaintService().checkDeadlines(trx, now.toUTC())
    )
  }
}
