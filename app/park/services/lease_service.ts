import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Lease from '#park/models/lease'
import Unit from '#park/models/unit'
import AuditService from '#core/services/audit_service'
import NumberingService from '#core/services/numbering_service'
import DomainException from '#core/exceptions/domain_exception'
import NotificationService from '#core/services/notification_service'
import { todayInShanghai } from '#core/dates'

export interface LeaseFilters {
  status?: string
  q?: string
  buildingId?: number
  endingWithin?: string
}

export interface RenewalInput {
  endDate: DateTime
  monthlyRentFen: number
  depositFen: number
}

/** Days before the end of a lease when its tenant and the operators are reminded. */
export const REMINDER_DAYS = [60, 30] as const

export interface LeaseInput {
  tenantId: number
  unitIds: number[]
  startDate: DateTime
  endDate: DateTime
  monthlyRentFen: number
  depositFen: number
  activate: boolean
}

/** Statuses in which a lease occupies its units. */
const OCCUPYING = ['active', 'renewed']

/**
 * Leases and the rule that two occupying leases never overlap on one unit. The check runs inside
 * the transaction after the units' rows are locked (SELECT … FOR UPDATE on MySQL; SQLite lets one
 * writer at a time and fails a stale one), so concurrent activations cannot both pass it.
 */
export default class LeaseService {
  constructor(private audit = new AuditService()) {}

  async create(input: LeaseInput) {
    if (input.endDate <= input.startDate) {
      throw new DomainException('park.lease_dates_order', {}, { field: 'endDate' })
    }
    return db.transaction(async (trx) => {
      const lease = await Lease.create(
        {
          number: await NumberingService.next(trx, 'LS'),
          tenantId: input.tenantId,
          startDate: input.startDate,
          endDate: input.endDate,
          monthlyRentFen: input.monthlyRentFen,
          depositFen: input.depositFen,
          status: 'draft',
        },
        { client: trx }
      )
      await trx
        .table('lease_units')
        .multiInsert(input.unitIds.map((unitId) => ({ lease_id: lease.id, unit_id: unitId })))
      await this.audit.record(trx, {
        action: 'lease.created',
        subjectType: 'lease',
        subjectId: lease.id,
        after: { ...lease.serialize(), unitIds: input.unitIds },
        tenantId: lease.tenantId,
      })
      if (input.activate) await this.occupy(trx, lease, input.unitIds)
      return lease
    })
  }

  async activate(leaseId: number) {
    return db.transaction(async (trx) => {
      const lease = await Lease.query({ client: trx })
        .where('id', leaseId)
        .forUpdate()
        .firstOrFail()
      if (lease.status !== 'draft')
        throw new DomainException('park.lease_not_draft', {}, { status: 409 })
      const unitIds = (
        await trx.from('lease_units').where('lease_id', lease.id).select('unit_id')
      ).map((r) => r.unit_id)
      await this.occupy(trx, lease, unitIds)
      return lease
    })
  }

  /** Ends an occupying lease early; its units become vacant unless another lease holds them. */
  async terminate(leaseId: number) {
    return db.transaction(async (trx) => {
      const lease = await Lease.query({ client: trx })
        .where('id', leaseId)
        .forUpdate()
        .firstOrFail()
      if (!OCCUPYING.includes(lease.status))
        throw new DomainException('park.lease_not_active', {}, { status: 409 })
      const before = lease.serialize()
      lease.status = 'terminated'
      lease.terminatedOn = todayInShanghai()
      await lease.save()
      await this.releaseUnits(trx, lease.id)
      await this.audit.record(trx, {
        action: 'lease.terminated',
        subjectType: 'lease',
        subjectId: lease.id,
        before,
        after: lease.serialize(),
        tenantId: lease.tenantId,
      })
      return lease
    })
  }

