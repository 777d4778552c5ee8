import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ComplaintEventSchema } from '#database/schema'
import User from '#core/models/user'

/** One step in a case's history (GB/T 39678 7.3.4): who did what, from which state to which. */
export default class ComplaintEvent extends ComplaintEventSchema {
  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
