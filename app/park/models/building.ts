import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { BuildingSchema } from '#database/schema'
import Unit from '#park/models/unit'

/** A building of the park. */
export default class Building extends BuildingSchema {
  @hasMany(() => Unit)
  declare units: HasMany<typeof Unit>
}
