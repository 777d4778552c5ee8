import { DateTime } from 'luxon'
import { Job } from '#core/queue/job'
import JobRunService from '#core/services/job_run_service'
import ConsultationService from '#complaints/services/consultation_service'

/**
 * Every quarter hour: tells operators about consultations whose 48-hour answer time
 * (SZDB/Z 304.1 6.9.1) is about to run out or has run out.
 */
export default class ConsultationDeadlineJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'consultations.deadlines'

  async handle(payload: { scheduledFor?: string }) {
    const now = payload.scheduledFor ? DateTime.fromISO(payload.scheduledFor) : DateTime.utc()
    await JobRunService.once(
      ConsultationDeadlineJob.jobName,
      `consultation-deadlines:${now.toUTC().toFormat("yyyy-MM-dd'T'HH:mm")}`,
      (trx) => new ConsultationService().checkDeadlines(trx, now.toUTC())
    )
  }
}
