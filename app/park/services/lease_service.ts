import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Lease from '#park/models/lease'
import Unit from '#park/models/unit'
import AuditService from '#core/services/audit_service'
import NumberingService from '#core/services/numbering_service'
import DomainException from '#core/exceptions/domain_exception'

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
      lease.terminatedOn = DateTime.now().setZone('Asia/Shanghai').startOf('day')
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
   * Marks occupying leases whose end date has passed as expired and frees their units; run daily
   * by LeaseExpiryJob. Safe to run twice: an expired lease is no longer occupying.
   */
  async expireEnded(trx: TransactionClientContract, today: DateTime) {
    const ended = await Lease.query({ client: trx })
      .whereIn('status', OCCUPYING)
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
    const stillHeld = await trx
      .from('lease_units')
      .join('leases', 'leases.id', 'lease_units.lease_id')
      .whereIn('lease_units.unit_id', unitIds)
      .whereIn('leases.status', OCCUPYING)
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

  /** Units that exist, for the form's choices, with their building. */
  units() {
    return Unit.query().preload('building').orderBy('number')
  }
}
