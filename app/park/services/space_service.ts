import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Building from '#park/models/building'
import Unit from '#park/models/unit'
import ParkProfile from '#park/models/park_profile'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import type { UnitStatus, UnitType } from '#park/spaces'

export interface BuildingInput {
  code: string
  name: string
  floors: number
}

export interface UnitInput {
  buildingId: number
  floor: number
  number: string
  unitType: UnitType
  area: number
  status: UnitStatus
}

export type ParkProfileInput = Omit<
  ParkProfile['$attributes'],
  'id' | 'createdAt' | 'updatedAt'
> & { contacts?: string | null }

/** A floor exists in the building: up to its top floor, any basement level, never 0. */
export function floorInBuilding(building: Pick<Building, 'floors'>, floor: number) {
  return floor !== 0 && floor <= building.floors
}

/** The park's register of buildings and units, and its profile; every change audited. */
export default class SpaceService {
  constructor(private audit = new AuditService()) {}

  async createBuilding(input: BuildingInput) {
    await this.assertBuildingCodeFree(input.code)
    return db.transaction(async (trx) => {
      const building = await Building.create(input, { client: trx })
      await this.audit.record(trx, {
        action: 'building.created',
        subjectType: 'building',
        subjectId: building.id,
        after: building.serialize(),
      })
      return building
    })
  }

  async updateBuilding(building: Building, input: BuildingInput) {
    await this.assertBuildingCodeFree(input.code, building.id)
    const highest = await Unit.query().where('buildingId', building.id).max('floor as top').first()
    if (Number(highest?.$extras.top ?? 0) > input.floors) {
      throw new DomainException(
        'park.floors_below_units',
        { floor: highest!.$extras.top },
        { field: 'floors' }
      )
    }
    return this.audit.saveChanges(building, 'building.updated', 'building', (b) => b.merge(input))
  }

  async createUnit(input: UnitInput) {
    const building = await Building.findOrFail(input.buildingId)
    await this.assertUnitFits(building, input)
    return db.transaction(async (trx) => {
      await this.assertAreaWithinLeasable(trx, input.area)
      return this.insertUnit(trx, input)
    })
  }

  /** Adds a unit with its audit entry inside the caller's transaction; the caller checked it fits. */
  async insertUnit(trx: TransactionClientContract, input: UnitInput) {
    const unit = await Unit.create(input, { client: trx })
    await this.audit.record(trx, {
      action: 'unit.created',
      subjectType: 'unit',
      subjectId: unit.id,
      after: unit.serialize(),
    })
    return unit
  }

  async updateUnit(unit: Unit, input: UnitInput) {
    const building = await Building.findOrFail(input.buildingId)
    await this.assertUnitFits(building, input, unit.id)
    return this.audit.saveChanges(unit, 'unit.updated', 'unit', async (u, trx) => {
      await this.assertAreaWithinLeasable(trx, input.area, unit.id)
      u.merge(input)
    })
  }

  /** Only a vacant unit can be removed from the register. */
  async deleteUnit(unit: Unit) {
    if (unit.status !== 'vacant')
      throw new DomainException('park.unit_not_vacant', {}, { status: 409 })
    await this.audit.deleteRecord(unit, 'unit.deleted', 'unit')
  }

  /** Saves the single park profile, creating it the first time. */
  async saveProfile(input: ParkProfileInput) {
    if (input.leasableArea > input.totalArea) {
      throw new DomainException('park.leasable_above_total', {}, { field: 'leasableArea' })
    }
    const existing = await ParkProfile.first()
    if (existing)
      return this.audit.saveChanges(
        existing,
        'park.profile_updated',
        'park_profile',
        async (p, trx) => {
          await this.assertUnitsFitLeasable(trx, input.leasableArea)
          p.merge(input)
        }
      )
    return db.transaction(async (trx) => {
      await this.assertUnitsFitLeasable(trx, input.leasableArea)
      const profile = await ParkProfile.create(input, { client: trx })
      await this.audit.record(trx, {
        action: 'park.profile_created',
        subjectType: 'park_profile',
        subjectId: profile.id,
        after: profile.serialize(),
      })
      return profile
    })
  }

  /**
   * The units' areas add up to at most the park's leasable area (GB/T 39678 5.5.4 occupancy is
   * leased area over leasable area, so it can never pass 100%). The profile row is locked first,
   * so two concurrent unit changes cannot both squeeze into the last square metres.
   */
  async assertAreaWithinLeasable(
    trx: TransactionClientContract,
    addedArea: number,
    exceptUnitId?: number,
    field = 'area'
  ) {
    const profileQuery = trx.from('park_profiles').select('leasable_area').orderBy('id')
    if (trx.dialect.name === 'mysql') profileQuery.forUpdate()
    const profile = await profileQuery.first()
    if (!profile) return
    const units = trx.from('units').sum('area as total')
    if (exceptUnitId) units.whereNot('id', exceptUnitId)
    const used = Number((await units.first())?.total ?? 0)
    const leasable = Number(profile.leasable_area)
    if (used + addedArea > leasable + 0.005) {
      throw new DomainException(
        'park.units_above_leasable',
        { leasable: leasable.toFixed(2), free: Math.max(0, leasable - used).toFixed(2) },
        { field }
      )
    }
  }

  /** A profile's leasable area cannot fall below the area of the units already registered. */
  private async assertUnitsFitLeasable(trx: TransactionClientContract, leasableArea: number) {
    const used = Number((await trx.from('units').sum('area as total').first())?.total ?? 0)
    if (used > leasableArea + 0.005) {
      throw new DomainException(
        'park.leasable_below_units',
        { used: used.toFixed(2) },
        { field: 'leasableArea' }
      )
    }
  }

  private async assertBuildingCodeFree(code: string, exceptId?: number) {
    const query = Building.query().where('code', code)
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first())
      throw new DomainException('park.building_code_taken', {}, { field: 'code' })
  }

  private async assertUnitFits(building: Building, input: UnitInput, exceptId?: number) {
    if (!floorInBuilding(building, input.floor)) {
      throw new DomainException(
        'park.floor_outside_building',
        { floors: building.floors },
        { field: 'floor' }
      )
    }
    const query = Unit.query().where({ buildingId: building.id, number: input.number })
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first())
      throw new DomainException('park.unit_number_taken', {}, { field: 'number' })
  }
}