  /**
   * Renews an active lease: a new active lease for the same tenant and units starts the day after
   * it ends, and the old one becomes `renewed` (it keeps its units until its own end date). The
   * unique index on `renewed_from_id` refuses a second renewal even under concurrent requests.
   */
  async renew(leaseId: number, input: RenewalInput) {
    return db.transaction(async (trx) => {
      const previous = await Lease.query({ client: trx })
        .where('id', leaseId)
        .forUpdate()
        .firstOrFail()
      if (previous.status !== 'active') {
        throw new DomainException('leases.renew_not_active', {}, { status: 409 })
      }
      const startDate = previous.endDate.plus({ days: 1 })
      if (input.endDate <= startDate) {
        throw new DomainException(
          'leases.renew_end_after',
          { date: startDate.toISODate()! },
          { field: 'endDate' }
        )
      }
      const unitIds = (
        await trx.from('lease_units').where('lease_id', previous.id).select('unit_id')
      ).map((r) => r.unit_id)
      const before = previous.serialize()
      previous.status = 'renewed'
      await previous.save()
      const renewal = await Lease.create(
        {
          number: await NumberingService.next(trx, 'LS'),
          tenantId: previous.tenantId,
          startDate,
          endDate: input.endDate,
          monthlyRentFen: input.monthlyRentFen,
          depositFen: input.depositFen,
          status: 'draft',
          renewedFromId: previous.id,
        },
        { client: trx }
      )
      await trx
        .table('lease_units')
        .multiInsert(unitIds.map((unitId) => ({ lease_id: renewal.id, unit_id: unitId })))
      await this.audit.record(trx, {
        action: 'lease.renewed',
        subjectType: 'lease',
        subjectId: previous.id,
        before,
        after: { ...previous.serialize(), renewal: renewal.number },
        tenantId: previous.tenantId,
      })
      await this.audit.record(trx, {
        action: 'lease.created',
        subjectType: 'lease',
        subjectId: renewal.id,
        after: { ...renewal.serialize(), unitIds },
        tenantId: renewal.tenantId,
      })
      await this.occupy(trx, renewal, unitIds)
      return renewal
    })
  }

  /**
   * Reminds the tenant's users and the operators 60 and 30 days before an active lease ends (a
   * lease that has been renewed needs no reminder). Each reminder goes out once per lease and
   * threshold: a late or repeated run catches up without sending anything twice.
   */
  async sendExpiryReminders(trx: TransactionClientContract, today: DateTime) {
    const horizon = today.plus({ days: Math.max(...REMINDER_DAYS) })
    const ending = await Lease.query({ client: trx })
      .where('status', 'active')
      .where('end_date', '>=', today.toISODate()!)
      .where('end_date', '<=', horizon.toISODate()!)
      .preload('tenant')
      .preload('units')
    const notifications = new NotificationService()
    let sent = 0
    for (const lease of ending) {
      const days = Math.round(lease.endDate.diff(today, 'days').days)
      const threshold = Math.min(...REMINDER_DAYS.filter((limit) => days <= limit))
      const notice = {
        kind: 'lease.expiring',
        messageKey: 'notifications.lease_expiring',
        data: {
          number: lease.number,
          endDate: lease.endDate.toISODate()!,
          days,
          tenant: lease.tenant.name,
          units: lease.units.map((u) => u.number).join(', '),
        },
        dedupeKey: `lease-expiring:${lease.id}:${threshold}`,
      }
      sent += await notifications.notifyTenant(trx, lease.tenantId, {
        ...notice,
        url: '/dashboard',
      })
      sent += await notifications.notifyOperators(trx, {
        ...notice,
        url: `/park/leases/${lease.id}`,
      })
    }
    return sent
  }

  /**
   * Marks occupying leases whose end date has passed as expired and frees their units; run daily
   * by LeaseExpiryJob. Safe to run twice: an expired lease is no longer occupying.
   */
  async expireEnded(trx: TransactionClientContract, today: DateTime) {
    // A renewed lease stays `renewed` when its term ends: its successor holds the units.
    const ended = await Lease.query({ client: trx })
      .where('status', 'active')
      .where('end_date', '<', today.toISODate()!)
    for (const lease of ended) {
      const before = lease.serialize()
      lease.status = 'expired'
      await lease.save()
      await this.releaseUnits(trx, lease.id)
      await this.audit.record(trx, {
        action: 'lease.expired',
        subjectType: 'lease',
        subjectId: lease.id,
        before,
        after: lease.serialize(),
        tenantId: lease.tenantId,
        actor: null,
      })
    }
    return ended.length
  }

