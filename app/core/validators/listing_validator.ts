import vine from '@vinejs/vine'

/** Query string of every list page: search, page, sort, order and a status or role filter. */
export const listQueryValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
  status: vine.string().trim().maxLength(40).optional(),
  role: vine.string().trim().maxLength(40).optional(),
})
