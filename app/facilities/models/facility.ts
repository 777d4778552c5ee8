import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { FacilitySchema } from '#database/schema'
import FacilityBlock from '#facilities/models/facility_block'
import type { FacilityType, OpeningHours } from '#facilities/facilities'
import { WEEKDAYS } from '#facilities/facilities'

/** A room, area, dock or warehouse tenants book by the half hour; prices in fen. */
export default class Facility extends FacilitySchema {
  declare facilityType: FacilityType

  @column({ consume: (value) => Boolean(value) })
  declare bookable: boolean

  @column({ consume: (value) => Boolean(value) })
  declare needsApproval: boolean

  // BIGINT comes back as a string from MySQL.
  @column({ consume: (value) => Number(value) })
  declare pricePerHourFen: number

  @hasMany(() => FacilityBlock)
  declare blocks: HasMany<typeof FacilityBlock>

  /** Opening hours per weekday (Shanghai wall time); a missing day is closed. */
  get hours(): OpeningHours {
    const stored = JSON.parse(this.openingHours || '{}')
    return Object.fromEntries(WEEKDAYS.map((d) => [d, stored[d] ?? null])) as OpeningHours
  }
}
