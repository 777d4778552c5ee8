import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SwImportBatchSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'

export interface ImportProblem {
  row: number
  field: string
  /** i18n key (sw namespace) and its data; `message` is the zh-CN/en text when rendered. */
  key: string
  data?: Record<string, unknown>
  message?: string
}

export interface ImportReport {
  created: number
  errors: ImportProblem[]
}

/** One uploaded Excel/CSV file: accepted as a whole or rejected with its per-row, per-field report. */
export default class SwImportBatch extends SwImportBatchSchema {
  static table = 'sw_import_batches'

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  get reportData(): ImportReport {
    return this.report ? (JSON.parse(this.report) as ImportReport) : { created: 0, errors: [] }
  }
}
