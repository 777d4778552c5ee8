import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { UnitSchema } from '#database/schema'
import Building from '#park/models/building'
import type { UnitStatus, UnitType } from '#park/spaces'

/** A leasable space on a floor of a building. */
export default class Unit extends UnitSchema {
  // DECIMAL comes back as a string from MySQL and a number from SQLite.
  @column({ consume: (value) => Number(value) })
  declare area: number

  declare unitType: UnitType
  declare status: UnitStatus

  @belongsTo(() => Building)
  declare building: BelongsTo<typeof Building>
}
