import app from '@adonisjs/core/services/app'
import { QueueManager } from '#core/queue/queue_manager'

let queue: QueueManager

/** The queue service, resolved once the app has booted. */
await app.booted(async () => {
  queue = await app.container.make(QueueManager)
})

export { queue as default }
