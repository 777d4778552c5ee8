import { Job } from '#core/queue/job'
import { runDay } from '#core/dates'
import LeaseService from '#park/services/lease_service'
import JobRunService from '#core/services/job_run_service'

/** Daily: leases past their end date become expired and release their units. */
export default class LeaseExpiryJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'park.lease_expiry'

  async handle(payload: { scheduledFor?: string }) {
    const today = runDay(payload.scheduledFor)
    // One transaction for the day's run: the expiries and the run's key commit together.
    await JobRunService.once(
      LeaseExpiryJob.jobName,
      `lease-expiry:${today.toISODate()}`,
      async (trx) => ({
        expired: await new LeaseService().expireEnded(trx, today),
      })
    )
  }
}
