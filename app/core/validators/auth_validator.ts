import vine from '@vinejs/vine'

export const loginValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: vine.string().minLength(1).maxLength(200),
})

/** At least 8 characters with a letter and a digit. */
const newPassword = () =>
  vine
    .string()
    .minLength(8)
    .maxLength(72)
    .regex(/^(?=.*[A-Za-z])(?=.*\d).+$/)

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().minLength(1),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const localeValidator = vine.create({
  locale: vine.enum(['zh-CN', 'en']),
})

export { newPassword }
