import { column } from '@adonisjs/lucid/orm'
import { AuditSnapshotSchema } from '#database/schema'

/** One item of the evidence frozen at issue: its SHA-256 and its content as JSON. */
export default class AuditSnapshot extends AuditSnapshotSchema {
  // The naming strategy would map `sha256` to `sha_256`; the column is `sha256`.
  @column({ columnName: 'sha256' })
  declare sha256: string

  /** The frozen content, parsed. */
  get data(): Record<string, unknown> {
    return JSON.parse(this.payload)
  }
}
