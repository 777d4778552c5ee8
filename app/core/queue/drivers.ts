import type { JobClass, Schedule } from '#core/queue/job'

export interface DispatchOptions {
  /** Same id, same job: the queue keeps only one (BullMQ dedupes by job id). */
  jobId?: string
  delayMs?: number
}

/** What each queue driver (inline, bullmq) provides. */
export interface QueueDriver {
  readonly name: 'inline' | 'bullmq'
  dispatch(
    job: JobClass,
    payload: Record<string, unknown>,
    options?: DispatchOptions
  ): Promise<void>
  /** Registers the recurring schedules (BullMQ job schedulers or an in-process timer). */
  startSchedules(schedules: Schedule[]): Promise<void>
  /** Resolves once every job dispatched so far has finished (inline) or been handed over (bullmq). */
  drain(): Promise<void>
  /** Answers whether the queue backend is reachable; used by /health. */
  ping(): Promise<boolean>
  close(): Promise<void>
}
