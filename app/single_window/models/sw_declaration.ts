import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { SwDeclarationSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import SwDeclarationLine from '#single_window/models/sw_declaration_line'
import SwDeclarationEvent from '#single_window/models/sw_declaration_event'
import SwMessage from '#single_window/models/sw_message'
import SwImportBatch from '#single_window/models/sw_import_batch'
import { decimalColumn } from '#single_window/decimal'
import type { BusinessMode, Direction, MessageType } from '#single_window/message_types'
import type { CheckProblem } from '#single_window/checks/problem'

/** One CEB document a tenant declares (order, payment, waybill, inventory list), head fields in `header`. */
export default class SwDeclaration extends SwDeclarationSchema {
  static table = 'sw_declarations'
  declare messageType: MessageType
  declare direction: Direction
  declare businessMode: BusinessMode

  @column(decimalColumn)
  declare amount: string | null

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  @belongsTo(() => SwImportBatch, { foreignKey: 'batchId' })
  declare batch: BelongsTo<typeof SwImportBatch>

  @hasMany(() => SwDeclarationLine, { foreignKey: 'declarationId' })
  declare lines: HasMany<typeof SwDeclarationLine>

  @hasMany(() => SwDeclarationEvent, { foreignKey: 'declarationId' })
  declare events: HasMany<typeof SwDeclarationEvent>

  @hasMany(() => SwMessage, { foreignKey: 'declarationId' })
  declare messages: HasMany<typeof SwMessage>

  get headerData(): Record<string, string> {
    return JSON.parse(this.header) as Record<string, string>
  }

  get checkProblems(): CheckProblem[] {
    return this.checkReport ? (JSON.parse(this.checkReport) as CheckProblem[]) : []
  }

  /** Still local (never sent): may be edited, checked and submitted. */
  get isLocal() {
    return this.status === 'draft' || this.status === 'checked'
  }
}
