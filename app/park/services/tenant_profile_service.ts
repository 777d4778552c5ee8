import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Tenant from '#core/models/tenant'
import type User from '#core/models/user'
import RegistrationApplication from '#core/models/registration_application'
import DomainException from '#core/exceptions/domain_exception'
import AuditService from '#core/services/audit_service'
import NotificationService from '#core/services/notification_service'
import TenantChangeRequest, {
  APPROVAL_FIELDS,
  type ApprovalField,
  type FieldChanges,
} from '#park/models/tenant_change_request'
import { figureColumns, type TenantFiguresInput } from '#park/services/tenant_register_service'

export interface SelfEditInput extends TenantFiguresInput {
  unitName: string
  uscc: string
  legalRepresentative: string
}

/** Which form field carries each approval field (the form says "unit name", as at registration). */
export const FORM_FIELD: Record<ApprovalField, string> = {
  name: 'unitName',
  uscc: 'uscc',
  legalRepresentative: 'legalRepresentative',
}

/** Types and modes are sets stored as JSON arrays: the same codes in another order are no change. */
function sameFigure(key: string, stored: unknown, wanted: unknown) {
  if (key === 'enterpriseTypes' || key === 'businessModes') {
    const codes = (value: unknown) => (JSON.parse(String(value || '[]')) as string[]).sort().join()
    return codes(stored) === codes(wanted)
  }
  return stored === wanted
}

