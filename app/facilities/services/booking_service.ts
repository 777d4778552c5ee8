import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditService from '#core/services/audit_service'
import NumberingService from '#core/services/numbering_service'
import NotificationService from '#core/services/notification_service'
import DomainException from '#core/exceptions/domain_exception'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import Booking from '#facilities/models/booking'
import BookingSeries, { type Occurrence } from '#facilities/models/booking_series'
import {
  HOLDING_STATUSES,
  NO_SHOW_MINUTES,
  SLOT_MINUTES,
  hoursOn,
  slotStarts,
  timeOf,
  toSqlUtc,
} from '#facilities/facilities'

export interface BookingRequest {
  facilityId: number
  tenantId: number
  userId: number
  /** Start of the booking; any zone, read in Shanghai. */
  startsAt: DateTime
  minutes: number
  purpose: string
  attendees?: number | null
}

/** Whom a state change is done by: a tenant user (cut-offs apply) or an operator. */
export interface Actor {
  id: number
  isOperator: boolean
}

/** Lease statuses in which a tenant is resident and gets the facilities' free hours. */
const LEASED = ['active', 'renewed']
/** Bookings whose free minutes are used up: holding ones, and no-shows (the room sat empty). */
const USING_FREE_HOURS = [...HOLDING_STATUSES, 'no_show']

const isUniqueViolation = (error: any) =>
  error?.code === 'ER_DUP_ENTRY' ||
  error?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
  error?.code === 'SQLITE_CONSTRAINT_UNIQUE'
const isDeadlock = (error: any) =>
  error?.code === 'ER_LOCK_DEADLOCK' || error?.code === 'ER_LOCK_WAIT_TIMEOUT'

/**
 * Bookings and their state machine (pending → approved | rejected | cancelled, also when it
 * lapses undecided; approved → checked_in | cancelled | no_show). The rules (opening hours, not in the past, length, no
 * overlap) are checked in the transaction, and the unique key of `booking_slots` makes a double
 * booking impossible even when two requests pass the checks at the same moment: the loser's
 * insert fails and becomes the translated "slot taken" message.
 */
export default class BookingService {
  constructor(
    private audit = new AuditService(),
    private clock: () => DateTime = () => DateTime.utc()
  ) {}

  /** Books one slot range for the tenant; pending when the facility needs approval. */
  async book(request: BookingRequest) {
    return this.attempt(() =>
      db.transaction(async (trx) => {
        const facility = await Facility.findOrFail(request.facilityId, { client: trx })
        return this.bookIn(trx, facility, request, null)
      })
    )
  }

  /**
   * Books the same slot weekly for `weeks` weeks. Each occurrence is booked in its own
   * transaction or refused with its reason; the series keeps what became of each.
   */
  async bookWeekly(request: BookingRequest, weeks: number) {
    const facility = await Facility.findOrFail(request.facilityId)
    const series = await db.transaction(async (trx) =>
      BookingSeries.create(
        {
          facilityId: facility.id,
          tenantId: request.tenantId,
          requestedBy: request.userId,
          weeks,
          outcome: '[]',
        },
        { client: trx }
      )
    )
    const outcome: Occurrence[] = []
    const first = request.startsAt.setZone(ZONE)
    for (let week = 0; week < weeks; week++) {
      const startsAt = first.plus({ weeks: week })
      const occurrence: Occurrence = {
        startsAt: startsAt.toISO()!,
        endsAt: startsAt.plus({ minutes: request.minutes }).toISO()!,
      }
      try {
        const booking = await this.attempt(() =>
          db.transaction((trx) => this.bookIn(trx, facility, { ...request, startsAt }, series.id))
        )
        occurrence.bookingId = booking.id
        occurrence.number = booking.number
      } catch (error) {
        if (!(error instanceof DomainException)) throw error
        occurrence.reason = error.message
        occurrence.reasonData = error.data
      }
      outcome.push(occurrence)
    }
    await db.transaction(async (trx) => {
      series.useTransaction(trx)
      series.outcome = JSON.stringify(outcome)
      await series.save()
      await this.audit.record(trx, {
        action: 'booking_series.requested',
        subjectType: 'booking_series',
        subjectId: series.id,
        after: {
          facilityId: facility.id,
          weeks,
          booked: outcome.filter((o) => o.bookingId).map((o) => o.number),
          refused: outcome.filter((o) => !o.bookingId).map((o) => o.startsAt),
        },
        tenantId: request.tenantId,
      })
    })
    return series
  }

