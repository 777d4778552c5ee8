import type { Logger } from '@adonisjs/core/logger'
import type { JobClass, Schedule } from '#core/queue/job'
import type { DispatchOptions, QueueDriver } from '#core/queue/drivers'
import { InlineDriver } from '#core/queue/inline_driver'
import { BullMQDriver } from '#core/queue/bullmq_driver'
import type queueConfig from '#config/queue'

/** The one entry point for background work: `queue.dispatch(SomeJob, payload)`. */
export class QueueManager {
  readonly driver: QueueDriver

  constructor(
    config: typeof queueConfig,
    readonly jobs: Map<string, JobClass>,
    readonly schedules: Schedule[],
    logger: Logger
  ) {
    this.driver =
      config.driver === 'bullmq'
        ? new BullMQDriver(config.redis, config.queueName, config.prefix, logger)
        : new InlineDriver(logger)
  }

  dispatch<P extends Record<string, unknown>>(
    job: JobClass<P>,
    payload: P,
    options?: DispatchOptions
  ) {
    if (!this.jobs.has(job.jobName)) {
      throw new Error(`Job "${job.jobName}" is not registered in start/jobs.ts`)
    }
    return this.driver.dispatch(job, payload, options)
  }

  startSchedules() {
    return this.driver.startSchedules(this.schedules)
  }

  drain() {
    return this.driver.drain()
  }

  ping() {
    return this.driver.ping()
  }

  close() {
    return this.driver.close()
  }
}
