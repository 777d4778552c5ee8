import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ServiceRequestEventSchema } from '#database/schema'
import User from '#core/models/user'

/** One step in a request's history: who did what, from which state to which. */
export default class ServiceRequestEvent extends ServiceRequestEventSchema {
  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
