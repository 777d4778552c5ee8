import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { DateTime } from 'luxon'
import { BookingSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import Facility from '#facilities/models/facility'
import BookingSeries from '#facilities/models/booking_series'
import { utcDateTime, type BookingStatus } from '#facilities/facilities'

/** A tenant's booking of a facility for whole slots on one day; billing in fen. */
export default class Booking extends BookingSchema {
  declare status: BookingStatus

  @column(utcDateTime)
  declare startsAt: DateTime

  @column(utcDateTime)
  declare endsAt: DateTime

  @column(utcDateTime)
  declare decidedAt: DateTime | null

  @column(utcDateTime)
  declare cancelledAt: DateTime | null

  @column(utcDateTime)
  declare checkedInAt: DateTime | null

  @column(utcDateTime)
  declare releasedAt: DateTime | null

  @column({ consume: (value) => Number(value) })
  declare billableAmountFen: number

  @belongsTo(() => Facility)
  declare facility: BelongsTo<typeof Facility>

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User, { foreignKey: 'bookedBy' })
  declare booker: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'decidedBy' })
  declare decider: BelongsTo<typeof User>

  @belongsTo(() => BookingSeries, { foreignKey: 'seriesId' })
  declare series: BelongsTo<typeof BookingSeries>
}
