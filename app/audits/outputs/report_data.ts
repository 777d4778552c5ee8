import db from '@adonisjs/lucid/services/db'
import type { I18n } from '@adonisjs/i18n'
import { sqlDay } from '#core/dates'
import { providerByKey, type EvidenceResult } from '#core/evidence'
import type Audit from '#audits/models/audit'
import { auditPeriod } from '#audits/period'
import { verifyFile } from '#audits/files'
import EvidenceStateService, { lookupsOf } from '#audits/services/evidence_state_service'
import type { EvidenceStatus, Verdict } from '#audits/workflow'
import { VERDICTS } from '#audits/workflow'

/** A stored file of the audit (document or photo) and, once checked, whether it is still intact. */
export interface ReportFile {
  id: number
  storageKey: string
  originalName: string
  mimeType: string
  size: number
  /** SHA-256 recorded at upload. */
  sha256: string
  /** null until checked: 'ok', 'tampered' (bytes differ from the upload hash) or 'missing'. */
  integrity: 'ok' | 'tampered' | 'missing' | null
}

export interface ReportDocument extends ReportFile {
  title: string
  effectiveOn: string
  expiresOn: string | null
  /** Clause ids it supports, in catalogue order. */
  clauseIds: number[]
}

export interface ReportObservation {
  id: number
  text: string
  observedOn: string
  place: string | null
  evaluator: string
  photos: ReportFile[]
}

export interface ReportConfirmation {
  id: number
  question: string
  audience: string
  sentAt: string
  yes: number
  no: number
  pending: number
}

export interface ReportSample {
  id: number
  recordKind: string
  seed: string
  size: number
  population: number
  pass: number
  fail: number
  open: number
}

export interface ReportLive {
  key: string
  title: string
  result: EvidenceResult
}

export interface ReportClause {
  id: number
  number: string
  chapter: string
  textZh: string
  titleEn: string
  obligation: string
  methods: Array<{ method: string; verifiedBy: string }>
  evidence: EvidenceStatus
  verdict: Verdict | null
  observation: string | null
  evaluator: string | null
  documents: ReportDocument[]
  observations: ReportObservation[]
  confirmations: ReportConfirmation[]
  samples: ReportSample[]
  live: ReportLive[]
}

export interface ReportFinding {
  id: number
  clauseNumber: string
  severity: string
  description: string
  owner: string | null
  dueOn: string
  state: string
  recheckNote: string | null
  closedAt: string | null
}

export interface ChapterSummary {
  chapter: string
  clauses: number
  counts: Record<Verdict | 'none', number>
  /** Conforming over conforming + minor + major: null while none of them is assessed. */
  rate: number | null
}

export interface ReportData {
  audit: {
    id: number
    title: string
    framework: string
    frameworkTitle: string
    periodFrom: string
    periodTo: string
    state: string
    issuedAt: string | null
    issuedBy: string | null
    snapshotSha256: string | null
    evaluators: string[]
  }
  clauses: ReportClause[]
  findings: ReportFinding[]
  chapters: ChapterSummary[]
  totals: ChapterSummary
  documents: ReportDocument[]
  generatedAt: Date
}

/** Timestamps come back as strings (SQLite) or Dates (MySQL); both as ISO text in UTC. */
function iso(value: unknown) {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const text = String(value)
  return text.includes('T') ? text : `${text.replace(' ', 'T')}Z`
}

/** Reads ids in slices: IN lists stay well under every driver's parameter limit. */
async function byIds<T>(ids: number[], read: (slice: number[]) => Promise<T[]>) {
  const out: T[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))))
  return out
}

function emptyCounts(): Record<Verdict | 'none', number> {
  return Object.fromEntries([...VERDICTS, 'none'].map((v) => [v, 0])) as Record<
    Verdict | 'none',
    number
  >
}

function summarise(chapter: string, clauses: ReportClause[]): ChapterSummary {
  const counts = emptyCounts()
  for (const c of clauses) counts[c.verdict ?? 'none']++
  const assessed = counts.conforming + counts.minor + counts.major
  return {
    chapter,
    clauses: clauses.length,
    counts,
    rate: assessed ? counts.conforming / assessed : null,
  }
}

/**
 * Everything the report, the print page and the bundle show about one audit, in a handful of
 * set-based queries (one per kind of evidence, never one per clause): clauses with their §8
 * methods, evidence state, verdict, documents, observations with photos, confirmation tallies,
 * sample tallies, the live evidence providers, and the findings. Files are not read here:
 * `checkIntegrity` hashes them for the report; the bundle hashes them as it streams them.
 */
