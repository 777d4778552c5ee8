import { Job } from '#core/queue/job'
import { runDay } from '#core/dates'
import AuditService from '#core/services/audit_service'
import JobRunService from '#core/services/job_run_service'

/** Verifies the audit trail's hash chain once per day and records the verdict. */
export default class AuditChainCheckJob extends Job<{ scheduledFor?: string }> {
  static jobName = 'audit.chain_check'

  async handle(payload: { scheduledFor?: string }) {
    const day = runDay(payload.scheduledFor).toISODate()
    await JobRunService.once(AuditChainCheckJob.jobName, `audit-chain:${day}`, async () => {
      const result = await new AuditService().verify()
      return result
    })
  }
}
