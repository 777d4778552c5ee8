import vine from '@vinejs/vine'
import { newPassword } from '#core/validators/auth_validator'

const base = {
  fullName: vine.string().trim().minLength(2).maxLength(100),
  phone: vine.string().trim().mobile().optional(),
}

/** Operator admins create operator staff, other operator admins and evaluators. */
export const createOperatorUserValidator = vine.create({
  ...base,
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  role: vine.enum(['operator_admin', 'operator_staff', 'evaluator'] as const),
  departmentId: vine
    .number()
    .exists({ table: 'departments', column: 'id' })
    .optional()
    .requiredWhen('role', '=', 'operator_staff'),
  password: newPassword(),
})

export const updateOperatorUserValidator = vine.create({
  ...base,
  role: vine.enum(['operator_admin', 'operator_staff', 'evaluator'] as const),
  departmentId: vine
    .number()
    .exists({ table: 'departments', column: 'id' })
    .optional()
    .requiredWhen('role', '=', 'operator_staff'),
})

/** Tenant admins add members (or further admins) to their own enterprise. */
export const createMemberValidator = vine.create({
  ...base,
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  role: vine.enum(['tenant_admin', 'tenant_member'] as const),
  password: newPassword(),
})
