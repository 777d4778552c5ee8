import vine from '@vinejs/vine'
import { uploadLimitMb } from '#config/uploads'
import { REQUEST_STATUSES } from '#service_desk/workflow'

const text = (max: number) => vine.string().trim().minLength(2).maxLength(max)

/** A catalogue entry (GB/T 39678 6): names and descriptions in both languages, promises. */
export const serviceItemValidator = vine.create({
  code: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  clause: vine.string().trim().maxLength(20).optional(),
  name: text(100),
  nameEn: vine.string().trim().maxLength(100).optional(),
  description: text(5000),
  descriptionEn: vine.string().trim().maxLength(5000).optional(),
  departmentId: vine.number().exists({ table: 'departments', column: 'id' }),
  responseHours: vine.number().withoutDecimals().min(1).max(200),
  completionDays: vine.number().withoutDecimals().min(1).max(120),
  isActive: vine.boolean().optional(),
  sortOrder: vine.number().withoutDecimals().min(0).max(9999).optional(),
})

/** A tenant's request: the service, a subject, the details and up to three files. */
export const requestValidator = vine.create({
  serviceItemId: vine.number().exists({ table: 'service_items', column: 'id' }),
  subject: text(200),
  details: vine.string().trim().minLength(10).maxLength(5000),
  attachments: vine
    .array(
      vine.file({
        size: `${uploadLimitMb}mb`,
        extnames: ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx'],
      })
    )
    .maxLength(3)
    .optional(),
})

export const assignValidator = vine.create({
  assigneeId: vine.number().min(1),
  note: vine.string().trim().maxLength(1000).optional(),
})

export const optionalNoteValidator = vine.create({
  note: vine.string().trim().maxLength(1000).optional(),
})

export const noteValidator = vine.create({
  note: text(1000),
})

export const completeValidator = vine.create({
  result: text(5000),
})

export const confirmValidator = vine.create({
  rating: vine.number().withoutDecimals().min(1).max(5),
  comment: vine.string().trim().maxLength(1000).optional(),
})

export const reopenValidator = vine.create({
  comment: text(1000),
})

/** List and export filters. */
export const requestListValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
  status: vine.enum(REQUEST_STATUSES).optional(),
  serviceItemId: vine.number().min(1).optional(),
  tenantId: vine.number().min(1).optional(),
  assigneeId: vine.number().min(1).optional(),
  overdue: vine.enum(['1']).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})
