import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import {
  providersFor,
  type EvidencePeriod,
  type EvidenceProvider,
  type EvidenceResult,
} from '#core/evidence'
import type User from '#core/models/user'
import type Audit from '#audits/models/audit'
import { assertReader } from '#audits/access'
import { providerMemo } from '#audits/services/provider_memo'
import { auditPeriod } from '#audits/period'
import type { EvidenceStatus, Method, Obligation, Verdict } from '#audits/workflow'

export type MethodStatus = 'present' | 'expired' | 'missing'

export interface MethodEvidence {
  method: Method
  /** The §8 item that asks for it. */
  verifiedBy: string
  status: MethodStatus
}

export interface ClauseEvidence {
  clauseId: number
  number: string
  chapter: string
  titleEn: string
  textZh: string
  obligation: Obligation
  position: number
  methods: MethodEvidence[]
  state: EvidenceStatus
  verdict: Verdict | null
  counts: {
    documents: number
    expiredDocuments: number
    observations: number
    confirmations: number
    samples: number
    records: number
  }
}

export interface HeatmapFilters {
  chapter?: string | null
  method?: Method | null
  /** A verdict, or 'none' for clauses without one yet. */
  verdict?: Verdict | 'none' | null
  state?: EvidenceStatus | null
}

type Counts = Map<number, number>

const countMap = (rows: Array<{ clause_id: number | string; n: number | string }>): Counts =>
  new Map(rows.map((r) => [Number(r.clause_id), Number(r.n)]))

/**
 * The evidence state of every clause of an audit, from the §8 methods each clause requires
 * (GB/T 39678-2020 §8) against the evidence present:
 *   records, assessment   a document in force in the period (effective on or before its last day,
 *                          not expired before it) or a provider with records in the period;
 *                          only documents that expired in (or before) the period → expired
 *   onsite                 an observation on site
 *   confirmation          a tenant confirmation with at least one answer
 *   process               a record sample with every item judged
 * complete = every method present; expired = some method lacks evidence only because its
 * documents expired; partial = some present; missing = none. Computed in a fixed number of
 * set-based queries (one per evidence kind), never per clause; providers are asked once each.
 */
export default class EvidenceStateService {
  async clauses(audit: Audit, reader?: User, client: QueryClientContract = db.connection()) {
    if (reader) assertReader(reader)
    const period = auditPeriod(audit)
    const [clauses, methods, documents, observations, confirmations, samples, verdicts] =
      await Promise.all([
        client
          .from('audit_clauses')
          .where('framework_id', audit.frameworkId)
          .orderBy('position')
          .select('id', 'number', 'chapter', 'title_en', 'text_zh', 'obligation', 'position'),
        client
          .from('audit_clause_methods as m')
          .join('audit_clauses as c', 'c.id', 'm.clause_id')
          .where('c.framework_id', audit.frameworkId)
          .orderBy('m.id')
          .select('m.clause_id', 'm.method', 'm.verified_by'),
        client
          .from('audit_document_clauses as dc')
          .join('audit_documents as d', 'd.id', 'dc.document_id')
          .where((q) => q.where('d.audit_id', audit.id).orWhereNull('d.audit_id'))
          .where('d.effective_on', '<=', period.to)
          .groupBy('dc.clause_id')
          .select('dc.clause_id')
          .count('* as n')
          .select(
            client.raw(
              'SUM(CASE WHEN d.expires_on IS NULL OR d.expires_on >= ? THEN 1 ELSE 0 END) AS valid',
              [period.to]
            )
          ),
        client
          .from('audit_observations')
          .where('audit_id', audit.id)
          .groupBy('clause_id')
          .select('clause_id')
          .count('* as n'),
        client
          .from('audit_confirmations as c')
          .where('c.audit_id', audit.id)
          .whereExists((q) =>
            q
              .from('audit_confirmation_recipients as r')
              .whereColumn('r.confirmation_id', 'c.id')
              .whereNotNull('r.answer')
          )
          .groupBy('c.clause_id')
          .select('c.clause_id')
          .count('* as n'),
        client
          .from('audit_samples as s')
          .where('s.audit_id', audit.id)
          .where('s.size', '>', 0)
          .whereNotExists((q) =>
            q
              .from('audit_sample_items as i')
              .whereColumn('i.sample_id', 's.id')
              .whereNull('i.result')
          )
          .groupBy('s.clause_id')
          .select('s.clause_id')
          .count('* as n'),
        client.from('audit_verdicts').where('audit_id', audit.id).select('clause_id', 'verdict'),
      ])

    const methodsOf = new Map<number, Array<{ method: Method; verifiedBy: string }>>()
    for (const row of methods) {
      const list = methodsOf.get(Number(row.clause_id)) ?? []
      list.push({ method: row.method, verifiedBy: row.verified_by })
      methodsOf.set(Number(row.clause_id), list)
    }
    const docs = new Map<number, { total: number; valid: number }>(
      documents.map((r: any) => [
        Number(r.clause_id),
        { total: Number(r.n), valid: Number(r.valid) },
      ])
    )
    const seen = countMap(observations as any)
    const confirmed = countMap(confirmations as any)
    const sampled = countMap(samples as any)
    const verdictOf = new Map<number, Verdict>(
      verdicts.map((r) => [Number(r.clause_id), r.verdict])
    )
    const records = await this.providerCounts(lookupsOf(clauses, methodsOf), period, client)

    return clauses.map((c): ClauseEvidence => {
      const id = Number(c.id)
      const doc = docs.get(id) ?? { total: 0, valid: 0 }
      const recordCount = records.get(c.number) ?? 0
      const required = methodsOf.get(id) ?? [{ method: 'records' as Method, verifiedBy: '' }]
      const evidence = required.map(({ method, verifiedBy }): MethodEvidence => {
        let status: MethodStatus = 'missing'
        if (method === 'records' || method === 'assessment') {
          if (doc.valid > 0 || recordCount > 0) status = 'present'
          else if (doc.total > 0) status = 'expired'
        } else if (method === 'onsite') {
          status = (seen.get(id) ?? 0) > 0 ? 'present' : 'missing'
        } else if (method === 'confirmation') {
          status = (confirmed.get(id) ?? 0) > 0 ? 'present' : 'missing'
        } else if (method === 'process') {
          status = (sampled.get(id) ?? 0) > 0 ? 'present' : 'missing'
        }
        return { method, verifiedBy, status }
      })
      return {
        clauseId: id,
        number: c.number,
        chapter: c.chapter,
        titleEn: c.title_en,
        textZh: c.text_zh,
        obligation: c.obligation,
        position: Number(c.position),
        methods: evidence,
        state: stateOf(evidence),
        verdict: verdictOf.get(id) ?? null,
        counts: {
          documents: doc.valid,
          expiredDocuments: doc.total - doc.valid,
          observations: seen.get(id) ?? 0,
          confirmations: confirmed.get(id) ?? 0,
          samples: sampled.get(id) ?? 0,
          records: recordCount,
        },
      }
    })
  }

