import { CronExpressionParser } from 'cron-parser'
import type { Logger } from '@adonisjs/core/logger'
import type { JobClass, Schedule } from '#core/queue/job'
import type { DispatchOptions, QueueDriver } from '#core/queue/drivers'
import { runWithRetries } from '#core/queue/runner'

/**
 * Embedded default: jobs run in the web process, after the response, with the same retries as
 * BullMQ; schedules run on an in-process timer.
 */
export class InlineDriver implements QueueDriver {
  readonly name = 'inline' as const
  #pending = new Set<Promise<unknown>>()
  #timers = new Set<NodeJS.Timeout>()
  #closed = false

  constructor(private logger: Logger) {}

  async dispatch(job: JobClass, payload: Record<string, unknown>, options: DispatchOptions = {}) {
    const run = new Promise<void>((resolve) => {
      setTimeout(async () => {
        const ok = await runWithRetries(job, payload, (error, attempt) =>
          this.logger.error({ err: error, job: job.jobName, attempt }, 'job failed')
        )
        if (!ok) this.logger.error({ job: job.jobName }, 'job gave up after all attempts')
        resolve()
      }, options.delayMs ?? 0)
    })
    this.#pending.add(run)
    run.finally(() => this.#pending.delete(run))
  }

  async startSchedules(schedules: Schedule[]) {
    for (const schedule of schedules) this.#arm(schedule)
  }

  #arm(schedule: Schedule) {
    if (this.#closed) return
    const next = CronExpressionParser.parse(schedule.pattern, { tz: 'Asia/Shanghai' }).next()
    // setTimeout holds 32-bit delays only; re-arm at most daily.
    const delay = Math.min(next.getTime() - Date.now(), 24 * 3600 * 1000)
    const timer = setTimeout(async () => {
      this.#timers.delete(timer)
      if (Date.now() + 1000 >= next.getTime()) {
        await this.dispatch(schedule.job, { ...schedule.payload, scheduledFor: next.toISOString() })
      }
      this.#arm(schedule)
    }, delay)
    timer.unref()
    this.#timers.add(timer)
  }

  async drain() {
    while (this.#pending.size) await Promise.all([...this.#pending])
  }

  async ping() {
    return true
  }

  async close() {
    this.#closed = true
    for (const timer of this.#timers) clearTimeout(timer)
    await this.drain()
  }
}
