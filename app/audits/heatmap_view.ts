import db from '@adonisjs/lucid/services/db'
import type Audit from '#audits/models/audit'
import type { ClauseEvidence } from '#audits/services/evidence_state_service'
import { VERDICTS } from '#audits/workflow'

export interface HeatmapSection {
  /** '5.1' */
  number: string
  chapter: string
  clauses: ClauseEvidence[]
}

/** The section a clause belongs to: its first two number parts ('5.6.3.2' → '5.6'). */
export function sectionOf(number: string) {
  return number.split('.').slice(0, 2).join('.')
}

/** Heatmap rows: one per section, its clauses in catalogue order. */
export function groupBySection(rows: ClauseEvidence[]): HeatmapSection[] {
  const sections = new Map<string, HeatmapSection>()
  for (const row of rows) {
    const number = sectionOf(row.number)
    const section = sections.get(number) ?? { number, chapter: row.chapter, clauses: [] }
    section.clauses.push(row)
    sections.set(number, section)
  }
  return [...sections.values()]
}

/** How many clauses carry each verdict, and how many none yet. */
export function verdictCounts(rows: ClauseEvidence[]) {
  const counts: Record<string, number> = Object.fromEntries(
    [...VERDICTS, 'none'].map((v) => [v, 0])
  )
  for (const row of rows) counts[row.verdict ?? 'none']++
  return counts
}

/** The chapters of the audit's framework (GB/T 39678: 5, 6, 7), for the filter. */
export async function chaptersOf(audit: Audit) {
  const rows = await db
    .from('audit_clauses')
    .where('framework_id', audit.frameworkId)
    .distinct('chapter')
  return rows.map((r) => String(r.chapter)).sort((a, b) => Number(a) - Number(b))
}
