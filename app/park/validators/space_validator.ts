import vine from '@vinejs/vine'
import { UNIT_STATUSES, UNIT_TYPES } from '#park/spaces'

const area = () => vine.number().positive().max(10_000_000).decimal([0, 2])

export const buildingValidator = vine.create({
  code: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,20}$/),
  name: vine.string().trim().minLength(1).maxLength(100),
  floors: vine.number().withoutDecimals().min(1).max(200),
})

/** A unit's own fields, shared by the unit form and the Excel import's rows. */
export const unitFields = () => ({
  floor: vine.number().withoutDecimals().min(-5).max(200),
  number: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{1,20}$/),
  unitType: vine.enum(UNIT_TYPES),
  area: area(),
  status: vine.enum(UNIT_STATUSES),
})

export const unitValidator = vine.create({
  buildingId: vine.number().exists({ table: 'buildings', column: 'id' }),
  ...unitFields(),
})

export const unitListValidator = vine.create({
  q: vine.string().trim().maxLength(40).optional(),
  buildingId: vine.number().optional(),
  unitType: vine.enum(UNIT_TYPES).optional(),
  status: vine.enum(UNIT_STATUSES).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

export const parkProfileValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(200),
  address: vine.string().trim().minLength(4).maxLength(300),
  totalArea: area(),
  leasableArea: area(),
  operatorName: vine.string().trim().minLength(2).maxLength(200),
  supervisionPhone: vine.string().trim().minLength(5).maxLength(40),
  complaintChannel: vine.string().trim().minLength(2).maxLength(300),
  officeHours: vine.string().trim().minLength(2).maxLength(100),
  contacts: vine.string().trim().maxLength(2000).optional(),
})
