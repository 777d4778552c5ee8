import { AuditSnapshotSchema } from '#database/schema'

/** One item of the evidence frozen at issue: its SHA-256 and its content as JSON. */
export default class AuditSnapshot extends AuditSnapshotSchema {
  /** The frozen content, parsed. */
  get data(): Record<string, unknown> {
    return JSON.parse(this.payload)
  }
}
