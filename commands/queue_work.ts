import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { QueueManager } from '#core/queue/queue_manager'
import { BullMQDriver } from '#core/queue/bullmq_driver'

/** Runs queued jobs (BullMQ driver) and registers the job schedulers. Stop with SIGTERM or SIGINT. */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Run queued jobs and schedules (QUEUE_DRIVER=bullmq)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Jobs run at once', default: 10 })
  declare concurrency: number

  async run() {
    const queue = await this.app.container.make(QueueManager)
    if (!(queue.driver instanceof BullMQDriver)) {
      this.logger.error(
        'queue:work needs QUEUE_DRIVER=bullmq; the inline driver runs jobs in the web process.'
      )
      this.exitCode = 1
      return this.terminate()
    }
    await queue.startSchedules()
    const worker = queue.driver.work(queue.jobs, this.concurrency)
    this.logger.info(
      `Working queue with ${queue.jobs.size} job types, concurrency ${this.concurrency}`
    )
    const stop = async () => {
      await worker.close()
      await this.terminate()
    }
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  }
}
