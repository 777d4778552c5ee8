import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import SwApiToken from '#single_window/models/sw_api_token'

const PREFIX = 'pgt_'
/** last_used_at is refreshed at most once a minute: a scanner posting every second costs no writes. */
const TOUCH_EVERY_MS = 60_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

type Actor = { id: number; email: string } | null

/**
 * Per-tenant API tokens for the tracking API (warehouse scanners). A token is 32 random bytes,
 * shown once when created; only its SHA-256 is stored, so a database leak gives no usable token.
 */
export default class ApiTokenService {
  constructor(private audit = new AuditService()) {}

  /** Creates a token; the plain token is in the result and nowhere else. */
  async create(tenantId: number, name: string, actor: Actor = null) {
    const clean = name.trim()
    if (!clean) throw new DomainException('tracking.errors.token_name', {}, { field: 'name' })
    if (clean.length > 100)
      throw new DomainException('tracking.errors.too_long', { field: 'name' }, { field: 'name' })
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
    const record = await db.transaction(async (trx) => {
      const row = await SwApiToken.create(
        {
          tenantId,
          name: clean,
          tokenHash: hashToken(token),
          tokenPrefix: token.slice(0, 12),
          createdBy: actor?.id ?? null,
        },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'sw_api_token.created',
        subjectType: 'sw_api_token',
        subjectId: row.id,
        after: { name: row.name, tokenPrefix: row.tokenPrefix },
        tenantId,
        actor,
      })
      return row
    })
    return { token, record }
  }

  /** Revokes one of the tenant's own tokens; another tenant's id is not found. */
  async revoke(tenantId: number, id: number, actor: Actor = null) {
    return db.transaction(async (trx) => {
      const row = await SwApiToken.query({ client: trx })
        .where({ id, tenant_id: tenantId })
        .forUpdate()
        .firstOrFail()
      if (row.revokedAt) return row
      row.revokedAt = DateTime.utc()
      await row.save()
      await this.audit.record(trx, {
        action: 'sw_api_token.revoked',
        subjectType: 'sw_api_token',
        subjectId: row.id,
        after: { name: row.name, tokenPrefix: row.tokenPrefix },
        tenantId,
        actor,
      })
      return row
    })
  }

  /** The tenant's tokens, newest first (never the token itself: it is not kept). */
  list(tenantId: number) {
    return SwApiToken.query().where('tenant_id', tenantId).orderBy('id', 'desc')
  }

  /** The active token a bearer string stands for, or null; marks it used. */
  async verify(bearer: string | null | undefined) {
    if (!bearer || !bearer.startsWith(PREFIX) || bearer.length > 100) return null
    const hash = hashToken(bearer)
    const row = await SwApiToken.query().where('token_hash', hash).whereNull('revoked_at').first()
    if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash))) return null
    const now = DateTime.utc()
    if (!row.lastUsedAt || now.toMillis() - row.lastUsedAt.toMillis() > TOUCH_EVERY_MS) {
      await SwApiToken.query()
        .where('id', row.id)
        .update({ last_used_at: now.toSQL({ includeOffset: false }) })
      row.lastUsedAt = now
    }
    return row
  }
}
