import type { ApplicationService } from '@adonisjs/core/types'
import { QueueManager } from '#core/queue/queue_manager'

/** Binds the queue manager as a singleton and closes its connections on shutdown. */
export default class QueueProvider {
  #created?: QueueManager

  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(QueueManager, async (resolver) => {
      const config = this.app.config.get<any>('queue')
      const { jobs, schedules } = await import('#start/jobs')
      const logger = await resolver.make('logger')
      this.#created = new QueueManager(
        config,
        new Map(jobs.map((job) => [job.jobName, job])),
        schedules,
        logger
      )
      return this.#created
    })
  }

  async shutdown() {
    await this.#created?.close()
  }
}
