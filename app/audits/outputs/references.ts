import type { I18n } from '@adonisjs/i18n'
import type { ReportClause, ReportDocument, ReportFile } from '#audits/outputs/report_data'

/** The integrity mark of a stored file, empty when it is intact or not checked. */
export function integrityMark(file: ReportFile, i18n: I18n) {
  if (file.integrity === 'tampered') return ` ${i18n.t('audit_outputs.refs.tampered')}`
  if (file.integrity === 'missing') return ` ${i18n.t('audit_outputs.refs.file_missing')}`
  return ''
}

export function documentReference(document: ReportDocument, i18n: I18n) {
  return (
    i18n.t('audit_outputs.refs.document', {
      title: document.title,
      name: document.originalName,
      effective: document.effectiveOn,
      expires: document.expiresOn ?? 'none',
      sha: document.sha256.slice(0, 12),
    }) + integrityMark(document, i18n)
  )
}

/**
 * One line per piece of evidence of a clause (GB/T 39678 §8: what the verdict rests on):
 * documents with their hash and integrity, on-site observations, tenant confirmation tallies,
 * samples with their seed and results, and the live evidence of ParkGate's own records.
 */
export function clauseReferences(clause: ReportClause, i18n: I18n): string[] {
  const lines: string[] = []
  for (const document of clause.documents) lines.push(documentReference(document, i18n))
  for (const o of clause.observations) {
    let line = i18n.t('audit_outputs.refs.observation', {
      date: o.observedOn,
      place: o.place || 'none',
      text: o.text.length > 120 ? `${o.text.slice(0, 119)}…` : o.text,
    })
    if (o.photos.length) {
      line += ` (${i18n.t('audit_outputs.refs.photos', { count: o.photos.length })})`
      line += o.photos.map((p) => integrityMark(p, i18n)).join('')
    }
    lines.push(line)
  }
  for (const c of clause.confirmations) {
    lines.push(
      i18n.t('audit_outputs.refs.confirmation', {
        question: c.question,
        yes: c.yes,
        no: c.no,
        pending: c.pending,
      })
    )
  }
  for (const s of clause.samples) {
    lines.push(
      i18n.t('audit_outputs.refs.sample', {
        kind: i18n.t(`audit_outputs.sample_kinds.${s.recordKind}`, {}, s.recordKind),
        seed: s.seed,
        size: s.size,
        pass: s.pass,
        fail: s.fail,
        open: s.open,
      })
    )
  }
  for (const live of clause.live) {
    lines.push(
      i18n.t('audit_outputs.refs.live', {
        title: live.title,
        count: live.result.count,
        summary: i18n.t(live.result.summary.key, live.result.summary.params),
      })
    )
  }
  return lines
}
