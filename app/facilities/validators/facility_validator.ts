import vine from '@vinejs/vine'
import { uploadLimitMb } from '#config/uploads'
import {
  FACILITY_TYPES,
  MAX_SERIES_WEEKS,
  WEEKDAYS,
  BOOKING_STATUSES,
} from '#facilities/facilities'

/** A time of day on the half hour, `HH:mm`; `24:00` closes at midnight. */
const TIME = /^(([01]\d|2[0-3]):[03]0|24:00)$/
const time = () => vine.string().trim().regex(TIME)
const halfHours = (max: number) => vine.number().withoutDecimals().min(30).max(max)
const day = () => vine.object({ open: time().optional(), close: time().optional() }).optional()

export const facilityValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(100),
  facilityType: vine.enum(FACILITY_TYPES),
  location: vine.string().trim().minLength(2).maxLength(200),
  capacity: vine.number().withoutDecimals().min(1).max(100000),
  description: vine.string().trim().maxLength(2000).optional(),
  hours: vine
    .object(
      Object.fromEntries(WEEKDAYS.map((d) => [d, day()])) as Record<string, ReturnType<typeof day>>
    )
    .optional(),
  needsApproval: vine.boolean().optional(),
  bookable: vine.boolean().optional(),
  freeHoursPerMonth: vine.number().withoutDecimals().min(0).max(744),
  pricePerHour: vine.number().min(0).max(1_000_000).decimal([0, 2]),
  minMinutes: halfHours(1440),
  maxMinutes: halfHours(1440),
  cancelCutoffHours: vine.number().withoutDecimals().min(0).max(720),
  photos: vine
    .array(vine.file({ size: `${uploadLimitMb}mb`, extnames: ['png', 'jpg', 'jpeg', 'webp'] }))
    .maxLength(10)
    .optional(),
})

/** A maintenance block: local date-times (`datetime-local`, Shanghai) and a reason. */
export const blockValidator = vine.create({
  startsAt: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  endsAt: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
  reason: vine.string().trim().minLength(2).maxLength(200),
})

/** The booking form; the tenant is never part of it (it comes from the session). */
export const bookingValidator = vine.create({
  facilityId: vine.number().exists({ table: 'facilities', column: 'id' }),
  date: vine.date({ formats: ['YYYY-MM-DD'] }),
  // A booking starts at 23:30 at the latest; 24:00 only ever closes a day.
  startTime: vine
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[03]0$/),
  minutes: halfHours(1440),
  purpose: vine.string().trim().minLength(2).maxLength(200),
  attendees: vine.number().withoutDecimals().min(1).max(100000).optional(),
  weeks: vine.number().withoutDecimals().min(1).max(MAX_SERIES_WEEKS).optional(),
})

export const rejectBookingValidator = vine.create({
  reason: vine.string().trim().minLength(2).maxLength(500),
})

export const cancelBookingValidator = vine.create({
  reason: vine.string().trim().maxLength(500).optional(),
})

/** The calendar: a facility, a day inside the week (or the day) shown, week or day view. */
export const calendarValidator = vine.create({
  facilityId: vine.number().min(1).optional(),
  date: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  view: vine.enum(['week', 'day']).optional(),
})

/** The booking form's prefill from a calendar cell. */
export const newBookingValidator = vine.create({
  facilityId: vine.number().min(1),
  start: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .optional(),
})

export const bookingListValidator = vine.create({
  status: vine.enum(BOOKING_STATUSES).optional(),
  facilityId: vine.number().min(1).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

export const utilisationValidator = vine.create({
  period: vine.enum(['week', 'month']).optional(),
  until: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
})
