import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { FacilityBlockSchema } from '#database/schema'
import { utcDateTime } from '#facilities/facilities'

/** Time an operator takes a facility out of use (maintenance, cleaning); it holds its slots. */
export default class FacilityBlock extends FacilityBlockSchema {
  @column(utcDateTime)
  declare startsAt: DateTime

  @column(utcDateTime)
  declare endsAt: DateTime
}
