import type { I18n } from '@adonisjs/i18n'
import db from '@adonisjs/lucid/services/db'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import { sheet, write } from '#core/xlsx'
import {
  applyComplaintFilters,
  type ComplaintFilters,
} from '#complaints/services/complaint_queries'
import { CLOCK_RUNNING } from '#complaints/workflow'

/** The columns the ledger reads: plain rows, a year of cases is tens of thousands of them. */
const COLUMNS = [
  'number',
  'submitted_at',
  'channel',
  'category_id',
  'department_id',
  'tenant_id',
  'complainant_name',
  'complainant_phone',
  'subject',
  'content',
  'status',
  'due_at',
  'resolved_at',
  'resolved_on_time',
  'handling_working_days',
  'result',
  'decline_reason',
  'corrective_measures',
  'satisfaction',
  'feedback_comment',
  'reopen_count',
  'closed_at',
  'callback_at',
  'callback_satisfaction',
  'callback_note',
] as const
type Timestamp = string | Date | null
export type LedgerRow = Record<(typeof COLUMNS)[number], any> & {
  submitted_at: Timestamp
  due_at: Timestamp
}

export interface Ledger {
  rows: LedgerRow[]
  categories: Map<number, string>
  departments: Map<number, string>
  tenants: Map<number, string>
}

/**
 * The filtered cases as plain rows in submission order, with the names they refer to: no model
 * is hydrated and nothing is preloaded row by row (a year is ~40,000 cases in the `large` profile).
 */
export async function ledgerRows(filters: ComplaintFilters, locale: string): Promise<Ledger> {
  const rows: LedgerRow[] = await applyComplaintFilters(db.from('complaints'), filters)
    .select(COLUMNS as unknown as string[])
    .orderBy('submitted_at', 'asc')
    .orderBy('id', 'asc')
  const tenantIds = [...new Set(rows.map((r) => r.tenant_id).filter((id) => id !== null))]
  const tenants = new Map<number, string>()
  for (let i = 0; i < tenantIds.length; i += 1000) {
    const names = await db
      .from('tenants')
      .whereIn('id', tenantIds.slice(i, i + 1000))
      .select('id', 'name')
    for (const t of names) tenants.set(Number(t.id), t.name)
  }
  return {
    rows,
    categories: new Map((await ComplaintCategory.all()).map((c) => [c.id, c.label(locale)])),
    departments: new Map((await Department.all()).map((d) => [d.id, d.name])),
    tenants,
  }
}

/** Milliseconds of a stored UTC timestamp: a string on SQLite, a Date on MySQL. */
function millis(value: Timestamp) {
  if (value === null || value === undefined) return null
  return value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`)
}

/** yyyy-MM-dd HH:mm in Shanghai (UTC+8 all year), without a luxon object per cell. */
function shanghai(value: Timestamp) {
  const ms = millis(value)
  return ms === null
    ? ''
    : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The complaint ledger (投诉台账, GB/T 39678 7.3.4: complete archives of handling and result),
 * one row per case with the list's filters, as a workbook (GET /complaints/ledger.xlsx).
 */
export function buildLedgerWorkbook(ledger: Ledger, i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  // The handful of translated cell values, looked up once each rather than once per row.
  const memo = new Map<string, string>()
  const tr = (key: string) => memo.get(key) ?? memo.set(key, t(key)).get(key)!
  const now = Date.now()
  const columns = [
    { header: t('complaints.number'), width: 18 },
    { header: t('complaints.submitted_at'), width: 17 },
    { header: t('complaints.channel'), width: 10 },
    { header: t('complaints.category'), width: 16 },
    { header: t('complaints.department'), width: 14 },
    { header: t('complaints.tenant'), width: 28 },
    { header: t('complaints.fields.complainantName'), width: 12 },
    { header: t('complaints.fields.complainantPhone'), width: 14 },
    { header: t('complaints.fields.subject'), width: 30 },
    { header: t('complaints.fields.content'), width: 40 },
    { header: t('complaints.status'), width: 12 },
    { header: t('complaints.due_at'), width: 17 },
    { header: t('complaints.resolved_at'), width: 17 },
    { header: t('complaints.on_time'), width: 8 },
    { header: t('complaints.working_days'), width: 10, format: '0.0' },
    { header: t('complaints.fields.result'), width: 40 },
    { header: t('complaints.fields.correctiveMeasures'), width: 30 },
    { header: t('complaints.satisfaction'), width: 8, format: '0' },
    { header: t('complaints.fields.comment'), width: 24 },
    { header: t('complaints.reopened'), width: 8 },
    { header: t('complaints.closed_at'), width: 17 },
    { header: t('complaints.callback'), width: 30 },
  ]
  function* cells() {
    for (const c of ledger.rows) {
      const overdue = CLOCK_RUNNING.includes(c.status) && millis(c.due_at)! < now
      const onTime = c.resolved_on_time === null ? null : Boolean(c.resolved_on_time)
      yield [
        c.number,
        shanghai(c.submitted_at),
        tr(`complaints.channels.${c.channel}`),
        ledger.categories.get(Number(c.category_id)) ?? '',
        ledger.departments.get(Number(c.department_id)) ?? '',
        c.tenant_id === null ? '' : (ledger.tenants.get(Number(c.tenant_id)) ?? ''),
        c.complainant_name ?? '',
        c.complainant_phone,
        c.subject,
        c.content,
        tr(`complaints.statuses.${c.status}`) + (overdue ? ` (${tr('complaints.overdue')})` : ''),
        shanghai(c.due_at),
        shanghai(c.resolved_at),
        onTime === null ? '' : tr(onTime ? 'xlsx.yes' : 'xlsx.no'),
        c.handling_working_days === null ? null : Number(c.handling_working_days),
        c.result ?? c.decline_reason ?? '',
        c.corrective_measures ?? '',
        c.satisfaction === null ? null : Number(c.satisfaction),
        c.feedback_comment ?? '',
        Number(c.reopen_count) ? tr('xlsx.yes') : '',
        shanghai(c.closed_at),
        c.callback_at
          ? `${shanghai(c.callback_at)} ${c.callback_satisfaction ? c.callback_satisfaction + '/5 ' : ''}${c.callback_note ?? ''}`
          : '',
      ]
    }
  }
  return write((book) =>
    sheet(book, t('complaints.ledger'), columns, cells(), { autoFilter: true }).commit()
  )
}
