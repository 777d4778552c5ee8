import { DateTime } from 'luxon'
import Consultation, {
  type ConsultationChannel,
  type ConsultationStatus,
} from '#complaints/models/consultation'
import type User from '#core/models/user'
import { scopeToTenant } from '#core/tenancy'
import { sqlTime } from '#complaints/services/complaint_service'

export interface ConsultationFilters {
  q?: string
  status?: ConsultationStatus
  channel?: ConsultationChannel
  overdue?: '1'
}

/** Consultations as a list shows them; a tenant user's list is scoped to its enterprise. */
export function filteredConsultations(filters: ConsultationFilters, user?: User) {
  const query = Consultation.query()
  if (user) scopeToTenant(query, user)
  if (filters.q) {
    const q = `%${filters.q}%`
    query.where((w) => w.where('subject', 'like', q).orWhere('question', 'like', q))
  }
  if (filters.status) query.where('status', filters.status)
  if (filters.channel) query.where('channel', filters.channel)
  if (filters.overdue) query.where('status', 'open').where('due_at', '<', sqlTime(DateTime.utc()))
  return query
}
