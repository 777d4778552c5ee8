import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SwMessageSchema } from '#database/schema'
import SwDeclaration from '#single_window/models/sw_declaration'

export type MessageState = 'pending' | 'written' | 'failed'

/** The transactional outbox: one generated CEB message, written to OutBox exactly once. */
export default class SwMessage extends SwMessageSchema {
  static table = 'sw_messages'
  declare state: MessageState

  @belongsTo(() => SwDeclaration, { foreignKey: 'declarationId' })
  declare declaration: BelongsTo<typeof SwDeclaration>
}