  /** The rules a slot range must meet before any row is looked at. */
  checkRules(facility: Facility, startsAt: DateTime, minutes: number) {
    const field = { field: 'startTime' }
    if (!facility.bookable) throw new DomainException('facilities.not_bookable', {}, field)
    const start = startsAt.setZone(ZONE)
    if (!start.isValid) throw new DomainException('facilities.invalid_time', {}, field)
    if (
      start.second !== 0 ||
      start.millisecond !== 0 ||
      start.minute % SLOT_MINUTES !== 0 ||
      minutes % SLOT_MINUTES !== 0
    ) {
      throw new DomainException('facilities.slot_grid', { minutes: SLOT_MINUTES }, field)
    }
    if (minutes < facility.minMinutes) {
      throw new DomainException(
        'facilities.too_short',
        { minutes: facility.minMinutes },
        { field: 'minutes' }
      )
    }
    if (minutes > facility.maxMinutes) {
      throw new DomainException(
        'facilities.too_long',
        { minutes: facility.maxMinutes },
        { field: 'minutes' }
      )
    }
    if (start <= this.clock()) throw new DomainException('facilities.in_past', {}, field)
    const hours = hoursOn(facility.hours, start)
    if (!hours) throw new DomainException('facilities.closed_day', {}, field)
    const from = start.hour * 60 + start.minute
    if (from < hours.open || from + minutes > hours.close) {
      throw new DomainException(
        'facilities.outside_hours',
        { open: timeOf(hours.open), close: timeOf(hours.close) },
        field
      )
    }
  }

  private async bookIn(
    trx: TransactionClientContract,
    facility: Facility,
    request: BookingRequest,
    seriesId: number | null
  ) {
    // One tenant's bookings are made one at a time, so two of them cannot spend the same free hours.
    const tenantLock = trx.from('tenants').where('id', request.tenantId).select('id')
    if (trx.dialect.name === 'mysql') tenantLock.forUpdate()
    if (!(await tenantLock.first())) throw new DomainException('facilities.no_tenant', {}, {})

    const startsAt = request.startsAt.setZone(ZONE)
    this.checkRules(facility, startsAt, request.minutes)
    const endsAt = startsAt.plus({ minutes: request.minutes })
    const slots = slotStarts(startsAt, endsAt)
    await this.assertFree(trx, facility.id, slots)

    const month = startsAt.toFormat('yyyy-MM')
    const free = await this.freeMinutesLeft(trx, facility, request.tenantId, startsAt)
    const freeMinutes = Math.min(request.minutes, free)
    const billableMinutes = request.minutes - freeMinutes
    const booking = await Booking.create(
      {
        number: await NumberingService.next(trx, 'BK'),
        facilityId: facility.id,
        tenantId: request.tenantId,
        bookedBy: request.userId,
        seriesId,
        startsAt: startsAt.toUTC(),
        endsAt: endsAt.toUTC(),
        minutes: request.minutes,
        month,
        purpose: request.purpose,
        attendees: request.attendees ?? null,
        status: facility.needsApproval ? 'pending' : 'approved',
        freeMinutes,
        billableMinutes,
        billableAmountFen: Math.round((billableMinutes * facility.pricePerHourFen) / 60),
      },
      { client: trx }
    )
    await trx.table('booking_slots').multiInsert(
      slots.map((slot) => ({
        facility_id: facility.id,
        slot_start: toSqlUtc(slot),
        booking_id: booking.id,
        block_id: null,
      }))
    )
    await this.audit.record(trx, {
      action: 'booking.created',
      subjectType: 'booking',
      subjectId: booking.id,
      after: booking.serialize(),
      tenantId: booking.tenantId,
    })
    if (booking.status === 'pending') {
      await new NotificationService().notifyOperators(trx, {
        kind: 'booking.pending',
        messageKey: 'facilities.notice_pending',
        data: { number: booking.number, facility: facility.name },
        url: `/bookings/${booking.id}`,
        dedupeKey: `booking-pending:${booking.id}`,
      })
    }
    return booking
  }

