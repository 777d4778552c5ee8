import vine from '@vinejs/vine'
import { newPassword } from '#core/validators/auth_validator'
import { allowedUploadTypes, uploadLimitMb } from '#config/uploads'

/** User categories of SZDB/Z 304.1 6.2 registration, as the park knows them. */
export const USER_CATEGORIES = [
  'ecommerce_enterprise',
  'ecommerce_platform',
  'logistics_enterprise',
  'payment_enterprise',
  'customs_broker',
  'service_provider',
  'other',
] as const

/** SZDB/Z 304.1 6.2: unit name, USCC, legal representative, contact, phone, email. */
export const registrationValidator = vine.create({
  userCategory: vine.enum(USER_CATEGORIES),
  unitName: vine.string().trim().minLength(2).maxLength(200),
  uscc: vine.string().trim().uscc(),
  legalRepresentative: vine.string().trim().minLength(2).maxLength(100),
  contactPerson: vine.string().trim().minLength(2).maxLength(100),
  mobile: vine.string().trim().mobile(),
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
  licence: vine
    .file({ size: `${uploadLimitMb}mb`, extnames: ['pdf', 'png', 'jpg', 'jpeg', 'webp'] })
    .optional(),
})

export const rejectRegistrationValidator = vine.create({
  reason: vine.string().trim().minLength(4).maxLength(1000),
})

export { allowedUploadTypes }
