import vine from '@vinejs/vine'
import { calendarDay } from '#core/dates'

export const calendarDayValidator = vine.create({
  day: vine.date({ formats: ['YYYY-MM-DD'] }).transform((d) => calendarDay(d).toISODate()!),
  kind: vine.enum(['day_off', 'workday'] as const),
  name: vine.string().trim().minLength(1).maxLength(100),
})
