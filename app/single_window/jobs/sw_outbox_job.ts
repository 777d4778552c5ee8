import app from '@adonisjs/core/services/app'
import { Job } from '#core/queue/job'
import OutboxService from '#single_window/transport/outbox_service'
import { ExchangeFolders, exchangeRoot } from '#single_window/transport/exchange'

/**
 * Writes the pending outbox messages into SW_EXCHANGE_DIR/OutBox (each exactly once). Throws when
 * a write failed, so the queue retries with backoff; the rows stay pending until written.
 */
export default class SwOutboxJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'single_window.outbox'
  static attempts = 5
  static backoffMs = 1000

  async handle() {
    const result = await new OutboxService({
      folders: new ExchangeFolders(exchangeRoot(app.makePath())),
    }).flush()
    if (result.failed)
      throw new Error(`${result.failed} message(s) could not be written to the OutBox`)
  }
}
