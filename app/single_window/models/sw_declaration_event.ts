import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SwDeclarationEventSchema } from '#database/schema'
import SwDeclaration from '#single_window/models/sw_declaration'

export type EventKind = 'created' | 'checked' | 'submitted' | 'written' | 'receipt' | 'tracking'

/** One step on a declaration's timeline; `dedupe_key` makes applying it twice a no-op. */
export default class SwDeclarationEvent extends SwDeclarationEventSchema {
  static table = 'sw_declaration_events'
  declare kind: EventKind

  @belongsTo(() => SwDeclaration, { foreignKey: 'declarationId' })
  declare declaration: BelongsTo<typeof SwDeclaration>

  get dataObject(): Record<string, unknown> {
    return this.data ? (JSON.parse(this.data) as Record<string, unknown>) : {}
  }
}
