/*
|--------------------------------------------------------------------------
| Edge globals: formatting helpers shared by every page
|--------------------------------------------------------------------------
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { urlFor } from '@adonisjs/core/services/url_builder'

import { ZONE } from '#core/dates'
import NotificationService from '#core/services/notification_service'

/**
 * edge.js 6 decides at construction whether its components plugin re-lists the components folder
 * before every render, and `configure({ cache: true })` does not change that decision: in
 * production every page read the folder from disk. The folder does not change in production.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}

edge.global('urlFor', urlFor)

/** A moment shown in Asia/Shanghai ("2026-11-23 14:05"). */
edge.global(
  'formatDateTime',
  (value: DateTime | string | null | undefined, format = 'yyyy-MM-dd HH:mm') => {
    if (!value) return ''
    const dt = typeof value === 'string' ? DateTime.fromISO(value, { zone: 'utc' }) : value
    return dt.setZone(ZONE).toFormat(format)
  }
)

edge.global('formatDate', (value: DateTime | string | null | undefined) => {
  if (!value) return ''
  const dt = typeof value === 'string' ? DateTime.fromISO(value, { zone: ZONE }) : value
  return dt.setZone(ZONE).toFormat('yyyy-MM-dd')
})

edge.global('json', (value: unknown) => JSON.stringify(value ?? null).replace(/</g, '\\u003c'))

/** The unread count in the top bar (one indexed COUNT per signed-in page). */
edge.global('unreadNotifications', (userId: number) => NotificationService.unreadCount(userId))

/** An amount kept in fen, shown in yuan with thousands separators ("¥36,800.00"). */
const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
edge.global('formatYuan', (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '' : `¥${yuan.format(fen / 100)}`
)
