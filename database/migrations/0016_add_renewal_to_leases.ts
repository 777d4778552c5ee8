import { BaseSchema } from '@adonisjs/lucid/schema'

/** A renewal is a new lease that continues an earlier one; the earlier one becomes `renewed`. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('leases', (table) => {
      table
        .integer('renewed_from_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('leases')
        .onDelete('RESTRICT')
      // Only one renewal per lease, whatever races the database sees.
      table.unique(['renewed_from_id'])
    })
  }

  async down() {
    this.schema.alterTable('leases', (table) => {
      table.dropUnique(['renewed_from_id'])
      table.dropForeign(['renewed_from_id'])
      table.dropColumn('renewed_from_id')
    })
  }
}