  /** Units of a lease that no other occupying lease holds become vacant. */
  private async releaseUnits(trx: TransactionClientContract, leaseId: number) {
    const unitIds = (
      await trx.from('lease_units').where('lease_id', leaseId).select('unit_id')
    ).map((r) => r.unit_id)
    const today = todayInShanghai().toISODate()!
    const stillHeld = await trx
      .from('lease_units')
      .join('leases', 'leases.id', 'lease_units.lease_id')
      .whereIn('lease_units.unit_id', unitIds)
      .whereNot('leases.id', leaseId)
      .whereIn('leases.status', OCCUPYING)
      .where('leases.end_date', '>=', today)
      .select('lease_units.unit_id')
    const held = new Set(stillHeld.map((r) => r.unit_id))
    const freed = unitIds.filter((id) => !held.has(id))
    if (freed.length) await trx.from('units').whereIn('id', freed).update({ status: 'vacant' })
  }

  private async occupy(trx: TransactionClientContract, lease: Lease, unitIds: number[]) {
    const locking = trx
      .from('units')
      .whereIn('id', unitIds)
      .orderBy('id')
      .select('id', 'number', 'status')
    if (trx.dialect.name === 'mysql') locking.forUpdate()
    const units = await locking
    const unavailable = units.filter((u) => u.status === 'maintenance')
    if (unavailable.length) {
      throw new DomainException(
        'park.unit_under_maintenance',
        { units: unavailable.map((u) => u.number).join('、') },
        { field: 'unitIds' }
      )
    }
    const clashes = await trx
      .from('lease_units')
      .join('leases', 'leases.id', 'lease_units.lease_id')
      .join('units', 'units.id', 'lease_units.unit_id')
      .whereIn('lease_units.unit_id', unitIds)
      .whereIn('leases.status', OCCUPYING)
      .whereNot('leases.id', lease.id)
      .where('leases.start_date', '<=', lease.endDate.toISODate()!)
      .where('leases.end_date', '>=', lease.startDate.toISODate()!)
      .select('units.number', 'leases.number as lease_number')
    if (clashes.length) {
      throw new DomainException(
        'park.lease_overlap',
        {
          units: [...new Set(clashes.map((c) => c.number))].join('、'),
          lease: clashes[0].lease_number,
        },
        { field: 'unitIds', status: 409 }
      )
    }
    const before = lease.serialize()
    lease.useTransaction(trx)
    lease.status = 'active'
    await lease.save()
    await trx.from('units').whereIn('id', unitIds).update({ status: 'leased' })
    await this.audit.record(trx, {
      action: 'lease.activated',
      subjectType: 'lease',
      subjectId: lease.id,
      before,
      after: lease.serialize(),
      tenantId: lease.tenantId,
    })
  }

  /**
   * Leases filtered as on the list page (number or tenant name/USCC, status, building, ending
   * within N days of today); the list and its Excel export share it.
   */
  filtered(filters: LeaseFilters) {
    const query = Lease.query()
    if (filters.status) query.where('status', filters.status)
    if (filters.q) {
      const q = filters.q
      query.where((w) =>
        w
          .where('number', 'like', `%${q.toUpperCase()}%`)
          .orWhereHas('tenant', (t) =>
            t.where('name', 'like', `%${q}%`).orWhere('uscc', q.toUpperCase())
          )
      )
    }
    if (filters.buildingId) {
      const buildingId = filters.buildingId
      query.whereHas('units', (u) => u.where('building_id', buildingId))
    }
    if (filters.endingWithin) {
      const today = todayInShanghai()
      query
        .where('status', 'active')
        .where('end_date', '>=', today.toISODate()!)
        .where('end_date', '<=', today.plus({ days: Number(filters.endingWithin) }).toISODate()!)
    }
    return query
  }

  /** Units that exist, for the form's choices, with their building. */
  units() {
    return Unit.query().preload('building').orderBy('number')
  }
}
