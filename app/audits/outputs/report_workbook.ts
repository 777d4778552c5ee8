import type { I18n } from '@adonisjs/i18n'
import { sheet, write, type Book } from '#core/xlsx'
import { VERDICTS } from '#audits/workflow'
import type { ChapterSummary, ReportData } from '#audits/outputs/report_data'
import { clauseReferences } from '#audits/outputs/references'

const PERCENT = '0.0%'

interface Column {
  header: string
  width: number
  wrap?: boolean
}

/** A table sheet (#core/xlsx's), with long texts wrapped and a filter on the header row. */
function table(book: Book, name: string, columns: Column[], rows: Iterable<unknown[]>) {
  sheet(book, sheetName(name), columns, rows, { autoFilter: true }).commit()
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
function sheetName(text: string) {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}

function summarySheet(book: Book, data: ReportData, i18n: I18n) {
  const t = (key: string, params?: Record<string, unknown>) =>
    i18n.t(`audit_outputs.${key}`, params as any)
  const ws = book.addWorksheet(sheetName(t('sheet.summary')))
  ws.columns = [
    { width: 26 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 14 },
    { width: 12 },
  ]
  const bold = { bold: true }
  const title = ws.addRow([data.audit.title])
  title.font = { bold: true, size: 14 }
  title.commit()
  const facts: Array<[string, string]> = [
    [t('report.framework'), `${data.audit.framework} ${data.audit.frameworkTitle}`],
    [t('report.period'), `${data.audit.periodFrom} – ${data.audit.periodTo}`],
    [t('report.state'), t(`states.${data.audit.state}`)],
    [t('report.evaluators'), data.audit.evaluators.join(', ')],
  ]
  if (data.audit.issuedAt) {
    facts.push([
      t('report.issued'),
      `${data.audit.issuedAt.slice(0, 10)} ${data.audit.issuedBy ?? ''}`,
    ])
  }
  if (data.audit.snapshotSha256) facts.push([t('report.snapshot'), data.audit.snapshotSha256])
  facts.push([
    t('report.generated'),
    data.generatedAt.toISOString().slice(0, 19).replace('T', ' ') + ' UTC',
  ])
  for (const [label, value] of facts) {
    const row = ws.addRow([label, value])
    row.getCell(1).font = bold
    row.commit()
  }
  ws.addRow([]).commit()

  const head = ws.addRow([
    t('sheet.chapter_title'),
    t('sheet.clause_count'),
    ...VERDICTS.map((v) => t(`verdicts.${v}`)),
    t('sheet.no_verdict'),
    t('sheet.rate'),
  ])
  head.font = bold
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEFC' } }
  head.commit()
  const line = (label: string, s: ChapterSummary, strong = false) => {
    const row = ws.addRow([
      label,
      s.clauses,
      ...VERDICTS.map((v) => s.counts[v]),
      s.counts.none,
      s.rate,
    ])
    row.getCell(9).numFmt = PERCENT
    if (strong) row.font = bold
    row.commit()
  }
  for (const chapter of data.chapters) {
    line(i18n.t(`audit_outputs.chapters.${chapter.chapter}`, {}, chapter.chapter), chapter)
  }
  line(t('sheet.total'), data.totals, true)
  ws.addRow([]).commit()

  const open = data.findings.filter((f) => f.state === 'open').length
  for (const [label, value] of [
    [t('sheet.findings_count'), data.findings.length],
    [t('sheet.findings_open'), open],
    [t('sheet.major'), data.findings.filter((f) => f.severity === 'major').length],
    [t('sheet.minor'), data.findings.filter((f) => f.severity === 'minor').length],
  ] as Array<[string, number]>) {
    const row = ws.addRow([label, value])
    row.getCell(1).font = bold
    row.commit()
  }
  ws.commit()
}

/**
 * The audit report workbook (GET /audits/:id/report.xlsx): a summary sheet (conformity rate by
 * chapter, the count of each verdict, findings), one row per clause (number, requirement, §8
 * method, evidence state, verdict, observation, evidence references) and the findings sheet,
 * headed in the reader's language.
 */
export function buildReportWorkbook(data: ReportData, i18n: I18n) {
  const t = (key: string) => i18n.t(`audit_outputs.${key}`)
  return write((book) => {
    summarySheet(book, data, i18n)
    table(
      book,
      t('sheet.clauses'),
      [
        { header: t('sheet.number'), width: 10 },
        { header: t('sheet.title_en'), width: 28, wrap: true },
        { header: t('sheet.requirement'), width: 50, wrap: true },
        { header: t('sheet.obligation'), width: 8 },
        { header: t('sheet.method'), width: 26, wrap: true },
        { header: t('sheet.evidence_state'), width: 10 },
        { header: t('sheet.verdict'), width: 14 },
        { header: t('sheet.observation'), width: 36, wrap: true },
        { header: t('sheet.evaluator'), width: 12 },
        { header: t('sheet.references'), width: 70, wrap: true },
      ],
      data.clauses.map((c) => [
        c.number,
        c.titleEn,
        c.textZh,
        t(`obligations.${c.obligation}`),
        c.methods.map((m) => `${t(`methods.${m.method}`)} (${m.verifiedBy})`).join('\n'),
        t(`evidence_states.${c.evidence}`),
        c.verdict ? t(`verdicts.${c.verdict}`) : t('sheet.no_verdict'),
        c.observation ?? '',
        c.evaluator ?? '',
        clauseReferences(c, i18n).join('\n'),
      ])
    )
    table(
      book,
      t('sheet.findings'),
      [
        { header: t('sheet.number'), width: 10 },
        { header: t('sheet.severity'), width: 14 },
        { header: t('sheet.description'), width: 50, wrap: true },
        { header: t('sheet.owner'), width: 14 },
        { header: t('sheet.due_on'), width: 12 },
        { header: t('sheet.finding_state'), width: 10 },
        { header: t('sheet.recheck_note'), width: 36, wrap: true },
        { header: t('sheet.closed_at'), width: 17 },
      ],
      data.findings.map((f) => [
        f.clauseNumber,
        t(`verdicts.${f.severity}`),
        f.description,
        f.owner ?? '',
        f.dueOn,
        t(`finding_states.${f.state}`),
        f.recheckNote ?? '',
        f.closedAt ? f.closedAt.slice(0, 16).replace('T', ' ') : '',
      ])
    )
  })
}
