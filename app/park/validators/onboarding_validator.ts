import vine from '@vinejs/vine'
import { USER_CATEGORIES } from '#core/validators/registration_validator'
import { tenantRegisterFields } from '#park/validators/tenant_validator'
import { unitFields } from '#park/validators/space_validator'

/** The upload form: one spreadsheet (its size and type are checked on its bytes by the import). */
export const importUploadValidator = vine.create({
  spreadsheet: vine.file(),
})

/**
 * One row of the tenants import: the identity a registration would carry (same rules as the
 * registration form) plus the register's fields exactly as the operator's edit form checks them.
 */
export const tenantImportRowValidator = vine.create({
  uscc: vine.string().trim().uscc(),
  name: vine.string().trim().minLength(2).maxLength(200),
  userCategory: vine.enum(USER_CATEGORIES),
  legalRepresentative: vine.string().trim().minLength(2).maxLength(100),
  ...tenantRegisterFields(),
})

/** One row of the units import: the unit form's fields; the building is resolved by the import. */
export const unitImportRowValidator = vine.create({
  building: vine.string().trim().maxLength(100),
  ...unitFields(),
})
