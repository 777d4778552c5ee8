import SwDeclaration from '#single_window/models/sw_declaration'
import type User from '#core/models/user'
import { scopeToTenant } from '#core/tenancy'
import type { BusinessMode, MessageType } from '#single_window/message_types'

/**
 * The status filter of the lists, in the reader's groups (sw_status categories): the local states,
 * the e-port and customs codes one by one, and the two ranges the catalogue groups (501–599
 * detained, negative codes = processing errors).
 */
export const STATUS_FILTERS = [
  'draft',
  'checked',
  'queued',
  '2',
  '3',
  '4',
  '100',
  '120',
  '300',
  '399',
  '500',
  'detained',
  '700',
  '800',
  '899',
  'error',
] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

const DETAINED_CODES = Array.from({ length: 99 }, (_, i) => String(501 + i))

export interface DeclarationFilters {
  q?: string
  type?: MessageType
  status?: StatusFilter
  mode?: BusinessMode
  tenantId?: number
}

/**
 * Declarations as the lists filter them. A tenant's user only ever sees its own enterprise's
 * declarations (scopeToTenant), whatever the filters say; operators and evaluators see all.
 */
export function filteredDeclarations(filters: DeclarationFilters, user: User) {
  const query = scopeToTenant(SwDeclaration.query(), user)
  if (filters.q) {
    const q = filters.q
    query.where((w) =>
      w
        .where('doc_no', q)
        .orWhere('order_no', q)
        .orWhere('logistics_no', q)
        .orWhere('invt_no', q)
        .orWhere('last_guid', q.toUpperCase())
        .orWhere('doc_no', 'like', `%${q}%`)
    )
  }
  if (filters.type) query.where('message_type', filters.type)
  if (filters.mode) query.where('business_mode', filters.mode)
  if (filters.tenantId) query.where('tenant_id', filters.tenantId)
  if (filters.status === 'detained') query.whereIn('status', DETAINED_CODES)
  else if (filters.status === 'error') query.where('status', 'like', '-%')
  else if (filters.status) query.where('status', filters.status)
  return query
}
