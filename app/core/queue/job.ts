/**
 * A unit of background work. Subclasses are registered in start/jobs.ts and must be idempotent:
 * BullMQ delivers at least once, so a job guards its side effect with `JobRunService.once`.
 */
export abstract class Job<Payload extends Record<string, unknown> = Record<string, unknown>> {
  /** Unique name the queue knows the job by. */
  static jobName: string
  /** How many times a failing job is tried in all. */
  static attempts = 3
  /** First retry delay in ms; doubles with each further try (exponential backoff). */
  static backoffMs = 2000

  abstract handle(payload: Payload): Promise<void>
}

export type JobClass<P extends Record<string, unknown> = any> = {
  new (): Job<P>
  jobName: string
  attempts: number
  backoffMs: number
}

/** A job run on a cron pattern (Asia/Shanghai). */
export interface Schedule {
  id: string
  job: JobClass
  pattern: string
  payload?: Record<string, unknown>
}
