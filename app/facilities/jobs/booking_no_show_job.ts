import { DateTime } from 'luxon'
import { Job } from '#core/queue/job'
import JobRunService from '#core/services/job_run_service'
import BookingService from '#facilities/services/booking_service'

/**
 * Every five minutes: approved bookings nobody checked in to 15 minutes after their start are
 * released as no-shows, and pending bookings nobody decided on before their start lapse. Idempotent twice over: one run per scheduled minute (JobRunService), and
 * only bookings still `approved` are touched.
 */
export default class BookingNoShowJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'facilities.booking_no_show'

  async handle(payload: { scheduledFor?: string }) {
    const now = DateTime.fromISO(payload.scheduledFor ?? DateTime.utc().toISO()!).toUTC()
    await JobRunService.once(
      BookingNoShowJob.jobName,
      `booking-no-show:${now.startOf('minute').toISO()}`,
      async (trx) => {
        const bookings = new BookingService()
        return {
          released: await bookings.releaseNoShows(trx, now),
          lapsed: await bookings.lapseUndecided(trx, now),
        }
      }
    )
  }
}
