import { belongsTo, column, hasOne, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasOne, ManyToMany } from '@adonisjs/lucid/types/relations'
import { LeaseSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import Unit from '#park/models/unit'
import type { LeaseStatus } from '#park/spaces'

/** A tenant's lease of one or more units; rent and deposit in fen. */
export default class Lease extends LeaseSchema {
  declare status: LeaseStatus

  // BIGINT comes back as a string from MySQL.
  @column({ consume: (value) => Number(value) })
  declare monthlyRentFen: number

  @column({ consume: (value) => Number(value) })
  declare depositFen: number

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @manyToMany(() => Unit, { pivotTable: 'lease_units' })
  declare units: ManyToMany<typeof Unit>

  /** The lease this one renews, if it is a renewal. */
  @belongsTo(() => Lease, { foreignKey: 'renewedFromId' })
  declare renewedFrom: BelongsTo<typeof Lease>

  /** The renewal that continues this lease, if any. */
  @hasOne(() => Lease, { foreignKey: 'renewedFromId' })
  declare renewal: HasOne<typeof Lease>
}
