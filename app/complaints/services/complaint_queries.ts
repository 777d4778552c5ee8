import { DateTime } from 'luxon'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import Complaint from '#complaints/models/complaint'
import type User from '#core/models/user'
import { scopeToTenant } from '#core/tenancy'
import { calendarDay } from '#core/dates'
import { CLOCK_RUNNING, type Channel, type ComplaintStatus } from '#complaints/workflow'
import { sqlTime } from '#complaints/services/complaint_service'

type AnyQuery = ModelQueryBuilderContract<LucidModel, any> | DatabaseQueryBuilderContract<any>

export interface ComplaintFilters {
  q?: string
  status?: ComplaintStatus
  categoryId?: number
  departmentId?: number
  channel?: Channel
  overdue?: '1'
  from?: Date
  to?: Date
}

/**
 * Complaints filtered as on the operator's list; the list, the ledger and the statistics share
 * it. The period is the Shanghai day of submission.
 */
export function filteredComplaints(filters: ComplaintFilters, user?: User) {
  const query = Complaint.query()
  if (user) scopeToTenant(query, user)
  return applyComplaintFilters(query, filters)
}

/** The same filters on any query of the complaints table (the statistics aggregate with it). */
export function applyComplaintFilters<Q extends AnyQuery>(query: Q, filters: ComplaintFilters): Q {
  if (filters.q) {
    const q = filters.q
    query.where((w: any) => w.where('number', q.toUpperCase()).orWhere('subject', 'like', `%${q}%`))
  }
  if (filters.status) query.where('status', filters.status)
  if (filters.categoryId) query.where('category_id', filters.categoryId)
  if (filters.departmentId) query.where('department_id', filters.departmentId)
  if (filters.channel) query.where('channel', filters.channel)
  if (filters.overdue) {
    query.whereIn('status', CLOCK_RUNNING).where('due_at', '<', sqlTime(DateTime.utc()))
  }
  // The period's Shanghai days as a range of submission times (the same cases as on
  // submitted_on): the list's and the statistics' indexes lead with submitted_at.
  if (filters.from) {
    query.where('submitted_at', '>=', sqlTime(calendarDay(filters.from).startOf('day')))
  }
  if (filters.to) {
    query.where(
      'submitted_at',
      '<',
      sqlTime(calendarDay(filters.to).plus({ days: 1 }).startOf('day'))
    )
  }
  return query
}
