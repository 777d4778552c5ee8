import { SwApiTokenSchema } from '#database/schema'

/** A tenant's API token for the tracking API; only its SHA-256 is stored. */
export default class SwApiToken extends SwApiTokenSchema {
  get isActive() {
    return this.revokedAt === null
  }
}
