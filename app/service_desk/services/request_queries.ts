import { DateTime } from 'luxon'
import ServiceRequest from '#service_desk/models/service_request'
import type User from '#core/models/user'
import { scopeToTenant } from '#core/tenancy'
import { OPEN_STATUSES, type RequestStatus } from '#service_desk/workflow'
import { sqlTime } from '#service_desk/services/request_service'

export interface RequestFilters {
  q?: string
  status?: RequestStatus
  serviceItemId?: number
  tenantId?: number
  assigneeId?: number
  overdue?: '1'
}

/**
 * Requests filtered as on the lists; the list and the export share it. A tenant's user only ever
 * sees its own enterprise's requests (scopeToTenant), whatever the filters say.
 */
export function filteredRequests(filters: RequestFilters, user: User) {
  const query = scopeToTenant(ServiceRequest.query(), user)
  if (filters.q) {
    const q = filters.q
    query.where((w) => w.where('number', q.toUpperCase()).orWhere('subject', 'like', `%${q}%`))
  }
  if (filters.status) query.where('status', filters.status)
  if (filters.serviceItemId) query.where('service_item_id', filters.serviceItemId)
  if (filters.tenantId) query.where('tenant_id', filters.tenantId)
  if (filters.assigneeId) query.where('assignee_id', filters.assigneeId)
  if (filters.overdue) {
    // The same rule as ServiceRequest.isOverdue: unanswered past the response promise, or still
    // open past the completion promise.
    const now = sqlTime(DateTime.utc())
    query.where((w) =>
      w
        .where((r) => r.where('status', 'submitted').where('response_due_at', '<', now))
        .orWhere((c) => c.whereIn('status', OPEN_STATUSES).where('completion_due_at', '<', now))
    )
  }
  return query
}
