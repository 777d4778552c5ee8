import { Queue, Worker, type ConnectionOptions } from 'bullmq'
import type { Logger } from '@adonisjs/core/logger'
import type { JobClass, Schedule } from '#core/queue/job'
import type { DispatchOptions, QueueDriver } from '#core/queue/drivers'

/**
 * Production: jobs go to Redis through BullMQ and run in `node ace queue:work`, with retries and
 * exponential backoff; schedules are BullMQ job schedulers, so several workers never double them.
 */
export class BullMQDriver implements QueueDriver {
  readonly name = 'bullmq' as const
  #queue: Queue
  #worker?: Worker

  constructor(
    private connection: ConnectionOptions,
    private queueName: string,
    private prefix: string,
    private logger: Logger
  ) {
    this.#queue = new Queue(queueName, { connection, prefix })
  }

  async dispatch(job: JobClass, payload: Record<string, unknown>, options: DispatchOptions = {}) {
    await this.#queue.add(job.jobName, payload, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: job.attempts,
      backoff: { type: 'exponential', delay: job.backoffMs },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    })
  }

  async startSchedules(schedules: Schedule[]) {
    for (const schedule of schedules) {
      await this.#queue.upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: 'Asia/Shanghai' },
        {
          name: schedule.job.jobName,
          data: schedule.payload ?? {},
          opts: {
            attempts: schedule.job.attempts,
            backoff: { type: 'exponential', delay: schedule.job.backoffMs },
          },
        }
      )
    }
  }

  /** Starts consuming jobs in this process (the `queue:work` command). */
  work(registry: Map<string, JobClass>, concurrency: number) {
    this.#worker = new Worker(
      this.queueName,
      async (bullJob) => {
        const job = registry.get(bullJob.name)
        if (!job) throw new Error(`Unknown job "${bullJob.name}"`)
        const data = { ...bullJob.data }
        if (bullJob.repeatJobKey && !data.scheduledFor)
          data.scheduledFor = new Date(bullJob.timestamp).toISOString()
        await new job().handle(data)
      },
      { connection: this.connection, prefix: this.prefix, concurrency }
    )
    this.#worker.on('failed', (bullJob, error) =>
      this.logger.error(
        { err: error, job: bullJob?.name, attempt: bullJob?.attemptsMade },
        'job failed'
      )
    )
    return this.#worker
  }

  /** Waits until no job is waiting, delayed or active (used by tests against a running worker). */
  async drain() {
    for (let i = 0; i < 600; i++) {
      const counts = await this.#queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
      if (Object.values(counts).every((n) => n === 0)) return
      await new Promise((r) => setTimeout(r, 50))
    }
    throw new Error('queue did not drain within 30 s')
  }

  async ping() {
    // A round trip to Redis, bounded: with maxRetriesPerRequest=null a dead Redis would hang.
    const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 2000).unref())
    const roundTrip = this.#queue.getJobCounts('waiting').then(
      () => true,
      () => false
    )
    return Promise.race([roundTrip, timeout])
  }

  /** Removes every job and schedule of this queue; tests only. */
  async obliterate() {
    await this.#queue.obliterate({ force: true })
  }

  async close() {
    await this.#worker?.close()
    await this.#queue.close()
  }
}
