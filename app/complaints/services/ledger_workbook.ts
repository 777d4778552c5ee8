import type { I18n } from '@adonisjs/i18n'
import type Complaint from '#complaints/models/complaint'
import { sheet, write } from '#core/xlsx'
import { ZONE } from '#core/dates'

const TIME = 'yyyy-MM-dd HH:mm'

/**
 * The complaint ledger (投诉台账, GB/T 39678 7.3.4: complete archives of handling and result),
 * one row per case with the list's filters, as a workbook (GET /complaints/ledger.xlsx).
 */
export function buildLedgerWorkbook(complaints: Complaint[], i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  const at = (value: Complaint['submittedAt'] | null) =>
    value ? value.setZone(ZONE).toFormat(TIME) : ''
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
  return write((book) =>
    sheet(
      book,
      t('complaints.ledger'),
      columns,
      complaints.map((c) => [
        c.number,
        at(c.submittedAt),
        t(`complaints.channels.${c.channel}`),
        c.category.label(i18n.locale),
        c.department.name,
        c.tenant?.name ?? '',
        c.complainantName ?? '',
        c.complainantPhone,
        c.subject,
        c.content,
        t(`complaints.statuses.${c.status}`) + (c.isOverdue ? ` (${t('complaints.overdue')})` : ''),
        at(c.dueAt),
        at(c.resolvedAt),
        c.resolvedOnTime === null ? '' : t(c.resolvedOnTime ? 'xlsx.yes' : 'xlsx.no'),
        c.handlingWorkingDays,
        c.result ?? c.declineReason ?? '',
        c.correctiveMeasures ?? '',
        c.satisfaction,
        c.feedbackComment ?? '',
        c.reopenCount ? t('xlsx.yes') : '',
        at(c.closedAt),
        c.callbackAt
          ? `${at(c.callbackAt)} ${c.callbackSatisfaction ? c.callbackSatisfaction + '/5 ' : ''}${c.callbackNote ?? ''}`
          : '',
      ]),
      { autoFilter: true }
    ).commit()
  )
}
