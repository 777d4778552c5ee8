import db from '@adonisjs/lucid/services/db'
import { dataVersion } from '#core/services/data_version'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import {
  applyComplaintFilters,
  type ComplaintFilters,
} from '#complaints/services/complaint_queries'

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value))

/** Filter sets memoised at most (the oldest is dropped first). */
const MEMO_SIZE = 64
const memo = { version: null as string | null, byKey: new Map<string, Promise<Figures>>() }

/**
 * The figures GB/T 39678 7.2.3/7.3 asks the operator to review: counts by category, department
 * and month, the on-time rate, the average handling time in working days and satisfaction.
 * Every figure is one aggregate query over the filtered complaints, read from one index (0105).
 *
 * Memoised per filter set and language against the database's data version, as the park
 * statistics are (see dataVersion): any write anywhere recomputes them, and where no version can
 * be had (MySQL, a transaction) they are computed afresh. The "overdue" filter depends on the
 * clock as well: it is memoised for the current minute only.
 */
export async function complaintStatistics(
  filters: ComplaintFilters,
  locale: string
): Promise<Figures> {
  const version = await dataVersion()
  if (version === null) return calculate(filters, locale)
  if (memo.version !== version) {
    memo.version = version
    memo.byKey.clear()
  }
  const key = JSON.stringify([
    locale,
    filters.q ?? null,
    filters.status ?? null,
    filters.categoryId ?? null,
    filters.departmentId ?? null,
    filters.channel ?? null,
    filters.overdue ? Math.floor(Date.now() / 60_000) : null,
    filters.from?.getTime() ?? null,
    filters.to?.getTime() ?? null,
  ])
  let figures = memo.byKey.get(key)
  if (!figures) {
    // Frozen, so no caller can change the figures the next one is served.
    figures = calculate(filters, locale).then((value) => deepFreeze(value))
    memo.byKey.set(key, figures)
    figures.catch(() => memo.byKey.delete(key))
    if (memo.byKey.size > MEMO_SIZE) memo.byKey.delete(memo.byKey.keys().next().value!)
  }
  return figures
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

async function calculate(filters: ComplaintFilters, locale: string) {
  const base = () => applyComplaintFilters(db.from('complaints'), filters)

  const totals = await base()
    .count('* as total')
    .sum(db.raw('CASE WHEN resolved_on_time IS NOT NULL THEN 1 ELSE 0 END') as any, 'judged')
    .sum(db.raw('CASE WHEN resolved_on_time = ? THEN 1 ELSE 0 END', [true]) as any, 'on_time')
    .avg('handling_working_days as avg_days')
    .avg('satisfaction as avg_satisfaction')
    .count('satisfaction as rated')
    .first()
  const byStatus = await base().select('status').count('* as total').groupBy('status')
  const byCategory = await base()
    .select('category_id')
    .count('* as total')
    .avg('handling_working_days as avg_days')
    .groupBy('category_id')
  const byDepartment = await base()
    .select('department_id')
    .count('* as total')
    .sum(db.raw('CASE WHEN resolved_on_time = ? THEN 1 ELSE 0 END', [true]) as any, 'on_time')
    .sum(db.raw('CASE WHEN resolved_on_time IS NOT NULL THEN 1 ELSE 0 END') as any, 'judged')
    .groupBy('department_id')
  const byMonth = await base()
    .select(db.raw('SUBSTR(submitted_on, 1, 7) as month'))
    .count('* as total')
    .groupByRaw('SUBSTR(submitted_on, 1, 7)')
    .orderBy('month')
  const bySatisfaction = await base()
    .whereNotNull('satisfaction')
    .select('satisfaction')
    .count('* as total')
    .groupBy('satisfaction')

  const categories = new Map(
    (await ComplaintCategory.all()).map((c) => [c.id, c.label(locale)] as const)
  )
  const departments = new Map((await Department.all()).map((d) => [d.id, d.name] as const))
  const judged = Number(totals?.judged ?? 0)
  return {
    total: Number(totals?.total ?? 0),
    judged,
    onTime: Number(totals?.on_time ?? 0),
    onTimeRate: judged ? Number(totals?.on_time ?? 0) / judged : null,
    avgWorkingDays: num(totals?.avg_days),
    avgSatisfaction: num(totals?.avg_satisfaction),
    rated: Number(totals?.rated ?? 0),
    byStatus: byStatus.map((r) => ({ status: r.status as string, count: Number(r.total) })),
    byCategory: byCategory
      .map((r) => ({
        name: categories.get(Number(r.category_id)) ?? '—',
        count: Number(r.total),
        avgDays: num(r.avg_days),
      }))
      .sort((a, b) => b.count - a.count),
    byDepartment: byDepartment
      .map((r) => ({
        name: departments.get(Number(r.department_id)) ?? '—',
        count: Number(r.total),
        onTimeRate: Number(r.judged) ? Number(r.on_time) / Number(r.judged) : null,
      }))
      .sort((a, b) => b.count - a.count),
    byMonth: byMonth.map((r) => ({ month: String(r.month), count: Number(r.total) })),
    bySatisfaction: [1, 2, 3, 4, 5].map((score) => ({
      score,
      count: Number(bySatisfaction.find((r) => Number(r.satisfaction) === score)?.total ?? 0),
    })),
  }
}

type Figures = Awaited<ReturnType<typeof calculate>>
export type ComplaintStatistics = Figures
