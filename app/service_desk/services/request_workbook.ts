import type { I18n } from '@adonisjs/i18n'
import type ServiceRequest from '#service_desk/models/service_request'
import { sheet, write } from '#core/xlsx'
import { ZONE } from '#core/dates'

const TIME = 'yyyy-MM-dd HH:mm'

/**
 * The service request register (GB/T 39678 7.2: records and archives of the services provided),
 * one row per request with the list's filters (GET /service-requests/export.xlsx).
 */
export function buildRequestWorkbook(requests: ServiceRequest[], i18n: I18n) {
  const t = (key: string) => i18n.t(key)
  const at = (value: ServiceRequest['submittedAt'] | null) =>
    value ? value.setZone(ZONE).toFormat(TIME) : ''
  const columns = [
    { header: t('service_desk.number'), width: 18 },
    { header: t('service_desk.submitted_at'), width: 17 },
    { header: t('service_desk.service'), width: 20 },
    { header: t('service_desk.department'), width: 14 },
    { header: t('service_desk.tenant'), width: 28 },
    { header: t('service_desk.fields.subject'), width: 30 },
    { header: t('service_desk.status'), width: 12 },
    { header: t('service_desk.overdue'), width: 8 },
    { header: t('service_desk.assignee'), width: 14 },
    { header: t('service_desk.response_due_at'), width: 17 },
    { header: t('service_desk.responded_at'), width: 17 },
    { header: t('service_desk.completion_due_at'), width: 17 },
    { header: t('service_desk.completed_at'), width: 17 },
    { header: t('service_desk.on_time'), width: 8 },
    { header: t('service_desk.fields.result'), width: 40 },
    { header: t('service_desk.fields.rating'), width: 8, format: '0' },
    { header: t('service_desk.fields.comment'), width: 24 },
    { header: t('service_desk.reopen_count'), width: 8, format: '0' },
  ]
  return write((book) =>
    sheet(
      book,
      t('service_desk.register'),
      columns,
      requests.map((r) => [
        r.number,
        at(r.submittedAt),
        r.serviceItem.label(i18n.locale),
        r.department.name,
        r.tenant.name,
        r.subject,
        t(`service_desk.statuses.${r.status}`),
        r.isOverdue ? t('xlsx.yes') : '',
        r.assignee?.fullName ?? '',
        at(r.responseDueAt),
        at(r.respondedAt),
        at(r.completionDueAt),
        at(r.completedAt),
        r.completedOnTime === null ? '' : t(r.completedOnTime ? 'xlsx.yes' : 'xlsx.no'),
        r.result ?? '',
        r.rating,
        r.ratingComment ?? '',
        r.reopenCount,
      ]),
      { autoFilter: true }
    ).commit()
  )
}