  /** A friendly refusal when a slot is already held; the unique key still decides under a race. */
  private async assertFree(trx: TransactionClientContract, facilityId: number, slots: DateTime[]) {
    const held = await trx
      .from('booking_slots')
      .leftJoin('facility_blocks', 'facility_blocks.id', 'booking_slots.block_id')
      .where('booking_slots.facility_id', facilityId)
      .whereIn('booking_slots.slot_start', slots.map(toSqlUtc))
      .select('booking_slots.block_id', 'facility_blocks.reason')
    const block = held.find((row) => row.block_id)
    if (block) {
      throw new DomainException(
        'facilities.blocked',
        { reason: block.reason },
        { field: 'startTime', status: 409 }
      )
    }
    if (held.length) {
      throw new DomainException('facilities.slot_taken', {}, { field: 'startTime', status: 409 })
    }
  }

  /**
   * Free minutes the tenant still has on this facility in the booking's month: the facility's
   * free hours for each lease of the tenant in force that day, less what its bookings that
   * month already use.
   */
  async freeMinutesLeft(
    trx: TransactionClientContract,
    facility: Facility,
    tenantId: number,
    startsAt: DateTime
  ) {
    if (facility.freeHoursPerMonth <= 0) return 0
    const day = startsAt.setZone(ZONE).toISODate()!
    const leases = await trx
      .from('leases')
      .where('tenant_id', tenantId)
      .whereIn('status', LEASED)
      .where('start_date', '<=', day)
      .where('end_date', '>=', day)
      .count('* as total')
      .first()
    const allowance = facility.freeHoursPerMonth * 60 * Number(leases?.total ?? 0)
    if (!allowance) return 0
    const used = await trx
      .from('bookings')
      .where({
        tenant_id: tenantId,
        facility_id: facility.id,
        month: startsAt.setZone(ZONE).toFormat('yyyy-MM'),
      })
      .whereIn('status', USING_FREE_HOURS)
      .sum('free_minutes as total')
      .first()
    return Math.max(0, allowance - Number(used?.total ?? 0))
  }

  /** The tenant cancels up to the facility's cut-off before the start; operators at any time before it ends. */
  async cancel(bookingId: number, actor: Actor, reason?: string | null) {
    return db.transaction(async (trx) => {
      const booking = await this.lock(trx, bookingId)
      if (!['pending', 'approved'].includes(booking.status)) {
        throw new DomainException('facilities.cannot_cancel', {}, { status: 409 })
      }
      const facility = await Facility.findOrFail(booking.facilityId, { client: trx })
      const now = this.clock()
      if (!actor.isOperator) {
        const deadline = booking.startsAt.minus({ hours: facility.cancelCutoffHours })
        if (now > deadline) {
          throw new DomainException(
            'facilities.cancel_too_late',
            {
              hours: facility.cancelCutoffHours,
              deadline: deadline.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm'),
            },
            { status: 409 }
          )
        }
      } else if (now >= booking.endsAt) {
        throw new DomainException('facilities.cannot_cancel', {}, { status: 409 })
      }
      await this.release(trx, booking, 'cancelled', 'booking.cancelled', {
        cancelledAt: now,
        decisionReason: reason ?? booking.decisionReason,
      })
      return booking
    })
  }

  /** An operator approves a pending booking before it starts. */
  async approve(bookingId: number, actor: Actor) {
    return db.transaction(async (trx) => {
      const booking = await this.lock(trx, bookingId)
      if (booking.status !== 'pending') {
        throw new DomainException('facilities.not_pending', {}, { status: 409 })
      }
      if (booking.startsAt <= this.clock()) {
        throw new DomainException('facilities.already_started', {}, { status: 409 })
      }
      const before = booking.serialize()
      booking.status = 'approved'
      booking.decidedBy = actor.id
      booking.decidedAt = this.clock()
      await booking.save()
      await this.audit.record(trx, {
        action: 'booking.approved',
        subjectType: 'booking',
        subjectId: booking.id,
        before,
        after: booking.serialize(),
        tenantId: booking.tenantId,
      })
      await this.notifyTenant(trx, booking, 'approved')
      return booking
    })
  }

  /** An operator rejects a pending booking with a reason the tenant sees; its slots are freed. */
  async reject(bookingId: number, actor: Actor, reason: string) {
    return db.transaction(async (trx) => {
      const booking = await this.lock(trx, bookingId)
      if (booking.status !== 'pending') {
        throw new DomainException('facilities.not_pending', {}, { status: 409 })
      }
      await this.release(trx, booking, 'rejected', 'booking.rejected', {
        decidedBy: actor.id,
        decidedAt: this.clock(),
        decisionReason: reason,
      })
      await this.notifyTenant(trx, booking, 'rejected')
      return booking
    })
  }

