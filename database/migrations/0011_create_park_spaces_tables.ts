import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The park and its spaces: one park profile (it feeds the public pages), buildings, and units on
 * a building's floors. Areas are square metres with two decimals.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('park_profiles', (table) => {
      table.increments('id')
      table.string('name', 200).notNullable()
      table.string('address', 300).notNullable()
      table.decimal('total_area', 12, 2).notNullable().defaultTo(0)
      table.decimal('leasable_area', 12, 2).notNullable().defaultTo(0)
      table.string('operator_name', 200).notNullable()
      table.string('supervision_phone', 40).notNullable()
      table.string('complaint_channel', 300).notNullable()
      table.string('office_hours', 100).notNullable()
      table.text('contacts').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('buildings', (table) => {
      table.increments('id')
      table.string('code', 20).notNullable().unique()
      table.string('name', 100).notNullable()
      table.integer('floors').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
    this.schema.createTable('units', (table) => {
      table.increments('id')
      table
        .integer('building_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('buildings')
        .onDelete('RESTRICT')
      table.integer('floor').notNullable()
      table.string('number', 20).notNullable()
      table.string('unit_type', 30).notNullable().index()
      table.decimal('area', 12, 2).notNullable()
      table.string('status', 20).notNullable().defaultTo('vacant').index()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['building_id', 'number'])
    })
  }

  async down() {
    this.schema.dropTable('units')
    this.schema.dropTable('buildings')
    this.schema.dropTable('park_profiles')
  }
}