export async function loadReportData(audit: Audit, i18n: I18n): Promise<ReportData> {
  const [framework] = await db
    .from('audit_frameworks')
    .where('id', audit.frameworkId)
    .select('code', 'title')
  const people = async (ids: number[]) => {
    const unique = [...new Set(ids.filter((id) => id !== null && id !== undefined).map(Number))]
    const rows = await byIds(unique, (slice) =>
      db.from('users').whereIn('id', slice).select('id', 'full_name')
    )
    return new Map(rows.map((u: any) => [Number(u.id), String(u.full_name)]))
  }

  const evidence = new EvidenceStateService()
  const clauseRows = await evidence.clauses(audit)
  const period = auditPeriod(audit)
  const lookups = lookupsOf(
    clauseRows.map((c) => ({ id: c.clauseId, number: c.number })),
    new Map(clauseRows.map((c) => [c.clauseId, c.methods]))
  )
  const liveResults = await new EvidenceStateService().providerResults(
    lookups,
    period,
    db.connection(),
    {
      fresh: true,
    }
  )
  const verdictRows = await db
    .from('audit_verdicts')
    .where('audit_id', audit.id)
    .select('clause_id', 'verdict', 'observation', 'evaluator_id')
  const documentRows = await db
    .from('audit_documents')
    .where((q) => q.where('audit_id', audit.id).orWhereNull('audit_id'))
    .orderBy('id')
    .select('*')
  const documentClauseRows = await byIds(
    documentRows.map((d: any) => Number(d.id)),
    (slice) =>
      db
        .from('audit_document_clauses')
        .whereIn('document_id', slice)
        .select('document_id', 'clause_id')
  )
  const observationRows = await db
    .from('audit_observations')
    .where('audit_id', audit.id)
    .orderBy('observed_on')
    .orderBy('id')
    .select('*')
  const photoRows = await byIds(
    observationRows.map((o: any) => Number(o.id)),
    (slice) =>
      db.from('audit_observation_photos').whereIn('observation_id', slice).orderBy('id').select('*')
  )
  const confirmationRows = await db
    .from('audit_confirmations as c')
    .leftJoin('audit_confirmation_recipients as r', 'r.confirmation_id', 'c.id')
    .where('c.audit_id', audit.id)
    .groupBy('c.id', 'c.clause_id', 'c.question', 'c.audience', 'c.sent_at')
    .orderBy('c.id')
    .select('c.id', 'c.clause_id', 'c.question', 'c.audience', 'c.sent_at')
    .select(
      db.raw(`SUM(CASE WHEN r.answer = 'yes' THEN 1 ELSE 0 END) AS yes_count`),
      db.raw(`SUM(CASE WHEN r.answer = 'no' THEN 1 ELSE 0 END) AS no_count`),
      db.raw(`SUM(CASE WHEN r.id IS NOT NULL AND r.answer IS NULL THEN 1 ELSE 0 END) AS open_count`)
    )
  const sampleRows = await db
    .from('audit_samples as s')
    .leftJoin('audit_sample_items as i', 'i.sample_id', 's.id')
    .where('s.audit_id', audit.id)
    .groupBy('s.id', 's.clause_id', 's.record_kind', 's.seed', 's.size', 's.population')
    .orderBy('s.id')
    .select('s.id', 's.clause_id', 's.record_kind', 's.seed', 's.size', 's.population')
    .select(
      db.raw(`SUM(CASE WHEN i.result = 'pass' THEN 1 ELSE 0 END) AS pass_count`),
      db.raw(`SUM(CASE WHEN i.result = 'fail' THEN 1 ELSE 0 END) AS fail_count`),
      db.raw(`SUM(CASE WHEN i.id IS NOT NULL AND i.result IS NULL THEN 1 ELSE 0 END) AS open_count`)
    )
  const findingRows = await db
    .from('audit_findings as f')
    .join('audit_clauses as c', 'c.id', 'f.clause_id')
    .where('f.audit_id', audit.id)
    .orderBy('c.position')
    .orderBy('f.id')
    .select('f.*', 'c.number as clause_number')
  const evaluatorRows = await db
    .from('audit_evaluators as e')
    .join('users as u', 'u.id', 'e.user_id')
    .where('e.audit_id', audit.id)
    .orderBy('u.full_name')
    .select('u.full_name')
  const names = await people([
    ...verdictRows.map((v: any) => v.evaluator_id),
    ...observationRows.map((o: any) => o.evaluator_id),
    ...findingRows.map((f: any) => f.owner_user_id),
    audit.issuedBy as number,
  ])
  const clauses = new Map<number, ReportClause>()
  for (const c of clauseRows) {
    clauses.set(c.clauseId, {
      id: c.clauseId,
      number: c.number,
      chapter: String(c.chapter),
      textZh: c.textZh,
      titleEn: c.titleEn,
      obligation: c.obligation,
      methods: c.methods.map((m) => ({ method: m.method, verifiedBy: m.verifiedBy })),
      evidence: c.state,
      verdict: null,
      observation: null,
      evaluator: null,
      documents: [],
      observations: [],
      confirmations: [],
      samples: [],
      live: [],
    })
  }
  for (const v of verdictRows) {
    const clause = clauses.get(Number(v.clause_id))
    if (!clause) continue
    clause.verdict = v.verdict
    clause.observation = v.observation
    clause.evaluator = names.get(Number(v.evaluator_id)) ?? null
  }
  const position = new Map([...clauses.keys()].map((id, index) => [id, index]))
  const documents = documentRows.map((d: any): ReportDocument => ({
    id: Number(d.id),
    title: d.title,
    storageKey: d.storage_key,
    originalName: d.original_name,
    mimeType: d.mime_type,
    size: Number(d.size),
    sha256: d.sha256,
    effectiveOn: sqlDay(d.effective_on),
    expiresOn: d.expires_on ? sqlDay(d.expires_on) : null,
    clauseIds: [],
    integrity: null,
  }))
  const documentById = new Map(documents.map((d) => [d.id, d]))
  for (const link of documentClauseRows as any[]) {
    const document = documentById.get(Number(link.document_id))
    if (document && clauses.has(Number(link.clause_id))) {
      document.clauseIds.push(Number(link.clause_id))
    }
  }
  for (const document of documents) {
    document.clauseIds.sort((a, b) => position.get(a)! - position.get(b)!)
    for (const id of document.clauseIds) clauses.get(id)!.documents.push(document)
  }
  const photos = new Map<number, ReportFile[]>()
  for (const p of photoRows as any[]) {
    const list = photos.get(Number(p.observation_id)) ?? []
    list.push({
      id: Number(p.id),
      storageKey: p.storage_key,
      originalName: p.original_name,
      mimeType: p.mime_type,
      size: Number(p.size),
      sha256: p.sha256,
      integrity: null,
    })
    photos.set(Number(p.observation_id), list)
  }
  for (const o of observationRows) {
    clauses.get(Number(o.clause_id))?.observations.push({
      id: Number(o.id),
      text: o.text,
      observedOn: sqlDay(o.observed_on),
      place: o.place,
      evaluator: names.get(Number(o.evaluator_id)) ?? '',
      photos: photos.get(Number(o.id)) ?? [],
    })
  }
  for (const c of confirmationRows) {
    clauses.get(Number(c.clause_id))?.confirmations.push({
      id: Number(c.id),
      question: c.question,
      audience: c.audience,
      sentAt: iso(c.sent_at)!,
      yes: Number(c.yes_count ?? 0),
      no: Number(c.no_count ?? 0),
      pending: Number(c.open_count ?? 0),
    })
  }
  for (const s of sampleRows) {
    clauses.get(Number(s.clause_id))?.samples.push({
      id: Number(s.id),
      recordKind: s.record_kind,
      seed: s.seed,
      size: Number(s.size),
      population: Number(s.population),
      pass: Number(s.pass_count ?? 0),
      fail: Number(s.fail_count ?? 0),
      open: Number(s.open_count ?? 0),
    })
  }

  // Each provider answered once for the period, however many clauses it stands for.
  for (const clause of clauses.values()) {
    for (const result of liveResults.get(clause.number) ?? []) {
      const provider = providerByKey(result.provider)
      clause.live.push({
        key: result.provider,
        title: provider ? i18n.t(provider.title) : result.provider,
        result,
      })
    }
  }

  const list = [...clauses.values()]
  const chapters = [...new Set(list.map((c) => c.chapter))].map((chapter) =>
    summarise(
      chapter,
      list.filter((c) => c.chapter === chapter)
    )
  )
  return {
    audit: {
      id: audit.id,
      title: audit.title,
      framework: framework?.code ?? '',
      frameworkTitle: framework?.title ?? '',
      periodFrom: period.from,
      periodTo: period.to,
      state: audit.state,
      issuedAt: audit.issuedAt ? audit.issuedAt.toUTC().toISO() : null,
      issuedBy: audit.issuedBy ? (names.get(Number(audit.issuedBy)) ?? null) : null,
      snapshotSha256: audit.snapshotSha256 ?? null,
      evaluators: evaluatorRows.map((e: any) => e.full_name),
    },
    clauses: list,
    findings: findingRows.map((f: any): ReportFinding => ({
      id: Number(f.id),
      clauseNumber: f.clause_number,
      severity: f.severity,
      description: f.description,
      owner: f.owner_user_id ? (names.get(Number(f.owner_user_id)) ?? null) : null,
      dueOn: sqlDay(f.due_on),
      state: f.state,
      recheckNote: f.recheck_note,
      closedAt: iso(f.closed_at),
    })),
    chapters,
    totals: summarise('', list),
    documents,
    generatedAt: new Date(),
  }
}

/**
 * Hashes every document and photo of the report against its upload hash, one file at a time,
 * so the report can flag what was tampered with (GB/T 39678 7.2: records kept unaltered).
 */
export async function checkIntegrity(data: ReportData) {
  const files: ReportFile[] = [
    ...data.documents,
    ...data.clauses.flatMap((c) => c.observations.flatMap((o) => o.photos)),
  ]
  for (const file of files) {
    const check = await verifyFile(file)
    file.integrity = check.missing ? 'missing' : check.intact ? 'ok' : 'tampered'
  }
  return data
}
