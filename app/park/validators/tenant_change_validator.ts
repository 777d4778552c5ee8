import vine from '@vinejs/vine'
import { registerFigures } from '#park/validators/tenant_validator'
import { CHANGE_REQUEST_STATUSES } from '#park/models/tenant_change_request'

/**
 * A tenant admin's edit of its own profile. The identity fields (name, USCC, legal
 * representative) go to an operator for approval; status and move-in/out are the operator's and
 * are not accepted here (VineJS drops unknown fields).
 */
export const tenantSelfEditValidator = vine.create({
  unitName: vine.string().trim().minLength(2).maxLength(200),
  uscc: vine.string().trim().uscc(),
  legalRepresentative: vine.string().trim().minLength(2).maxLength(100),
  ...registerFigures(),
})

/** An operator's reason for refusing a change request; the tenant sees it. */
export const rejectChangeValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(1000),
})

export const changeListValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum([...CHANGE_REQUEST_STATUSES, 'all']).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})
