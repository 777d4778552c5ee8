import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { FaqEntrySchema } from '#database/schema'
import FaqCategory from '#complaints/models/faq_category'

/** One question and its answer in the FAQ; published entries are public. */
export default class FaqEntry extends FaqEntrySchema {
  @column({ consume: (value) => Boolean(value) })
  declare isPublished: boolean

  @column({ consume: (value) => Number(value) })
  declare viewCount: number

  @belongsTo(() => FaqCategory, { foreignKey: 'categoryId' })
  declare category: BelongsTo<typeof FaqCategory>
}
