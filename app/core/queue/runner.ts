import type { JobClass } from '#core/queue/job'

/** Runs one job with its retries and exponential backoff; shared by the inline driver and tests. */
export async function runWithRetries(
  job: JobClass,
  payload: Record<string, unknown>,
  onError: (error: unknown, attempt: number) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))
) {
  for (let attempt = 1; attempt <= job.attempts; attempt++) {
    try {
      await new job().handle(payload)
      return true
    } catch (error) {
      onError(error, attempt)
      if (attempt < job.attempts) await sleep(job.backoffMs * 2 ** (attempt - 1))
    }
  }
  return false
}
