import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import { describeStatus, type StatusCategory } from '#single_window/receipts/status_catalogue'

const GROUPS: Record<string, StatusCategory[]> = {
  draft: ['draft'],
  waiting: [
    'eport',
    'sent',
    'accepted',
    'review',
    'concluded',
    'inspection',
    'handed_over',
    'suspended',
  ],
  released: ['released', 'closed'],
  attention: ['send_failed', 'rejected', 'error', 'detained', 'returned', 'unknown'],
}

/**
 * The tenant dashboard's single-window card: its own declarations counted by what they need
 * (drafts to submit, waiting for customs, released, needing attention). Scoped to the user's tenant.
 */
export async function singleWindowCard(user: User) {
  if (!user.tenantId) return null
  const rows: { status: string; total: number | string }[] = await db
    .from('sw_declarations')
    .where('tenant_id', user.tenantId)
    .groupBy('status')
    .select('status')
    .count('* as total')
  const counts = { draft: 0, waiting: 0, released: 0, attention: 0, total: 0 }
  for (const row of rows) {
    const category = describeStatus(row.status).category
    const group = Object.keys(GROUPS).find((g) => GROUPS[g].includes(category)) as
      keyof typeof counts | undefined
    const n = Number(row.total)
    if (group) counts[group] += n
    counts.total += n
  }
  const profile = await db.from('sw_profiles').where('tenant_id', user.tenantId).first()
  return { ...counts, hasProfile: !!profile }
}
