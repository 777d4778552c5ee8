import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { PollOpinionSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'

/** One tenant user's opinion on a poll (one per user and poll); never shown to the public. */
export default class PollOpinion extends PollOpinionSchema {
  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
