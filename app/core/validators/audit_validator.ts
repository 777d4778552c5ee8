import vine from '@vinejs/vine'

/** Filters of the audit trail page; dates are picked in Asia/Shanghai. */
export const auditFilterValidator = vine.create({
  action: vine.string().trim().maxLength(80).optional(),
  subjectType: vine.string().trim().maxLength(60).optional(),
  actor: vine.string().trim().maxLength(254).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().min(1).optional(),
})
