import app from '@adonisjs/core/services/app'
import { Job } from '#core/queue/job'
import InboxService from '#single_window/transport/inbox_service'
import { ExchangeFolders, exchangeRoot } from '#single_window/transport/exchange'

/** Reads SW_EXCHANGE_DIR/InBox and applies the receipts (idempotent: a receipt twice changes nothing). */
export default class SwInboxJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'single_window.inbox'

  async handle() {
    await new InboxService({ folders: new ExchangeFolders(exchangeRoot(app.makePath())) }).run()
  }
}
