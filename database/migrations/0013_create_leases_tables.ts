import { BaseSchema } from '@adonisjs/lucid/schema'

/** Leases bind a tenant to units for a period; money in fen. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('leases', (table) => {
      table.increments('id')
      table.string('number', 20).notNullable().unique()
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tenants')
        .onDelete('RESTRICT')
      table.date('start_date').notNullable()
      table.date('end_date').notNullable()
      table.bigInteger('monthly_rent_fen').notNullable()
      table.bigInteger('deposit_fen').notNullable().defaultTo(0)
      table.string('status', 20).notNullable().defaultTo('draft').index()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id'])
    })
    this.schema.createTable('lease_units', (table) => {
      table
        .integer('lease_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('leases')
        .onDelete('CASCADE')
      table
        .integer('unit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('units')
        .onDelete('RESTRICT')
      table.primary(['lease_id', 'unit_id'])
      table.index(['unit_id'])
    })
  }

  async down() {
    this.schema.dropTable('lease_units')
    this.schema.dropTable('leases')
  }
}
