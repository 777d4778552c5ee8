/*
|--------------------------------------------------------------------------
| Jobs and schedules: the one place every background job is registered
|--------------------------------------------------------------------------
*/
import type { JobClass, Schedule } from '#core/queue/job'
import AuditChainCheckJob from '#core/jobs/audit_chain_check_job'

export const jobs: JobClass[] = [AuditChainCheckJob]

export const schedules: Schedule[] = [
  // Nightly proof that nobody rewrote the audit trail (GB/T 39678 7.2: records and archives).
  { id: 'audit-chain-check', job: AuditChainCheckJob, pattern: '0 2 * * *' },
]
