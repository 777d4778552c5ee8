import { BaseSchema } from '@adonisjs/lucid/schema'

/** The day a lease was ended early, so occupancy can be computed for any past date. */
export default class extends BaseSchema {
  protected tableName = 'leases'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.date('terminated_on').nullable()
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropColumn('terminated_on')
    })
  }
}
