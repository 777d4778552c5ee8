import db from '@adonisjs/lucid/services/db'
import AuditTrail from '#core/services/audit_service'
import type Audit from '#audits/models/audit'

/**
 * An audit-trail entry for an output taken out of ParkGate (GB/T 39678 7.2 records: who took
 * which report or bundle, when); the bundle's entry keeps its manifest's SHA-256, so a bundle
 * handed over later can be matched to the one downloaded.
 */
export function recordExport(
  audit: Audit,
  action: string,
  after: Record<string, unknown>,
  actor?: { id: number; email: string }
) {
  return db.transaction((trx) =>
    new AuditTrail().record(trx, {
      action,
      subjectType: 'audit',
      subjectId: audit.id,
      after,
      ...(actor ? { actor } : {}),
    })
  )
}
