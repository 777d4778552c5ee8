import { Job } from '#core/queue/job'
import { runDay } from '#core/dates'
import JobRunService from '#core/services/job_run_service'
import DocumentService from '#park/services/document_service'

/** Daily: reminders of tenants' documents expiring within 30 days, and of those just expired. */
export default class DocumentExpiryJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'park.document_expiry'

  async handle(payload: { scheduledFor?: string }) {
    const today = runDay(payload.scheduledFor)
    // One run per Shanghai day; the notifications' dedupe keys also hold across days.
    await JobRunService.once(
      DocumentExpiryJob.jobName,
      `document-expiry:${today.toISODate()}`,
      (trx) => new DocumentService().sendReminders(trx, today)
    )
  }
}
