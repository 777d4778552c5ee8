import { DateTime } from 'luxon'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ConsultationSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'

export const CONSULTATION_STATUSES = ['open', 'answered'] as const
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number]
export const CONSULTATION_CHANNELS = ['portal', 'web'] as const
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number]

/** SZDB/Z 304.1 6.9.1: an offline consultation is answered within 48 (clock) hours. */
export const ANSWER_HOURS = 48
/** Operators are warned this many hours before a consultation's answer falls due. */
export const DUE_SOON_HOURS = 6

/** A question from a tenant (portal) or the public (web form) and the park's answer. */
export default class Consultation extends ConsultationSchema {
  declare status: ConsultationStatus
  declare channel: ConsultationChannel

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User, { foreignKey: 'askedBy' })
  declare asker: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'answeredBy' })
  declare answerer: BelongsTo<typeof User>

  /** Still unanswered and the 48 hours have passed. */
  get isOverdue() {
    return this.status === 'open' && this.dueAt < DateTime.utc()
  }

  /** Answered, but after the 48 hours. */
  get answeredLate() {
    return !!this.answeredAt && this.answeredAt > this.dueAt
  }
}
