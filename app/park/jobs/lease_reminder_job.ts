import { Job } from '#core/queue/job'
import LeaseService from '#park/services/lease_service'
import JobRunService from '#core/services/job_run_service'
import { runDay } from '#core/dates'

/** Daily: reminds tenants and operators 60 and 30 days before an active lease ends. */
export default class LeaseReminderJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'park.lease_reminders'

  async handle(payload: { scheduledFor?: string }) {
    const today = runDay(payload.scheduledFor)
    await JobRunService.once(
      LeaseReminderJob.jobName,
      `lease-reminders:${today.toISODate()}`,
      async (trx) => ({ sent: await new LeaseService().sendExpiryReminders(trx, today) })
    )
  }
}
