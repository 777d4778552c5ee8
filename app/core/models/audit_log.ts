import { AuditLogSchema } from '#database/schema'

/** One entry of the append-only, hash-chained audit trail. Written only by AuditService. */
export default class AuditLog extends AuditLogSchema {
  get before() {
    return this.beforeValues ? JSON.parse(this.beforeValues) : null
  }

  get after() {
    return this.afterValues ? JSON.parse(this.afterValues) : null
  }
}
