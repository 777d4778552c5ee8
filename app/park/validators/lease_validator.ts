import vine from '@vinejs/vine'
import { LEASE_STATUSES } from '#park/spaces'

/** Money typed in yuan with at most two decimals; stored in fen. */
const yuan = () => vine.number().min(0).max(100_000_000).decimal([0, 2])

export const leaseValidator = vine.create({
  tenantId: vine.number().exists({ table: 'tenants', column: 'id' }),
  unitIds: vine
    .array(vine.number().exists({ table: 'units', column: 'id' }))
    .minLength(1)
    .distinct(),
  startDate: vine.date({ formats: ['YYYY-MM-DD'] }),
  endDate: vine.date({ formats: ['YYYY-MM-DD'] }).afterField('startDate'),
  monthlyRent: yuan(),
  deposit: yuan(),
  activate: vine.boolean().optional(),
})

/** Renewal: the new term starts the day after the old one ends; only its end and money are asked. */
export const renewalValidator = vine.create({
  endDate: vine.date({ formats: ['YYYY-MM-DD'] }),
  monthlyRent: yuan(),
  deposit: yuan(),
})

/** Lease list filters, shared by the list and its Excel export. */
export const leaseListValidator = vine.create({
  status: vine.enum(LEASE_STATUSES).optional(),
  q: vine.string().trim().maxLength(60).optional(),
  buildingId: vine.number().min(1).optional(),
  endingWithin: vine.enum(['30', '60', '90']).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})