  /** Check-in is open from 15 minutes before the start until the end of an approved booking. */
  async checkIn(bookingId: number) {
    return db.transaction(async (trx) => {
      const booking = await this.lock(trx, bookingId)
      if (booking.status !== 'approved') {
        throw new DomainException('facilities.cannot_check_in', {}, { status: 409 })
      }
      const now = this.clock()
      const opens = booking.startsAt.minus({ minutes: NO_SHOW_MINUTES })
      if (now < opens || now >= booking.endsAt) {
        throw new DomainException(
          'facilities.check_in_window',
          {
            from: opens.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm'),
            to: booking.endsAt.setZone(ZONE).toFormat('HH:mm'),
          },
          { status: 409 }
        )
      }
      const before = booking.serialize()
      booking.status = 'checked_in'
      booking.checkedInAt = now
      await booking.save()
      await this.audit.record(trx, {
        action: 'booking.checked_in',
        subjectType: 'booking',
        subjectId: booking.id,
        before,
        after: booking.serialize(),
        tenantId: booking.tenantId,
      })
      return booking
    })
  }

  /**
   * Approved bookings nobody checked in to 15 minutes after their start become no-shows and
   * free their remaining slots. Run by BookingNoShowJob; a second run finds nothing left to do.
   */
  async releaseNoShows(trx: TransactionClientContract, now: DateTime) {
    const late = await Booking.query({ client: trx })
      .where('status', 'approved')
      .where('starts_at', '<=', toSqlUtc(now.minus({ minutes: NO_SHOW_MINUTES })))
      .orderBy('id')
    let released = 0
    for (const booking of late) {
      // Re-read under the row lock: a check-in may have arrived since the list was read.
      const current = await this.lock(trx, booking.id)
      if (current.status !== 'approved') continue
      await this.release(trx, current, 'no_show', 'booking.no_show', { releasedAt: now }, null)
      released++
    }
    return released
  }

  /**
   * Pending bookings nobody decided on before their start lapse: they become cancelled and free
   * their slots, so they stop waiting in the operators' queue. Run with the no-show release.
   */
  async lapseUndecided(trx: TransactionClientContract, now: DateTime) {
    const undecided = await Booking.query({ client: trx })
      .where('status', 'pending')
      .where('starts_at', '<=', toSqlUtc(now))
      .orderBy('id')
    let lapsed = 0
    for (const booking of undecided) {
      const current = await this.lock(trx, booking.id)
      if (current.status !== 'pending') continue
      await this.release(
        trx,
        current,
        'cancelled',
        'booking.lapsed',
        { cancelledAt: now, releasedAt: now },
        null
      )
      lapsed++
    }
    return lapsed
  }

  private async release(
    trx: TransactionClientContract,
    booking: Booking,
    status: Booking['status'],
    action: string,
    changes: Partial<Booking>,
    actor?: null
  ) {
    const before = booking.serialize()
    booking.merge({ ...changes, status })
    await booking.save()
    await trx.from('booking_slots').where('booking_id', booking.id).delete()
    await this.audit.record(trx, {
      action,
      subjectType: 'booking',
      subjectId: booking.id,
      before,
      after: booking.serialize(),
      tenantId: booking.tenantId,
      ...(actor === null ? { actor: null } : {}),
    })
  }

  private async notifyTenant(
    trx: TransactionClientContract,
    booking: Booking,
    outcome: 'approved' | 'rejected'
  ) {
    await new NotificationService().notifyTenant(trx, booking.tenantId, {
      kind: `booking.${outcome}`,
      messageKey: `facilities.notice_${outcome}`,
      data: { number: booking.number },
      url: `/bookings/${booking.id}`,
      dedupeKey: `booking-${outcome}:${booking.id}`,
    })
  }

  private lock(trx: TransactionClientContract, bookingId: number) {
    return Booking.query({ client: trx }).where('id', bookingId).forUpdate().firstOrFail()
  }

  /** A lost race on the slots' unique key is "slot taken", never a 500; a deadlock is retried. */
  private async attempt<T>(work: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await work()
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainException(
            'facilities.slot_taken',
            {},
            { field: 'startTime', status: 409 }
          )
        }
        if (isDeadlock(error) && tries < 5) continue
        throw error
      }
    }
  }
}
