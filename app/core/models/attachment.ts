import { column } from '@adonisjs/lucid/orm'
import { AttachmentSchema } from '#database/schema'

/** A stored file (through Drive) and the record that owns it. */
export default class Attachment extends AttachmentSchema {
  // The naming strategy would map `sha256` to `sha_256`; the column is `sha256`.
  @column({ columnName: 'sha256' })
  declare sha256: string
}