function isUniqueViolation(error: any) {
  return error?.code === 'ER_DUP_ENTRY' || error?.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * A tenant keeps its own register entry up to date. Types, modes, contacts and figures apply at
 * once; the enterprise's identity (name, USCC, legal representative) changes only when an operator
 * approves a change request. One pending request per tenant: a second one is refused until the
 * first is decided or withdrawn. Every step is in the audit trail.
 */
export default class TenantProfileService {
  constructor(
    private audit = new AuditService(),
    private notifications = new NotificationService()
  ) {}

  /** The tenant's pending request, if any. */
  pendingFor(tenantId: number) {
    return TenantChangeRequest.query()
      .where({ tenantId, status: 'pending' })
      .preload('requester')
      .first()
  }

  /** How many requests wait for an operator (the queue's badge). */
  async pendingCount() {
    const row = await TenantChangeRequest.query()
      .where('status', 'pending')
      .count('* as total')
      .first()
    return Number(row?.$extras.total ?? 0)
  }

  /** The tenant's decided and withdrawn requests, newest first. */
  historyFor(tenantId: number, limit = 10) {
    return TenantChangeRequest.query()
      .where('tenant_id', tenantId)
      .whereNot('status', 'pending')
      .preload('requester')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
  }

  /**
   * Applies the immediate fields and files the identity changes as a pending request, in one
   * transaction: when the request is refused, nothing changes.
   */
  async submit(user: User, input: SelfEditInput) {
    const tenantId = user.tenantId!
    try {
      return await db.transaction(async (trx) => {
        const tenant = await Tenant.query({ client: trx })
          .where('id', tenantId)
          .forUpdate()
          .firstOrFail()
        const changes = this.identityChanges(tenant, input)
        let request: TenantChangeRequest | null = null
        if (changes) request = await this.fileRequest(trx, tenant, changes, user)

        const figures = figureColumns(input)
        const changed = (Object.keys(figures) as (keyof typeof figures)[]).filter(
          (key) => !sameFigure(key, tenant[key], figures[key])
        )
        if (changed.length) {
          await this.audit.saveChanges(
            tenant,
            'tenant.profile_updated',
            'tenant',
            (t) => t.merge(figures),
            { tenantId, client: trx }
          )
        }
        return { applied: changed.length > 0, request }
      })
    } catch (error) {
      // Two submissions racing past the checks: the unique pending columns decide.
      if (isUniqueViolation(error)) {
        if (String(error.message).includes('pending_uscc'))
          throw new DomainException('profile.uscc_taken', {}, { field: 'uscc' })
        throw new DomainException('profile.pending_exists', {}, { status: 409 })
      }
      throw error
    }
  }

  /** The tenant takes back its own pending request. */
  async withdraw(request: TenantChangeRequest, user: User) {
    return this.decide(request.id, 'tenant_change.withdrawn', user, async (locked) => {
      locked.merge({ status: 'withdrawn' })
    })
  }

  /** Applies the requested identity, re-checking the USCC now, and closes the request. */
  async approve(requestId: number, reviewer: User) {
    try {
      return await this.decide(
        requestId,
        'tenant_change.approved',
        reviewer,
        async (locked, trx) => {
          const tenant = await Tenant.query({ client: trx })
            .where('id', locked.tenantId)
            .forUpdate()
            .firstOrFail()
          const changes = locked.changeList
          const uscc = changes.find((change) => change.field === 'uscc')
          if (uscc) await this.assertUsccFree(trx, uscc.to, tenant.id, locked.id, 409)
          await this.audit.saveChanges(
            tenant,
            'tenant.identity_changed',
            'tenant',
            (t) => t.merge(Object.fromEntries(changes.map((change) => [change.field, change.to]))),
            { tenantId: tenant.id, actor: reviewer, client: trx }
          )
          locked.merge({ status: 'approved' })
        }
      )
    } catch (error) {
      // Another tenant took the USCC between the check and the update: tenants.uscc is unique.
      if (isUniqueViolation(error))
        throw new DomainException('profile.uscc_taken_now', {}, { status: 409 })
      throw error
    }
  }

  /** Refuses the request with a reason the tenant sees on its profile. */
  async reject(requestId: number, reason: string, reviewer: User) {
    return this.decide(requestId, 'tenant_change.rejected', reviewer, async (locked) => {
      locked.merge({ status: 'rejected', reason })
    })
  }

  /** Closes a pending request under a row lock: frees its pending slots, records who and when. */
  private decide(
    requestId: number,
    action: string,
    actor: User,
    change: (locked: TenantChangeRequest, trx: TransactionClientContract) => Promise<void>
  ) {
    return db.transaction(async (trx) => {
      const locked = await TenantChangeRequest.query({ client: trx })
        .where('id', requestId)
        .forUpdate()
        .firstOrFail()
      if (locked.status !== 'pending')
        throw new DomainException(
          'profile.already_decided',
          { status: locked.status },
          { status: 409 }
        )
      const before = locked.serialize()
      await change(locked, trx)
      locked.merge({
        pendingTenantId: null,
        pendingUscc: null,
        decidedBy: actor.id,
        decidedAt: DateTime.utc(),
      })
      await locked.save()
      await this.audit.record(trx, {
        actor,
        action,
        subjectType: 'tenant_change_request',
        subjectId: locked.id,
        before,
        after: locked.serialize(),
        tenantId: locked.tenantId,
      })
      // The enterprise hears of the operator's decision; a withdrawal is its own act.
      // (`change` moved the status on; TypeScript still narrows it to 'pending' from the check.)
      const decided: string = locked.status
      if (decided === 'approved' || decided === 'rejected') {
        await this.notifications.notifyTenant(trx, locked.tenantId, {
          kind: `tenant_change.${decided}`,
          messageKey: `notifications.tenant_change_${decided}`,
          data: { reason: locked.reason ?? '' },
          url: '/tenant/profile',
          dedupeKey: `tenant-change:${locked.id}:${decided}`,
        })
      }
      return locked
    })
  }

  /** The identity fields the form changes, as `{ field: { from, to } }`, or null when none. */
  private identityChanges(tenant: Tenant, input: SelfEditInput) {
    const wanted: Record<ApprovalField, string> = {
      name: input.unitName,
      uscc: input.uscc,
      legalRepresentative: input.legalRepresentative,
    }
    const changes: FieldChanges = {}
    for (const field of APPROVAL_FIELDS) {
      if (wanted[field] !== tenant[field])
        changes[field] = { from: tenant[field], to: wanted[field] }
    }
    return Object.keys(changes).length ? changes : null
  }

  private async fileRequest(
    trx: TransactionClientContract,
    tenant: Tenant,
    changes: FieldChanges,
    user: User
  ) {
    const pending = await TenantChangeRequest.query({ client: trx })
      .where({ tenantId: tenant.id, status: 'pending' })
      .first()
    if (pending) {
      const field = APPROVAL_FIELDS.find((f) => changes[f])!
      throw new DomainException('profile.pending_exists', {}, { field: FORM_FIELD[field] })
    }
    if (changes.uscc) await this.assertUsccFree(trx, changes.uscc.to, tenant.id)
    const request = await TenantChangeRequest.create(
      {
        tenantId: tenant.id,
        pendingTenantId: tenant.id,
        pendingUscc: changes.uscc?.to ?? null,
        requestedBy: user.id,
        changes: JSON.stringify(changes),
        status: 'pending',
      },
      { client: trx }
    )
    await this.audit.record(trx, {
      action: 'tenant_change.requested',
      subjectType: 'tenant_change_request',
      subjectId: request.id,
      after: request.serialize(),
      tenantId: tenant.id,
    })
    await this.notifications.notifyOperators(trx, {
      kind: 'tenant_change.requested',
      messageKey: 'notifications.tenant_change_requested',
      data: { tenant: tenant.name },
      url: `/park/tenant-changes/${request.id}`,
      dedupeKey: `tenant-change:${request.id}:requested`,
    })
    return request
  }

  /**
   * A USCC belongs to one enterprise: not another tenant's, not a pending registration's, not
   * another pending change request's. Checked when the request is filed and again at approval.
   */
  private async assertUsccFree(
    trx: TransactionClientContract,
    uscc: string,
    tenantId: number,
    exceptRequestId?: number,
    status = 422
  ) {
    const tenant = await Tenant.query({ client: trx })
      .where('uscc', uscc)
      .whereNot('id', tenantId)
      .first()
    const registration = await RegistrationApplication.query({ client: trx })
      .where('pending_uscc', uscc)
      .first()
    const request = await TenantChangeRequest.query({ client: trx })
      .where('pending_uscc', uscc)
      .if(exceptRequestId, (q) => q.whereNot('id', exceptRequestId!))
      .first()
    if (tenant || registration || request) {
      throw status === 409
        ? new DomainException('profile.uscc_taken_now', {}, { status })
        : new DomainException('profile.uscc_taken', {}, { field: 'uscc' })
    }
  }
}
