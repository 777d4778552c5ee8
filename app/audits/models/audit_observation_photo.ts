import { AuditObservationPhotoSchema } from '#database/schema'

/** A photo taken on site, with its SHA-256 at upload. */
export default class AuditObservationPhoto extends AuditObservationPhotoSchema {
  declare size: number
}
