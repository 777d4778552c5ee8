import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { OPERATOR_ROLES, TENANT_ROLES } from '#core/roles'

export interface NotificationInput {
  /** A short machine kind, e.g. `lease.expiring`; lists can filter on it. */
  kind: string
  /** The i18n key of the message, rendered in the reader's locale. */
  messageKey: string
  data?: Record<string, string | number>
  url?: string
  tenantId?: number | null
  /** Same key, same user → one notification, however often the job runs. */
  dedupeKey?: string
}

/**
 * The active operators, read once per transaction: a reminder job notifies them about every
 * lease or document it finds, inside one transaction.
 */
const operatorsByTransaction = new WeakMap<TransactionClientContract, Promise<number[]>>()
function operatorIds(trx: TransactionClientContract) {
  let ids = operatorsByTransaction.get(trx)
  if (!ids) {
    ids = trx
      .from('users')
      .where('is_active', true)
      .whereIn('role', OPERATOR_ROLES)
      .select('id')
      .then((users) => users.map((u) => Number(u.id)))
    operatorsByTransaction.set(trx, ids)
  }
  return ids
}

/**
 * In-app notifications. Writers call it inside their own transaction, so a reminder exists exactly
 * when the change that caused it committed.
 */
export default class NotificationService {
  async notifyUsers(trx: TransactionClientContract, userIds: number[], input: NotificationInput) {
    if (!userIds.length) return 0
    const createdAt = DateTime.utc().toSQL({ includeOffset: false })
    const rows = [...new Set(userIds)].map((userId) => ({
      user_id: userId,
      tenant_id: input.tenantId ?? null,
      kind: input.kind,
      message_key: input.messageKey,
      data: JSON.stringify(input.data ?? {}),
      url: input.url ?? null,
      dedupe_key: input.dedupeKey ?? null,
      created_at: createdAt,
    }))
    await trx
      .table('notifications')
      .multiInsert(rows)
      .onConflict(['user_id', 'dedupe_key'])
      .ignore()
    return rows.length
  }

  /** Every active user of the enterprise (admins and members). */
  async notifyTenant(trx: TransactionClientContract, tenantId: number, input: NotificationInput) {
    const users = await trx
      .from('users')
      .where({ tenant_id: tenantId, is_active: true })
      .whereIn('role', TENANT_ROLES)
      .select('id')
    return this.notifyUsers(
      trx,
      users.map((u) => u.id),
      { ...input, tenantId }
    )
  }

  /** Every active operator (admins and staff). */
  async notifyOperators(trx: TransactionClientContract, input: NotificationInput) {
    return this.notifyUsers(trx, await operatorIds(trx), input)
  }

  static unreadCount(userId: number) {
    return db
      .from('notifications')
      .where('user_id', userId)
      .whereNull('read_at')
      .count('* as total')
      .first()
      .then((row) => Number(row?.total ?? 0))
  }

  static async markRead(userId: number, ids: number[] | 'all') {
    const query = db.from('notifications').where('user_id', userId).whereNull('read_at')
    if (ids !== 'all') query.whereIn('id', ids)
    return query.update({ read_at: DateTime.utc().toSQL({ includeOffset: false }) })
  }
}
