import { RegistrationApplicationSchema } from '#database/schema'

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** An enterprise's self-registration (SZDB/Z 304.1 6.2), waiting for an operator's decision. */
export default class RegistrationApplication extends RegistrationApplicationSchema {
  declare status: RegistrationStatus
}