  /** The operator's checklist: clauses whose evidence is missing, expired or incomplete, and what is lacking. */
  async checklist(audit: Audit, reader: User) {
    const clauses = await this.clauses(audit, reader)
    return clauses
      .filter((c) => c.state !== 'complete')
      .map((c) => ({
        ...c,
        missing: c.methods.filter((m) => m.status === 'missing').map((m) => m.method),
        expired: c.methods.filter((m) => m.status === 'expired').map((m) => m.method),
      }))
  }

  /**
   * Clauses × evidence state × verdict, filtered by chapter, method, verdict and state, with the
   * counts per chapter and state for the grid.
   */
  async heatmap(audit: Audit, reader: User, filters: HeatmapFilters = {}) {
    const all = await this.clauses(audit, reader)
    const rows = all.filter(
      (c) =>
        (!filters.chapter || c.chapter === filters.chapter) &&
        (!filters.method || c.methods.some((m) => m.method === filters.method)) &&
        (!filters.state || c.state === filters.state) &&
        (!filters.verdict ||
          (filters.verdict === 'none' ? c.verdict === null : c.verdict === filters.verdict))
    )
    const matrix: Record<string, Record<EvidenceStatus, number>> = {}
    const totals: Record<EvidenceStatus, number> = {
      complete: 0,
      partial: 0,
      missing: 0,
      expired: 0,
    }
    for (const row of rows) {
      matrix[row.chapter] ??= { complete: 0, partial: 0, missing: 0, expired: 0 }
      matrix[row.chapter][row.state]++
      totals[row.state]++
    }
    return { rows, matrix, totals, total: rows.length }
  }

  /**
   * Records per clause number from the evidence providers: each provider is asked once for the
   * period, then its count is credited to every clause it stands for.
   */
  async providerCounts(
    lookups: Map<string, string[]>,
    period: EvidencePeriod,
    client: QueryClientContract
  ) {
    const results = await this.providerResults(lookups, period, client)
    const counts = new Map<string, number>()
    for (const [number, list] of results) {
      const total = list.reduce((sum, r) => sum + r.count, 0)
      if (total) counts.set(number, total)
    }
    return counts
  }

  /**
   * The provider results standing for each clause. `lookups` maps a clause number to the numbers
   * its providers may be registered under: its own and the §8 items that verify it (a provider
   * registered for '8.3.3' serves the clauses 8.3.3 verifies). Each provider is asked once;
   * `fresh` asks it now rather than reusing the heatmap's memo (a report or bundle must count what
   * it exports).
   */
  async providerResults(
    lookups: Map<string, string[]>,
    period: EvidencePeriod,
    client: QueryClientContract,
    { fresh = false } = {}
  ) {
    const byNumber = new Map<string, EvidenceProvider[]>()
    const unique = new Map<string, EvidenceProvider>()
    for (const [number, keys] of lookups) {
      const list: EvidenceProvider[] = []
      for (const key of keys) {
        for (const provider of providersFor(key)) {
          if (!list.includes(provider)) list.push(provider)
          unique.set(provider.key, provider)
        }
      }
      byNumber.set(number, list)
    }
    const answered = new Map<string, EvidenceResult>()
    // One after another: a transaction's client runs one query at a time (and SQLite has one
    // connection).
    for (const provider of unique.values()) {
      answered.set(
        provider.key,
        await (fresh
          ? provider.provide(period, client)
          : providerMemo.provide(provider, period, client))
      )
    }
    const results = new Map<string, EvidenceResult[]>()
    for (const [number, list] of byNumber)
      results.set(
        number,
        list.map((p) => answered.get(p.key)!)
      )
    return results
  }
}

/** The clause's state from the state of each required method. */
export function stateOf(methods: MethodEvidence[]): EvidenceStatus {
  const present = methods.filter((m) => m.status === 'present').length
  if (present === methods.length) return 'complete'
  if (methods.some((m) => m.status === 'expired')) return 'expired'
  return present > 0 ? 'partial' : 'missing'
}

/** Clause number → the numbers its providers may be registered under (its own, its §8 items). */
export function lookupsOf(
  clauses: Array<{ id: number | string; number: string }>,
  methodsOf: Map<number, Array<{ verifiedBy: string }>>
) {
  return new Map(
    clauses.map((c) => [
      c.number,
      [
        c.number,
        ...new Set((methodsOf.get(Number(c.id)) ?? []).map((m) => m.verifiedBy).filter(Boolean)),
      ],
    ])
  )
}
