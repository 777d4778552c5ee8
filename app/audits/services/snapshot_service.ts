import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainException from '#core/exceptions/domain_exception'
import type { EvidenceResult } from '#core/evidence'
import type Audit from '#audits/models/audit'
import EvidenceStateService, { lookupsOf } from '#audits/services/evidence_state_service'
import { auditPeriod, sqlTime } from '#audits/period'
import { currentSha256, sha256OfText } from '#audits/files'

export interface SnapshotRow {
  clauseId: number | null
  kind: string
  ref: string
  sha256: string
  payload: string
}

/** The line each snapshot row contributes to the audit's overall hash. */
export function snapshotLine(row: {
  kind: string
  ref: string
  clauseId: number | null
  sha256: string
}) {
  return `${row.kind}|${row.ref}|${row.clauseId ?? ''}|${row.sha256}\n`
}

/** Stable JSON: keys sorted, so the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (value instanceof DateTime) return JSON.stringify(value.toUTC().toISO())
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
}

/** Dates and times from either database as plain ISO text. */
function plain(row: Record<string, any>) {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString()
    else if (typeof value === 'bigint') out[key] = Number(value)
    else out[key] = value
  }
  return out
}

/**
 * The snapshot frozen at issue (GB/T 39678-2020 §8, 7.1.2 records kept complete, accurate and
 * traceable): every document and photo with the SHA-256 of its bytes now (a file that no longer
 * matches its upload hash stops the issue), every observation, confirmation with its answers,
 * sample with its items, verdict and finding, each provider's summary for each clause with a
 * SHA-256 over its streamed rows, and each clause's evidence state. One overall SHA-256 over all
 * rows is kept on the audit.
 */
export default class SnapshotService {
  constructor(private states = new EvidenceStateService()) {}

  /** Writes the snapshot rows inside the issue transaction; returns the overall hash. */
  async freeze(trx: TransactionClientContract, audit: Audit) {
    const rows = await this.collect(trx, audit)
    const now = sqlTime(DateTime.utc())
    for (let i = 0; i < rows.length; i += 200) {
      await trx.table('audit_snapshots').multiInsert(
        rows.slice(i, i + 200).map((r) => ({
          audit_id: audit.id,
          clause_id: r.clauseId,
          kind: r.kind,
          ref: r.ref,
          sha256: r.sha256,
          payload: r.payload,
          created_at: now,
        }))
      )
    }
    return overallHash(rows)
  }

  /**
   * Re-checks an issued audit: every payload against its hash, every file against the hash frozen,
   * and the overall hash. Lists what no longer matches.
   */
  async verify(audit: Audit) {
    const rows = await db.from('audit_snapshots').where('audit_id', audit.id).orderBy('id')
    const broken: Array<{ id: number; kind: string; ref: string; reason: string }> = []
    for (const row of rows) {
      const payload = JSON.parse(row.payload)
      if (row.kind === 'document' || row.kind === 'photo') {
        const actual = await currentSha256(payload.storageKey)
        if (actual !== row.sha256) {
          broken.push({
            id: row.id,
            kind: row.kind,
            ref: row.ref,
            reason: actual ? 'file_changed' : 'file_missing',
          })
        }
      } else if (sha256OfText(row.payload) !== row.sha256) {
        broken.push({ id: row.id, kind: row.kind, ref: row.ref, reason: 'payload_changed' })
      }
    }
    const overall = overallHash(
      rows.map((r) => ({
        kind: r.kind,
        ref: r.ref,
        clauseId: r.clause_id === null ? null : Number(r.clause_id),
        sha256: r.sha256,
      }))
    )
    return {
      intact: broken.length === 0 && overall === audit.snapshotSha256,
      overallMatches: overall === audit.snapshotSha256,
      checked: rows.length,
      broken,
    }
  }

