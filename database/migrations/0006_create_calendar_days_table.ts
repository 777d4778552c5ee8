import { BaseSchema } from '@adonisjs/lucid/schema'

/** Days off and make-up workdays that differ from the Monday-to-Friday rule. */
export default class extends BaseSchema {
  protected tableName = 'calendar_days'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('day', 10).notNullable().unique()
      table.string('kind', 10).notNullable()
      table.string('name', 100).notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
