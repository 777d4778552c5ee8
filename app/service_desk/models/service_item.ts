import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ServiceItemSchema } from '#database/schema'
import Department from '#core/models/department'

/** One service of the catalogue (GB/T 39678 6), its department and its promised times. */
export default class ServiceItem extends ServiceItemSchema {
  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  /** The name in the reader's language (the Chinese name when no English one is kept). */
  label(locale: string) {
    return locale === 'en' && this.nameEn ? this.nameEn : this.name
  }

  describe(locale: string) {
    return locale === 'en' && this.descriptionEn ? this.descriptionEn : this.description
  }
}
