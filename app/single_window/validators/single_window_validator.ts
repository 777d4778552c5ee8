import vine from '@vinejs/vine'
import { uploadLimitMb } from '#config/uploads'
import { OUTGOING_TYPES, PROFILE_ROLES } from '#single_window/message_types'
import { STATUS_FILTERS } from '#single_window/services/declaration_queries'
import { TRACKING_STAGES } from '#single_window/tracking/stages'

const MODES = ['9610', '1210', '9710', '9810'] as const
/** Upload size of a batch import file: the park's upload limit (UPLOAD_MAX_MB, bodyparser). */
export const IMPORT_MAX_MB = uploadLimitMb

/**
 * The single-window profile (issue 6 "who declares what"): 海关注册编码 is 10 characters of digits
 * and capital letters; copCode, copName and dxpId as the BaseTransfer XSD allows them (SPEC §2:
 * C..18, C..100, C..30).
 */
export const profileValidator = vine.create({
  customsCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{10}$/),
  copCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{1,18}$/),
  copName: vine.string().trim().minLength(2).maxLength(100),
  dxpId: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{1,30}$/),
  roles: vine.array(vine.enum(PROFILE_ROLES)).minLength(1).distinct(),
  ebpCode: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{1,18}$/)
    .optional()
    .requiredIfExists('ebpName'),
  ebpName: vine.string().trim().maxLength(100).optional().requiredIfExists('ebpCode'),
})

/**
 * A document from the create form: the business mode, the head and goods lines by XSD element
 * name. Only the shape is checked here; every field rule is the checks' (app/single_window/checks).
 */
export const declarationValidator = vine.create({
  businessMode: vine.enum(MODES),
  head: vine.record(vine.string().maxLength(1000).nullable()).optional(),
  lines: vine
    .array(vine.record(vine.string().maxLength(1000).nullable()).optional())
    .maxLength(100)
    .optional(),
})

/** List filters (tenant and operator lists). */
export const declarationListValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
  type: vine.enum(OUTGOING_TYPES).optional(),
  status: vine.enum(STATUS_FILTERS).optional(),
  mode: vine.enum(MODES).optional(),
  tenantId: vine.number().min(1).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

/** A batch import upload: the message type and an Excel or CSV file (the mode is a column). */
export const importValidator = vine.create({
  messageType: vine.enum(OUTGOING_TYPES),
  file: vine.file({ size: `${IMPORT_MAX_MB}mb`, extnames: ['xlsx', 'csv'] }),
})

export const importListValidator = vine.create({
  page: vine.number().min(1).max(100000).optional(),
})

export const tokenValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(100),
})

/** /track: a waybill number (SPEC §4: logisticsNo C..60). */
export const trackValidator = vine.create({
  number: vine.string().trim().maxLength(60).optional(),
})

/** One scanner event of the tracking API (SZDB/Z 304.1 6.6: stage, action, time, place). */
const trackingEvent = vine.object({
  eventId: vine.string().trim().minLength(1).maxLength(120),
  logisticsNo: vine.string().trim().minLength(1).maxLength(60),
  stage: vine.enum(TRACKING_STAGES),
  action: vine.string().trim().minLength(1).maxLength(200),
  occurredAt: vine.string().trim().maxLength(40),
  place: vine.string().trim().maxLength(200).nullable().optional(),
})

/** The tracking API body: `{ "events": [...] }` (1 to 500), or one event on its own. */
export const trackingEventsValidator = vine.create({
  events: vine.array(trackingEvent).minLength(1).maxLength(500),
})
export const trackingEventValidator = vine.create(trackingEvent)
