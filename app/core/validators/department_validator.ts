import vine from '@vinejs/vine'

export const departmentValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(100),
  responsibilities: vine.string().trim().minLength(4).maxLength(2000),
  phone: vine.string().trim().maxLength(40).optional(),
  sortOrder: vine.number().min(0).max(9999).optional(),
  // The head complaints are escalated to (GB/T 39678 7.3.2): an active operator user.
  headUserId: vine
    .number()
    .exists({
      table: 'users',
      column: 'id',
      filter: (query) => {
        query.whereIn('role', ['operator_admin', 'operator_staff']).where('is_active', true)
      },
    })
    .nullable()
    .optional(),
})
