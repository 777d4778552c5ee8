import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { BookingSerySchema } from '#database/schema'
import Facility from '#facilities/models/facility'

/** What became of one occurrence of a weekly series: booked (with its booking) or refused (why). */
export interface Occurrence {
  startsAt: string
  endsAt: string
  bookingId?: number
  number?: string
  reason?: string
  reasonData?: Record<string, unknown>
}

/** A weekly series a tenant asked for at once, with the outcome of each occurrence. */
export default class BookingSeries extends BookingSerySchema {
  @belongsTo(() => Facility)
  declare facility: BelongsTo<typeof Facility>

  get occurrences(): Occurrence[] {
    return JSON.parse(this.outcome || '[]')
  }
}
