import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SwDeclarationLineSchema } from '#database/schema'
import SwDeclaration from '#single_window/models/sw_declaration'
import { decimalColumn } from '#single_window/decimal'

/** One goods line (gnum) of an order or inventory list; every XSD field in `fields`. */
export default class SwDeclarationLine extends SwDeclarationLineSchema {
  static table = 'sw_declaration_lines'

  @column(decimalColumn)
  declare qty: string | null
  @column(decimalColumn)
  declare price: string | null
  @column(decimalColumn)
  declare totalPrice: string | null

  @belongsTo(() => SwDeclaration, { foreignKey: 'declarationId' })
  declare declaration: BelongsTo<typeof SwDeclaration>

  get fieldData(): Record<string, string> {
    return JSON.parse(this.fields) as Record<string, string>
  }
}
