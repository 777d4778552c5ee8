import { column } from '@adonisjs/lucid/orm'
import { ParkProfileSchema } from '#database/schema'

/** The one park this installation runs: what the public pages and reports say about it. */
export default class ParkProfile extends ParkProfileSchema {
  @column({ consume: (value) => Number(value) })
  declare totalArea: number

  @column({ consume: (value) => Number(value) })
  declare leasableArea: number
}
