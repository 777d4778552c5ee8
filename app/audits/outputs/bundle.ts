import type { Readable } from 'node:stream'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import edge from 'edge.js'
import type { I18n } from '@adonisjs/i18n'
import { chunked } from '#core/evidence'
import type Audit from '#audits/models/audit'
import { type BundleWriter, type Manifest, type ManifestFile } from '#audits/outputs/bundle_writer'
import { csvStream, type CsvRow } from '#audits/outputs/csv'
import { loadReportData, type ReportData, type ReportFile } from '#audits/outputs/report_data'
import { buildReportWorkbook } from '#audits/outputs/report_workbook'
import { clauseReferences } from '#audits/outputs/references'

/** A file of the bundle as the index page lists it under a clause. */
export interface IndexFile {
  path: string
  kind: string
  label: string
  size: number
  sha256: string
  integrity: ReportFile['integrity']
}

/** ISO text of a stored timestamp (a string on SQLite, a Date on MySQL), shown in Shanghai. */
function shanghai(value: unknown) {
  if (value === null || value === undefined) return ''
  const ms =
    value instanceof Date ? value.getTime() : Date.parse(`${String(value).replace(' ', 'T')}Z`)
  return Number.isNaN(ms)
    ? String(value)
    : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** Streams one of the audit's stored files into the bundle, checking it against its upload hash. */
async function addStoredFile(
  writer: BundleWriter,
  path: string,
  file: ReportFile,
  kind: 'document' | 'photo',
  i18n: I18n
): Promise<ManifestFile> {
  const disk = drive.use()
  if (!(await disk.exists(file.storageKey))) {
    file.integrity = 'missing'
    return writer.add(
      `${path}.missing.txt`,
      i18n.t('audit_outputs.bundle.readme_missing', { key: file.storageKey, sha: file.sha256 }) +
        '\n',
      { kind, recordedSha256: file.sha256, missing: true }
    )
  }
  const line = await writer.add(path, () => disk.getStream(file.storageKey) as Promise<Readable>, {
    kind,
    recordedSha256: file.sha256,
  })
  file.integrity = line.tampered ? 'tampered' : 'ok'
  return line
}

/** Who answered what to one confirmation, streamed by id. */
function recipientRows(confirmationId: number, i18n: I18n): AsyncIterable<CsvRow> {
  return (async function* () {
    const rows = chunked((after, limit) =>
      db
        .from('audit_confirmation_recipients as r')
        .join('tenants as t', 't.id', 'r.tenant_id')
        .where('r.confirmation_id', confirmationId)
        .where('r.id', '>', after)
        .orderBy('r.id')
        .limit(limit)
        .select('r.id', 't.name', 'r.answer', 'r.comment', 'r.answered_at')
    )
    for await (const r of rows as AsyncIterable<any>) {
      yield [
        confirmationId,
        r.name,
        r.answer ? i18n.t(`audit_outputs.answers.${r.answer}`) : '',
        r.comment ?? '',
        shanghai(r.answered_at),
      ]
    }
  })()
}

/** The records drawn into one sample and their results. */
async function* sampleItemRows(sampleId: number, i18n: I18n): AsyncIterable<CsvRow> {
  const rows = chunked((after, limit) =>
    db
      .from('audit_sample_items')
      .where('sample_id', sampleId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .select('id', 'record_id', 'label', 'position', 'result', 'note')
  )
  for await (const item of rows as AsyncIterable<any>) {
    yield [
      sampleId,
      item.position,
      item.record_id,
      item.label,
      item.result ? i18n.t(`audit_outputs.results.${item.result}`) : '',
      item.note ?? '',
    ]
  }
}

/**
 * Writes an audit's offline evidence bundle (GB/T 39678 §8: the records an evaluator verified)
 * into `writer`: a folder per clause with its documents and photos (streamed from storage and
 * checked against their upload hash), its observations, confirmation answers and samples as CSV,
 * and the exports of its live evidence streamed from the providers' row iterators; then the
 * report workbook, index.html (offline, everything inline) and manifest.json. A file that
 * supports several clauses is written once, in the first one's folder; the others link to it.
 */
export async function writeBundle(
  audit: Audit,
  i18n: I18n,
  writer: BundleWriter,
  preloaded?: ReportData
): Promise<Manifest> {
  const data = preloaded ?? (await loadReportData(audit, i18n))
  const t = (key: string, params?: Record<string, any>) => i18n.t(`audit_outputs.${key}`, params)
  const placed = new Map<string, ManifestFile>()
  const perClause = new Map<number, IndexFile[]>()
  const list = (id: number) => perClause.get(id) ?? perClause.set(id, []).get(id)!
  const note = (
    line: ManifestFile,
    kind: string,
    label: string,
    integrity: IndexFile['integrity'] = null
  ) => ({
    path: line.path,
    kind,
    label,
    size: line.size,
    sha256: line.sha256,
    integrity,
  })

  for (const clause of data.clauses) {
    const dir = `clauses/${clause.number}`
    const files = list(clause.id)
    for (const document of clause.documents) {
      const key = `document:${document.id}`
      if (!placed.has(key)) {
        placed.set(
          key,
          await addStoredFile(
            writer,
            `${dir}/documents/${document.id}-${document.originalName}`,
            document,
            'document',
            i18n
          )
        )
      }
      files.push(note(placed.get(key)!, 'document', document.title, document.integrity))
    }
    for (const observation of clause.observations) {
      for (const photo of observation.photos) {
        const line = await addStoredFile(
          writer,
          `${dir}/photos/${observation.observedOn}-${observation.id}-${photo.id}-${photo.originalName}`,
          photo,
          'photo',
          i18n
        )
        files.push(note(line, 'photo', photo.originalName, photo.integrity))
      }
    }
    if (clause.observations.length) {
      const header = ['id', 'observed_on', 'place', 'text', 'evaluator', 'photos'].map((k) =>
        t(`columns.${k}`)
      )
      const rows = clause.observations.map((o) => [
        o.id,
        o.observedOn,
        o.place ?? '',
        o.text,
        o.evaluator,
        o.photos.map((p) => p.originalName).join('; '),
      ])
      const line = await writer.add(`${dir}/observations.csv`, () => csvStream(rows, header), {
        kind: 'data',
      })
      files.push(note(line, 'data', t('sheet.observation')))
    }
    if (clause.confirmations.length) {
      const header = ['id', 'tenant', 'answer', 'comment', 'answered_at'].map((k) =>
        t(`columns.${k}`)
      )
      const confirmations = clause.confirmations
      async function* answers() {
        for (const c of confirmations) yield* recipientRows(c.id, i18n)
      }
      const line = await writer.add(
        `${dir}/confirmations.csv`,
        () => csvStream(answers(), header),
        {
          kind: 'data',
        }
      )
      files.push(note(line, 'data', confirmations.map((c) => c.question).join(' / ')))
    }
    if (clause.samples.length) {
      const header = ['id', 'id', 'record', 'title', 'result', 'note'].map((k) => t(`columns.${k}`))
      const samples = clause.samples
      async function* items() {
        for (const s of samples) yield* sampleItemRows(s.id, i18n)
      }
      const line = await writer.add(`${dir}/samples.csv`, () => csvStream(items(), header), {
        kind: 'data',
      })
      files.push(
        note(line, 'data', samples.map((s) => t(`sample_kinds.${s.recordKind}`)).join(' / '))
      )
    }
    for (const live of clause.live) {
      const key = `live:${live.key}`
      const rows = live.result.rows
      if (!rows) continue
      if (!placed.has(key)) {
        const columns = live.result.columns ?? []
        const header = columns.map((c) => i18n.t(`evidence.columns.${c}`, {}, c))
        async function* cells() {
          for await (const row of rows!()) yield columns.length ? columns.map((c) => row[c]) : row
        }
        placed.set(
          key,
          await writer.add(
            `${dir}/live-${live.key.replace(/[^a-zA-Z0-9_.-]/g, '_')}.csv`,
            () => csvStream(cells(), columns.length ? header : undefined),
            { kind: 'export' }
          )
        )
      }
      files.push(note(placed.get(key)!, 'export', `${live.title} (${live.result.count})`))
    }
  }

  const report = await writer.add('audit/report.xlsx', await buildReportWorkbook(data, i18n), {
    kind: 'data',
  })
  const tampered = writer.files.filter((f) => f.tampered || f.missing).length
  const index = await edge.render('pages/audits/outputs/bundle_index', {
    t: i18n.t.bind(i18n),
    locale: i18n.locale,
    data,
    perClause,
    references: (clause: ReportData['clauses'][number]) => clauseReferences(clause, i18n),
    report,
    tampered,
  })
  await writer.add('index.html', index, { kind: 'index' })
  return writer.finish({
    auditId: data.audit.id,
    title: data.audit.title,
    framework: data.audit.framework,
    period: `${data.audit.periodFrom}/${data.audit.periodTo}`,
    state: data.audit.state,
    issuedAt: data.audit.issuedAt,
    snapshotSha256: data.audit.snapshotSha256,
    tamperedFiles: tampered,
  })
}
