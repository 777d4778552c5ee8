import { DateTime } from 'luxon'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { ComplaintSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import Department from '#core/models/department'
import ComplaintCategory from '#complaints/models/complaint_category'
import ComplaintEvent from '#complaints/models/complaint_event'
import { CLOCK_RUNNING, type ComplaintStatus } from '#complaints/workflow'

/** A complaint case: its acceptance number, promised deadline, handling and the complainant's verdict. */
export default class Complaint extends ComplaintSchema {
  declare status: ComplaintStatus

  @column({ consume: (value) => (value === null ? null : Boolean(value)) })
  declare resolvedOnTime: boolean | null

  // DECIMAL comes back as a string from MySQL.
  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare handlingWorkingDays: number | null

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => ComplaintCategory, { foreignKey: 'categoryId' })
  declare category: BelongsTo<typeof ComplaintCategory>

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  @belongsTo(() => User, { foreignKey: 'handlerId' })
  declare handler: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'callbackBy' })
  declare callbackUser: BelongsTo<typeof User>

  @hasMany(() => ComplaintEvent)
  declare events: HasMany<typeof ComplaintEvent>

  /** The clock runs and the promised deadline has passed. */
  get isOverdue() {
    return CLOCK_RUNNING.includes(this.status) && this.dueAt < DateTime.utc()
  }

  /** Closed and declined cases are archives: nothing about their handling changes any more. */
  get isArchived() {
    return this.status === 'closed' || this.status === 'declined'
  }

  /** The last four digits of the complainant's phone, the public lookup's second key. */
  get phoneLast4() {
    return this.complainantPhone.replace(/\D/g, '').slice(-4)
  }
}
