import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import AuditService from '#core/services/audit_service'
import AttachmentService from '#core/services/attachment_service'
import DomainException from '#core/exceptions/domain_exception'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import FacilityBlock from '#facilities/models/facility_block'
import {
  SLOT_MINUTES,
  slotStarts,
  toSqlUtc,
  type FacilityType,
  type OpeningHours,
} from '#facilities/facilities'

export interface FacilityInput {
  name: string
  facilityType: FacilityType
  location: string
  capacity: number
  description?: string | null
  openingHours: OpeningHours
  needsApproval: boolean
  bookable: boolean
  freeHoursPerMonth: number
  pricePerHourFen: number
  minMinutes: number
  maxMinutes: number
  cancelCutoffHours: number
}

export interface BlockInput {
  startsAt: DateTime
  endsAt: DateTime
  reason: string
}

/** The facility register and its maintenance blocks (operators). */
export default class FacilityService {
  constructor(
    private audit = new AuditService(),
    private attachments = new AttachmentService()
  ) {}

  async create(input: FacilityInput, photos: MultipartFile[], userId?: number) {
    this.assertLengths(input)
    return db.transaction(async (trx) => {
      const facility = await Facility.create(this.columns(input), { client: trx })
      await this.storePhotos(trx, facility, photos, userId)
      await this.audit.record(trx, {
        action: 'facility.created',
        subjectType: 'facility',
        subjectId: facility.id,
        after: facility.serialize(),
      })
      return facility
    })
  }

  async update(facilityId: number, input: FacilityInput, photos: MultipartFile[], userId?: number) {
    this.assertLengths(input)
    return db.transaction(async (trx) => {
      const facility = await Facility.query({ client: trx })
        .where('id', facilityId)
        .forUpdate()
        .firstOrFail()
      const before = facility.serialize()
      facility.merge(this.columns(input))
      await facility.save()
      await this.storePhotos(trx, facility, photos, userId)
      await this.audit.record(trx, {
        action: 'facility.updated',
        subjectType: 'facility',
        subjectId: facility.id,
        before,
        after: facility.serialize(),
      })
      return facility
    })
  }

  /** Removes one photo of the facility: the row, and the stored file once that has committed. */
  async deletePhoto(facilityId: number, attachmentId: number) {
    return db.transaction(async (trx) => {
      const row = await trx
        .from('attachments')
        .where({ id: attachmentId, owner_type: 'facility', owner_id: String(facilityId) })
        .first()
      if (!row) throw new DomainException('facilities.photo_missing', {}, { status: 404 })
      await trx.from('attachments').where('id', attachmentId).delete()
      trx.after('commit', () => drive.use().delete(row.storage_key))
      await this.audit.record(trx, {
        action: 'facility.photo_deleted',
        subjectType: 'facility',
        subjectId: facilityId,
        before: { attachmentId, name: row.original_name },
      })
    })
  }

  /**
   * Takes the facility out of use for a while. The block holds its slots in `booking_slots`
   * like a booking, so it can neither overlap a booking nor be overlapped by one.
   */
  async addBlock(facilityId: number, input: BlockInput, userId?: number) {
    const start = input.startsAt.setZone(ZONE)
    const end = input.endsAt.setZone(ZONE)
    if (!start.isValid || !end.isValid) {
      throw new DomainException('facilities.block_invalid', {}, { field: 'startsAt' })
    }
    if (end <= start) throw new DomainException('facilities.block_order', {}, { field: 'endsAt' })
    if (start.minute % SLOT_MINUTES || end.minute % SLOT_MINUTES) {
      throw new DomainException(
        'facilities.slot_grid',
        { minutes: SLOT_MINUTES },
        { field: 'startsAt' }
      )
    }
    const slots = slotStarts(start, end)
    try {
      return await db.transaction(async (trx) => {
        const facility = await Facility.findOrFail(facilityId, { client: trx })
        const held = await trx
          .from('booking_slots')
          .leftJoin('bookings', 'bookings.id', 'booking_slots.booking_id')
          .where('booking_slots.facility_id', facility.id)
          .whereIn('booking_slots.slot_start', slots.map(toSqlUtc))
          .select('bookings.number', 'booking_slots.block_id')
        if (held.length) {
          const numbers = [...new Set(held.map((r) => r.number).filter(Boolean))]
          throw new DomainException(
            numbers.length ? 'facilities.block_conflict' : 'facilities.block_overlap',
            { numbers: numbers.join('、') },
            { field: 'startsAt', status: 409 }
          )
        }
        const block = await FacilityBlock.create(
          {
            facilityId: facility.id,
            startsAt: start.toUTC(),
            endsAt: end.toUTC(),
            reason: input.reason,
            createdBy: userId ?? null,
          },
          { client: trx }
        )
        await trx.table('booking_slots').multiInsert(
          slots.map((slot) => ({
            facility_id: facility.id,
            slot_start: toSqlUtc(slot),
            booking_id: null,
            block_id: block.id,
          }))
        )
        await this.audit.record(trx, {
          action: 'facility.blocked',
          subjectType: 'facility',
          subjectId: facility.id,
          after: block.serialize(),
        })
        return block
      })
    } catch (error: any) {
      if (['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(error?.code)) {
        throw new DomainException(
          'facilities.block_overlap',
          {},
          { field: 'startsAt', status: 409 }
        )
      }
      throw error
    }
  }

  async removeBlock(facilityId: number, blockId: number) {
    return db.transaction(async (trx) => {
      const block = await FacilityBlock.query({ client: trx })
        .where({ id: blockId, facilityId })
        .forUpdate()
        .firstOrFail()
      await trx.from('booking_slots').where('block_id', block.id).delete()
      await block.delete()
      await this.audit.record(trx, {
        action: 'facility.unblocked',
        subjectType: 'facility',
        subjectId: facilityId,
        before: block.serialize(),
      })
    })
  }

  photos(facilityId: number) {
    return this.attachments.forOwner('facility', facilityId)
  }

  private async storePhotos(
    trx: TransactionClientContract,
    facility: Facility,
    photos: MultipartFile[],
    userId?: number
  ) {
    for (const photo of photos) {
      await this.attachments.store(
        trx,
        photo,
        { type: 'facility', id: facility.id, tenantId: null },
        'photos',
        userId
      )
    }
  }

  private assertLengths(input: FacilityInput) {
    if (input.maxMinutes < input.minMinutes) {
      throw new DomainException('facilities.max_below_min', {}, { field: 'maxMinutes' })
    }
    for (const [day, hours] of Object.entries(input.openingHours)) {
      if (hours && hours.close <= hours.open) {
        throw new DomainException('facilities.hours_order', {}, { field: `hours.${day}.close` })
      }
    }
  }

  private columns(input: FacilityInput) {
    return {
      name: input.name,
      facilityType: input.facilityType,
      location: input.location,
      capacity: input.capacity,
      description: input.description ?? null,
      openingHours: JSON.stringify(input.openingHours),
      needsApproval: input.needsApproval,
      bookable: input.bookable,
      freeHoursPerMonth: input.freeHoursPerMonth,
      pricePerHourFen: input.pricePerHourFen,
      minMinutes: input.minMinutes,
      maxMinutes: input.maxMinutes,
      cancelCutoffHours: input.cancelCutoffHours,
    }
  }
}
