import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { uploadLimitMb } from '#config/uploads'
import { CHANNELS, COMPLAINT_STATUSES, STAFF_CHANNELS } from '#complaints/workflow'

/** A mainland mobile (11 digits, 13–19) or a landline with its area code (0 + 9–11 digits). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11})$/

const phoneRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const normalized = value.replace(/[\s()-]/g, '').replace(/^\+?86(?=1)/, '')
  field.mutate(normalized, field)
  if (!PHONE_PATTERN.test(normalized)) field.report('Not a phone number', 'phone', field)
})

const phone = () => vine.string().trim().use(phoneRule())
const text = (max: number) => vine.string().trim().minLength(2).maxLength(max)
const attachments = () =>
  vine
    .array(
      vine.file({
        size: `${uploadLimitMb}mb`,
        extnames: ['pdf', 'png', 'jpg', 'jpeg', 'webp'],
      })
    )
    .maxLength(3)
    .optional()

const complaintFields = {
  categoryId: vine.number().exists({ table: 'complaint_categories', column: 'id' }),
  subject: text(200),
  content: vine.string().trim().minLength(10).maxLength(5000),
  attachments: attachments(),
}

/** The public form at /complaints/new: name optional, phone required (SZDB/Z 304.1 6.9.3). */
export const publicComplaintValidator = vine.create({
  ...complaintFields,
  complainantName: vine.string().trim().maxLength(100).optional(),
  complainantPhone: phone(),
})

/** A tenant's complaint from the portal: the phone defaults to the user's own. */
export const tenantComplaintValidator = vine.create({
  ...complaintFields,
  complainantPhone: phone(),
})

/** Staff record a phone call, a visit, an e-mail or a letter. */
export const staffComplaintValidator = vine.create({
  ...complaintFields,
  channel: vine.enum(STAFF_CHANNELS),
  complainantName: vine.string().trim().maxLength(100).optional(),
  complainantPhone: phone(),
  tenantId: vine.number().exists({ table: 'tenants', column: 'id' }).optional(),
})

export const acceptValidator = vine.create({
  departmentId: vine.number().exists({ table: 'departments', column: 'id' }).optional(),
  note: vine.string().trim().maxLength(1000).optional(),
})

export const reasonValidator = vine.create({
  reason: text(1000),
})

export const noteValidator = vine.create({
  note: text(1000),
})

export const optionalNoteValidator = vine.create({
  note: vine.string().trim().maxLength(1000).optional(),
})

export const resolveValidator = vine.create({
  result: text(5000),
  correctiveMeasures: vine.string().trim().maxLength(5000).optional(),
})

export const feedbackValidator = vine.create({
  satisfaction: vine.number().withoutDecimals().min(1).max(5),
  comment: vine.string().trim().maxLength(1000).optional(),
  decision: vine.enum(['confirm', 'reopen'] as const),
})

export const callbackValidator = vine.create({
  satisfaction: vine.number().withoutDecimals().min(1).max(5).optional(),
  note: text(1000),
})

export const lookupValidator = vine.create({
  number: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^TS\d{8}-\d{4,}$/),
  phone4: vine
    .string()
    .trim()
    .regex(/^\d{4}$/),
})

/** List, ledger and statistics filters. */
export const complaintListValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
  status: vine.enum(COMPLAINT_STATUSES).optional(),
  categoryId: vine.number().min(1).optional(),
  departmentId: vine.number().min(1).optional(),
  channel: vine.enum(CHANNELS).optional(),
  overdue: vine.enum(['1']).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

export const categoryValidator = vine.create({
  name: text(100),
  nameEn: vine.string().trim().maxLength(100).optional(),
  commitmentDays: vine.number().withoutDecimals().min(1).max(60),
  departmentId: vine.number().exists({ table: 'departments', column: 'id' }),
  isActive: vine.boolean().optional(),
  sortOrder: vine.number().withoutDecimals().min(0).max(9999).optional(),
})
