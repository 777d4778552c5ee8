import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { FaqCategorySchema } from '#database/schema'
import FaqEntry from '#complaints/models/faq_entry'

/** A section of the FAQ knowledge base (SZDB/Z 304.1 6.9.1: questions kept by category). */
export default class FaqCategory extends FaqCategorySchema {
  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @hasMany(() => FaqEntry, { foreignKey: 'categoryId' })
  declare entries: HasMany<typeof FaqEntry>

  label(locale: string) {
    return locale === 'en' && this.nameEn ? this.nameEn : this.name
  }
}
