import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { EvidencePeriod } from '#core/evidence'
import { periodBounds } from '#audits/period'

/**
 * Kinds of record an evaluator can sample (GB/T 39678 §8 过程验证): each gives the ids of its
 * records in a period and a label for each drawn one. Open: the single window registers
 * 'declarations' the same way.
 */
export interface SampleKind {
  /** i18n key of the kind's name. */
  title: string
  population(client: QueryClientContract, period: EvidencePeriod): Promise<number[]>
  labels(client: QueryClientContract, ids: number[]): Promise<Map<number, string>>
}

const kinds = new Map<string, SampleKind>()

export function registerSampleKind(key: string, kind: SampleKind) {
  kinds.set(key, kind)
}

export function sampleKind(key: string) {
  return kinds.get(key) ?? null
}

export function sampleKinds() {
  return [...kinds.keys()]
}

const pluckIds = (rows: Array<{ id: number | string }>) => rows.map((r) => Number(r.id))

async function labelsOf(
  client: QueryClientContract,
  table: string,
  ids: number[],
  label: (row: Record<string, any>) => string,
  columns: string[]
) {
  const map = new Map<number, string>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await client
      .from(table)
      .whereIn('id', ids.slice(i, i + 500))
      .select('id', ...columns)
    for (const row of rows) map.set(Number(row.id), label(row).slice(0, 255))
  }
  return map
}

// GB/T 39678 7.3 / 8.3.3: complaints submitted in the period (their Shanghai submission day).
registerSampleKind('complaints', {
  title: 'audits.sample_kinds.complaints',
  population: async (client, period) =>
    pluckIds(
      await client
        .from('complaints')
        .whereBetween('submitted_on', [period.from, period.to])
        .select('id')
    ),
  labels: (client, ids) =>
    labelsOf(client, 'complaints', ids, (r) => `${r.number} ${r.subject}`, ['number', 'subject']),
})

// GB/T 39678 5.4 / 6.10: facility bookings starting in the period.
registerSampleKind('bookings', {
  title: 'audits.sample_kinds.bookings',
  population: async (client, period) => {
    const { start, end } = periodBounds(period)
    return pluckIds(
      await client
        .from('bookings')
        .where('starts_at', '>=', start)
        .where('starts_at', '<', end)
        .select('id')
    )
  },
  labels: (client, ids) =>
    labelsOf(client, 'bookings', ids, (r) => `${r.number} ${r.purpose}`, ['number', 'purpose']),
})

// GB/T 39678 §6: service requests submitted in the period.
registerSampleKind('service_requests', {
  title: 'audits.sample_kinds.service_requests',
  population: async (client, period) => {
    const { start, end } = periodBounds(period)
    return pluckIds(
      await client
        .from('service_requests')
        .where('submitted_at', '>=', start)
        .where('submitted_at', '<', end)
        .select('id')
    )
  },
  labels: (client, ids) =>
    labelsOf(client, 'service_requests', ids, (r) => `${r.number} ${r.subject}`, [
      'number',
      'subject',
    ]),
})
