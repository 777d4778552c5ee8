import { column } from '@adonisjs/lucid/orm'
import { AuditObservationPhotoSchema } from '#database/schema'

/** A photo taken on site, with its SHA-256 at upload. */
export default class AuditObservationPhoto extends AuditObservationPhotoSchema {
  declare size: number

  // The naming strategy would map `sha256` to `sha_256`; the column is `sha256`.
  @column({ columnName: 'sha256' })
  declare sha256: string
}
