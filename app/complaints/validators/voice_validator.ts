import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { CONSULTATION_CHANNELS, CONSULTATION_STATUSES } from '#complaints/models/consultation'

/** A mainland mobile (11 digits, 13–19) or a landline with its area code (0 + 9–11 digits). */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11})$/

const phoneRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const normalized = value.replace(/[\s()-]/g, '').replace(/^\+?86(?=1)/, '')
  field.mutate(normalized, field)
  if (!PHONE_PATTERN.test(normalized)) field.report('Not a phone number', 'phone', field)
})

const text = (min: number, max: number) => vine.string().trim().minLength(min).maxLength(max)
const listParams = {
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc'] as const).optional(),
}

const question = {
  subject: text(2, 200),
  question: text(5, 3000),
}

/**
 * The public form: a name is optional, a way to answer is not — a phone or an e-mail (one
 * of the two, checked in the controller's requiredIfMissing rule).
 */
export const publicConsultationValidator = vine.create({
  ...question,
  askerName: vine.string().trim().maxLength(100).optional(),
  askerPhone: vine.string().trim().use(phoneRule()).optional().requiredIfMissing('askerEmail'),
  askerEmail: vine.string().trim().maxLength(254).email().optional(),
})

export const tenantConsultationValidator = vine.create(question)

export const answerValidator = vine.create({
  answer: text(2, 5000),
})

export const consultationListValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
  status: vine.enum(CONSULTATION_STATUSES).optional(),
  channel: vine.enum(CONSULTATION_CHANNELS).optional(),
  overdue: vine.enum(['1'] as const).optional(),
  ...listParams,
})

export const faqEntryValidator = vine.create({
  categoryId: vine.number().exists({ table: 'faq_categories', column: 'id' }),
  question: text(4, 500),
  answer: text(2, 5000),
  isPublished: vine.boolean().optional(),
})

export const faqCategoryValidator = vine.create({
  name: text(2, 100),
  nameEn: vine.string().trim().maxLength(100).optional(),
  isActive: vine.boolean().optional(),
  sortOrder: vine.number().withoutDecimals().min(0).max(9999).optional(),
})

export const faqSearchValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
  categoryId: vine.number().min(1).optional(),
  ...listParams,
})

export const pollValidator = vine.create({
  title: text(4, 200),
  description: text(10, 5000),
  opensOn: vine.date({ formats: ['YYYY-MM-DD'] }),
  closesOn: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('opensOn'),
  responseDueOn: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrSameAs('closesOn'),
})

export const opinionValidator = vine.create({
  content: text(5, 2000),
})

export const pollResponseValidator = vine.create({
  response: text(10, 5000),
})