  /** Every snapshot row of the audit, in a fixed order. */
  async collect(client: QueryClientContract, audit: Audit): Promise<SnapshotRow[]> {
    const rows: SnapshotRow[] = []
    const json = (clauseId: number | null, kind: string, ref: string, value: unknown) => {
      const payload = stableJson(value)
      rows.push({ clauseId, kind, ref, sha256: sha256OfText(payload), payload })
    }
    const period = auditPeriod(audit)
    const clauses = await client
      .from('audit_clauses')
      .where('framework_id', audit.frameworkId)
      .orderBy('position')
      .select('id', 'number')
    const numberOf = new Map(clauses.map((c) => [Number(c.id), c.number as string]))

    // Documents and their files: one row per clause a document supports.
    const documents = await client
      .from('audit_documents as d')
      .join('audit_document_clauses as dc', 'dc.document_id', 'd.id')
      .join('audit_clauses as c', 'c.id', 'dc.clause_id')
      .where('c.framework_id', audit.frameworkId)
      .where((q) => q.where('d.audit_id', audit.id).orWhereNull('d.audit_id'))
      .where('d.effective_on', '<=', period.to)
      .orderBy('d.id')
      .orderBy('c.position')
      .select('d.*', 'dc.clause_id as clause_id')
    const fileHashes = new Map<string, string | null>()
    const hashFile = async (key: string) => {
      if (!fileHashes.has(key)) fileHashes.set(key, await currentSha256(key))
      return fileHashes.get(key)!
    }
    const tampered: string[] = []
    for (const doc of documents) {
      const actual = await hashFile(doc.storage_key)
      if (actual !== doc.sha256) {
        tampered.push(doc.title)
        continue
      }
      const { clause_id: clauseId, ...document } = plain(doc)
      rows.push({
        clauseId: Number(clauseId),
        kind: 'document',
        ref: `audit_documents:${doc.id}`,
        sha256: actual,
        payload: stableJson({
          ...document,
          storageKey: doc.storage_key,
          clause: numberOf.get(Number(clauseId)),
        }),
      })
    }

    const observations = await client
      .from('audit_observations')
      .where('audit_id', audit.id)
      .orderBy('id')
    const photos = await client
      .from('audit_observation_photos as p')
      .join('audit_observations as o', 'o.id', 'p.observation_id')
      .where('o.audit_id', audit.id)
      .orderBy('p.id')
      .select('p.*', 'o.clause_id as clause_id')
    for (const photo of photos) {
      const actual = await hashFile(photo.storage_key)
      if (actual !== photo.sha256) {
        tampered.push(photo.original_name)
        continue
      }
      rows.push({
        clauseId: Number(photo.clause_id),
        kind: 'photo',
        ref: `audit_observation_photos:${photo.id}`,
        sha256: actual,
        payload: stableJson({ ...plain(photo), storageKey: photo.storage_key }),
      })
    }
    if (tampered.length) {
      throw new DomainException(
        'audits.errors.tampered',
        { count: tampered.length, names: tampered.slice(0, 5).join(', ') },
        { status: 409, code: 'E_AUDIT_TAMPERED' }
      )
    }
    for (const o of observations) {
      json(Number(o.clause_id), 'observation', `audit_observations:${o.id}`, {
        ...plain(o),
        photos: photos
          .filter((p) => Number(p.observation_id) === Number(o.id))
          .map((p) => p.sha256),
      })
    }

    const confirmations = await client
      .from('audit_confirmations')
      .where('audit_id', audit.id)
      .orderBy('id')
    const recipients = await client
      .from('audit_confirmation_recipients as r')
      .join('audit_confirmations as c', 'c.id', 'r.confirmation_id')
      .join('tenants as t', 't.id', 'r.tenant_id')
      .where('c.audit_id', audit.id)
      .orderBy('r.id')
      .select(
        'r.confirmation_id',
        'r.tenant_id',
        't.name as tenant_name',
        'r.answer',
        'r.comment',
        'r.answered_at',
        'r.answered_by'
      )
    for (const c of confirmations) {
      json(Number(c.clause_id), 'confirmation', `audit_confirmations:${c.id}`, {
        ...plain(c),
        recipients: recipients.filter((r) => Number(r.confirmation_id) === Number(c.id)).map(plain),
      })
    }

    const samples = await client.from('audit_samples').where('audit_id', audit.id).orderBy('id')
    const items = await client
      .from('audit_sample_items as i')
      .join('audit_samples as s', 's.id', 'i.sample_id')
      .where('s.audit_id', audit.id)
      .orderBy('i.sample_id')
      .orderBy('i.position')
      .select('i.*')
    for (const s of samples) {
      json(Number(s.clause_id), 'sample', `audit_samples:${s.id}`, {
        ...plain(s),
        items: items.filter((i) => Number(i.sample_id) === Number(s.id)).map(plain),
      })
    }

    for (const v of await client.from('audit_verdicts').where('audit_id', audit.id).orderBy('id')) {
      json(Number(v.clause_id), 'verdict', `audit_verdicts:${v.id}`, plain(v))
    }
    for (const f of await client.from('audit_findings').where('audit_id', audit.id).orderBy('id')) {
      json(Number(f.clause_id), 'finding', `audit_findings:${f.id}`, plain(f))
    }

    // Provider evidence: the summary, count and link per clause, and a SHA-256 over the rows.
    const methods = await client
      .from('audit_clause_methods as m')
      .join('audit_clauses as c', 'c.id', 'm.clause_id')
      .where('c.framework_id', audit.frameworkId)
      .select('m.clause_id', 'm.verified_by')
    const methodsOf = new Map<number, Array<{ verifiedBy: string }>>()
    for (const m of methods) {
      const list = methodsOf.get(Number(m.clause_id)) ?? []
      list.push({ verifiedBy: m.verified_by })
      methodsOf.set(Number(m.clause_id), list)
    }
    const results = await this.states.providerResults(lookupsOf(clauses, methodsOf), period, client)
    const rowHashes = new Map<EvidenceResult, string | null>()
    for (const c of clauses) {
      for (const result of results.get(c.number) ?? []) {
        if (!rowHashes.has(result)) rowHashes.set(result, await hashRows(result))
        json(Number(c.id), 'provider', result.provider, {
          provider: result.provider,
          summary: result.summary,
          count: result.count,
          link: result.link,
          columns: result.columns ?? null,
          rowsSha256: rowHashes.get(result),
          period,
        })
      }
    }

    for (const state of await this.states.clauses(audit, undefined, client)) {
      json(state.clauseId, 'clause_state', `audit_clauses:${state.clauseId}`, {
        number: state.number,
        state: state.state,
        verdict: state.verdict,
        methods: state.methods,
        counts: state.counts,
      })
    }
    return rows
  }
}

/** SHA-256 over a provider's rows, streamed (one JSON line per row); null when it has none. */
async function hashRows(result: EvidenceResult) {
  if (!result.rows) return null
  const digest = createHash('sha256')
  for await (const row of result.rows()) digest.update(stableJson(row)).update('\n')
  return digest.digest('hex')
}

export function overallHash(
  rows: Array<{ kind: string; ref: string; clauseId: number | null; sha256: string }>
) {
  const digest = createHash('sha256')
  for (const row of rows) digest.update(snapshotLine(row))
  return digest.digest('hex')
}
