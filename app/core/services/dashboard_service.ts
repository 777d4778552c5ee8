import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import type User from '#core/models/user'
import JobRunService from '#core/services/job_run_service'
import AuditChainCheckJob from '#core/jobs/audit_chain_check_job'
import { tenantCards } from '#core/dashboard_cards'

async function count(query: any) {
  const row = await query.count('* as total').first()
  return Number(row?.total ?? 0)
}

/** Last 6 months as yyyy-MM keys, oldest first (Asia/Shanghai). */
function lastMonths(n = 6) {
  const now = DateTime.now().setZone('Asia/Shanghai').startOf('month')
  return Array.from({ length: n }, (_, i) => now.minus({ months: n - 1 - i }))
}

async function monthlyCounts(table: string, column: string, scope?: (q: any) => void) {
  const months = lastMonths()
  // occurred_at (audit) holds ISO strings; other timestamps are SQL datetimes in UTC.
  const iso = column === 'occurred_at'
  const start = months[0].toUTC()
  const since = iso ? start.toISO()! : start.toSQL({ includeOffset: false })!
  const query = db.from(table).where(column, '>=', since).select(column)
  scope?.(query)
  const rows = await query
  const buckets = new Map(months.map((m) => [m.toFormat('yyyy-MM'), 0]))
  for (const row of rows) {
    const value = row[column]
    const dt =
      value instanceof Date
        ? DateTime.fromJSDate(value)
        : iso
          ? DateTime.fromISO(String(value))
          : DateTime.fromSQL(String(value), { zone: 'utc' })
    const key = dt.setZone('Asia/Shanghai').toFormat('yyyy-MM')
    if (buckets.has(key)) buckets.set(key, buckets.get(key)! + 1)
  }
  return { labels: [...buckets.keys()], data: [...buckets.values()] }
}

/** Dashboard figures may be a few seconds old; tests always see fresh ones. */
const TTL_MS = app.inTest ? 0 : 5000
const cache = new Map<string, { at: number; value: Promise<unknown> }>()

function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = cache.get(key)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>
  const value = compute()
  cache.set(key, { at: Date.now(), value })
  value.catch(() => cache.delete(key))
  return value
}

/**
 * The figures on each role's dashboard. Later modules add their cards here; every figure
 * a tenant sees is scoped to its own enterprise.
 */
export default class DashboardService {
  forOperator() {
    return cached('operator', () => this.computeOperator())
  }

  forEvaluator() {
    return cached('evaluator', () => this.computeEvaluator())
  }

  forTenant(user: User) {
    return cached(`tenant:${user.tenantId}`, () => this.computeTenant(user))
  }

  private async computeOperator() {
    const [tenants, pending, users, departments, auditToday] = await Promise.all([
      count(db.from('tenants')),
      count(db.from('registration_applications').where('status', 'pending')),
      count(db.from('users').where('is_active', true)),
      count(db.from('departments')),
      count(
        db
          .from('audit_logs')
          .where(
            'occurred_at',
            '>=',
            DateTime.now().setZone('Asia/Shanghai').startOf('day').toUTC().toISO()!
          )
      ),
    ])
    const registrations = await monthlyCounts('registration_applications', 'created_at')
    const byStatus = await db
      .from('registration_applications')
      .select('status')
      .count('* as total')
      .groupBy('status')
    return {
      tenants,
      pending,
      users,
      departments,
      auditToday,
      registrations,
      byStatus: byStatus.map((r) => ({ status: r.status, total: Number(r.total) })),
      lastChainCheck: await JobRunService.latest(AuditChainCheckJob.jobName),
    }
  }

  private async computeEvaluator() {
    const [tenants, auditEntries, departments] = await Promise.all([
      count(db.from('tenants')),
      count(db.from('audit_logs')),
      count(db.from('departments')),
    ])
    const activity = await monthlyCounts('tenants', 'created_at')
    return { tenants, auditEntries, departments, activity }
  }

  private async computeTenant(user: User) {
    const tenantId = user.tenantId!
    const [members, activeMembers] = await Promise.all([
      count(db.from('users').where('tenant_id', tenantId)),
      count(db.from('users').where('tenant_id', tenantId).where('is_active', true)),
    ])
    const tenant = await db.from('tenants').where('id', tenantId).first()
    const activity = await monthlyCounts('audit_logs', 'occurred_at', (q) =>
      q.where('tenant_id', tenantId)
    )
    // Cards the feature modules register (e.g. `park`: own leases, units and documents).
    return { tenant, members, activeMembers, activity, ...(await tenantCards(user)) }
  }
}
