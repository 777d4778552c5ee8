/**
 * The evidence provider registry (GB/T 39678-2020 §8: 归档并管理 … the records an evaluator reads).
 * Each feature registers, in its own `evidence.ts`, what it can show for which clauses; the audits
 * feature asks the registry and never imports the features. Open: a later feature (the single window's
 * declarations and tracking for 6.1 / 6.5.4 / 8.2.5.3) registers the same way, from start/evidence.ts.
 */

import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** A period of Shanghai calendar days, both ends included (ISO dates, 'yyyy-MM-dd'). */
export interface EvidencePeriod {
  from: string
  to: string
}

/** An i18n key and its parameters: the registry stays free of any language. */
export interface EvidenceSummary {
  key: string
  params: Record<string, string | number>
}

/** One row of an export; values are plain (string, number, boolean, null). */
export type EvidenceRow = Record<string, string | number | boolean | null>

export interface EvidenceResult {
  /** The provider that answered. */
  provider: string
  summary: EvidenceSummary
  /** How many records the period holds; 0 is no evidence. */
  count: number
  /** The page of the filtered records (a relative url), when there is one. */
  link: string | null
  /** Column keys of `rows`, in order (i18n keys live under `evidence.columns.<key>`). */
  columns?: string[]
  /**
   * The records themselves, streamed in chunks (never the whole period in memory): each call
   * starts a fresh pass.
   */
  rows?: () => AsyncIterable<EvidenceRow>
}

export interface EvidenceProvider {
  /** Stable key, e.g. 'complaints.archive'. */
  key: string
  /** i18n key of the provider's title. */
  title: string
  /**
   * What the period holds. `client` is the caller's connection or transaction: use it for every
   * query (SQLite has one connection; a second one would wait for the caller's transaction).
   */
  provide(period: EvidencePeriod, client: QueryClientContract): Promise<EvidenceResult>
}

const byClause = new Map<string, EvidenceProvider[]>()
const byKey = new Map<string, { provider: EvidenceProvider; clauses: string[] }>()

/**
 * Registers a provider for clause numbers (e.g. ['7.3', '8.3.3']). A provider registered for a
 * clause also stands for the clause's sub-clauses. Registering the same key again replaces it.
 */
export function register(clauseNumbers: string[], provider: EvidenceProvider) {
  unregister(provider.key)
  byKey.set(provider.key, { provider, clauses: [...clauseNumbers] })
  for (const number of clauseNumbers) {
    const list = byClause.get(number) ?? []
    list.push(provider)
    byClause.set(number, list)
  }
}

/** Removes a provider (tests, or a feature switched off). */
export function unregister(key: string) {
  const entry = byKey.get(key)
  if (!entry) return
  byKey.delete(key)
  for (const number of entry.clauses) {
    const list = (byClause.get(number) ?? []).filter((p) => p.key !== key)
    if (list.length) byClause.set(number, list)
    else byClause.delete(number)
  }
}

/** Providers for a clause: its own and those of every ancestor number ('5.1' stands for '5.1.2'). */
export function providersFor(clauseNumber: string): EvidenceProvider[] {
  const found: EvidenceProvider[] = []
  const parts = clauseNumber.split('.')
  for (let i = parts.length; i >= 1; i--) {
    for (const provider of byClause.get(parts.slice(0, i).join('.')) ?? []) {
      if (!found.includes(provider)) found.push(provider)
    }
  }
  return found
}

/** Every registration: provider and the clause numbers it was registered for. */
export function registrations() {
  return [...byKey.values()].map(({ provider, clauses }) => ({ provider, clauses: [...clauses] }))
}

export function providerByKey(key: string) {
  return byKey.get(key)?.provider ?? null
}

/**
 * Streams rows of any query in id order, `chunk` at a time (keyset pagination: constant memory,
 * no OFFSET scans). `fetch(afterId, limit)` returns the next rows with an `id` above `afterId`.
 */
export async function* chunked<T extends { id: number }>(
  fetch: (afterId: number, limit: number) => Promise<T[]>,
  chunk = 1000
): AsyncIterable<T> {
  let after = 0
  for (;;) {
    const rows = await fetch(after, chunk)
    for (const row of rows) yield row
    if (rows.length < chunk) return
    after = Number(rows[rows.length - 1].id)
  }
}

/**
 * A provider's `rows`: the records of `query` (a fresh builder each call) in id order, `columns`
 * only, `chunk` at a time through `chunked`.
 */
export function rowsOf(
  query: () => DatabaseQueryBuilderContract,
  columns: string[],
  chunk = 1000
): () => AsyncIterable<EvidenceRow> {
  type Row = EvidenceRow & { id: number }
  const page = async (after: number, limit: number) =>
    (await query()
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .select(...columns)) as Row[]
  return () => chunked(page, chunk)
}

/**
 * The period's Shanghai days as UTC instants for timestamp columns (`yyyy-MM-dd HH:mm:ss`): `start`
 * included, `end` (midnight after the last day) excluded.
 */
export function periodInstants(period: EvidencePeriod) {
  const sql = (value: DateTime) => value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
  const start = DateTime.fromISO(period.from, { zone: 'Asia/Shanghai' }).startOf('day')
  const end = DateTime.fromISO(period.to, { zone: 'Asia/Shanghai' })
    .startOf('day')
    .plus({ days: 1 })
  return { start: sql(start), end: sql(end) }
}

/**
 * `urlFor` for provider links, callable outside a request too (ace commands, jobs, tests), where
 * the routes are registered but not yet committed to the lookup store. commit() is a no-op once
 * the server has done it.
 */
export const linkTo: typeof urlFor = ((...args: Parameters<typeof urlFor>) => {
  router.commit()
  return urlFor(...args)
}) as typeof urlFor
