/** The five roles of ParkGate and the three kinds of user they belong to. */
export const ROLES = [
  'operator_admin',
  'operator_staff',
  'evaluator',
  'tenant_admin',
  'tenant_member',
] as const
export type Role = (typeof ROLES)[number]

export const OPERATOR_ROLES: Role[] = ['operator_admin', 'operator_staff']
export const TENANT_ROLES: Role[] = ['tenant_admin', 'tenant_member']

export type UserKind = 'operator' | 'evaluator' | 'tenant'

/** Which dashboard and navigation a role gets. */
export function kindOf(role: Role): UserKind {
  if (OPERATOR_ROLES.includes(role)) return 'operator'
  if (TENANT_ROLES.includes(role)) return 'tenant'
  return 'evaluator'
}
