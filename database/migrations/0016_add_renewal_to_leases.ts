import { BaseSchema } from '@adonisjs/lucid/schema'

/** A renewal is a new lease that continues an earlier one; the earlier one becomes `renewed`. */
export default class extends BaseSchema {
  /**
   * On SQLite knex changes foreign keys by rebuilding the table (copy, drop, rename). Inside a
   * transaction it cannot switch foreign keys off, and dropping `leases` would cascade into
   * `lease_units`; outside one, knex switches them off around the rebuild.
   */
  static disableTransactions = true

  private get onSqlite() {
    return this.db.dialect.name.includes('sqlite')
  }

  async up() {
    if (this.onSqlite) {
      // SQLite's own ADD COLUMN takes the reference as is: no rebuild at all.
      this.schema.raw(
        'ALTER TABLE leases ADD COLUMN renewed_from_id INTEGER NULL REFERENCES leases(id) ON DELETE RESTRICT'
      )
    } else {
      this.schema.alterTable('leases', (table) => {
        table
          .integer('renewed_from_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('leases')
          .onDelete('RESTRICT')
      })
    }
    // Only one renewal per lease, whatever races the database sees.
    this.schema.alterTable('leases', (table) => table.unique(['renewed_from_id']))
  }

  async down() {
    this.schema.alterTable('leases', (table) => {
      table.dropUnique(['renewed_from_id'])
      if (!this.onSqlite) table.dropForeign(['renewed_from_id'])
      table.dropColumn('renewed_from_id')
    })
  }
}
