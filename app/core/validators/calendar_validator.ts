import vine from '@vinejs/vine'

/** vine.date parses in local time: read the local parts back, never toISOString (it shifts the day). */
const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

export const calendarDayValidator = vine.create({
  day: vine.date({ formats: ['YYYY-MM-DD'] }).transform(isoDay),
  kind: vine.enum(['day_off', 'workday'] as const),
  name: vine.string().trim().minLength(1).maxLength(100),
})
