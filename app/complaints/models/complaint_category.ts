import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ComplaintCategorySchema } from '#database/schema'
import Department from '#core/models/department'

/** A kind of complaint and its commitment: handled within N working days by one department. */
export default class ComplaintCategory extends ComplaintCategorySchema {
  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  /** The name in the reader's language (the Chinese name when no English one is kept). */
  label(locale: string) {
    return locale === 'en' && this.nameEn ? this.nameEn : this.name
  }
}
