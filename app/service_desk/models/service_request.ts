import { DateTime } from 'luxon'
import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { ServiceRequestSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import Department from '#core/models/department'
import ServiceItem from '#service_desk/models/service_item'
import ServiceRequestEvent from '#service_desk/models/service_request_event'
import { OPEN_STATUSES, type RequestStatus } from '#service_desk/workflow'

/** A tenant's request for a catalogue service, its promised times, handling and rating. */
export default class ServiceRequest extends ServiceRequestSchema {
  declare status: RequestStatus

  @column({ consume: (value) => (value === null ? null : Boolean(value)) })
  declare completedOnTime: boolean | null

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => ServiceItem)
  declare serviceItem: BelongsTo<typeof ServiceItem>

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  @belongsTo(() => User, { foreignKey: 'assigneeId' })
  declare assignee: BelongsTo<typeof User>

  @hasMany(() => ServiceRequestEvent)
  declare events: HasMany<typeof ServiceRequestEvent>

  /** Nobody answered within the promised working hours. */
  get isResponseOverdue() {
    return this.status === 'submitted' && this.responseDueAt < DateTime.utc()
  }

  /** Still owed to the tenant after the promised completion time. */
  get isCompletionOverdue() {
    return OPEN_STATUSES.includes(this.status) && this.completionDueAt < DateTime.utc()
  }

  get isOverdue() {
    return this.isResponseOverdue || this.isCompletionOverdue
  }

  get isFinished() {
    return this.status === 'confirmed' || this.status === 'closed'
  }
}
