import { BaseSchema } from '@adonisjs/lucid/schema'

/** GB/T 39678 5.1.2: the operator's departments and their responsibilities, made public. */
export default class extends BaseSchema {
  protected tableName = 'departments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.text('responsibilities').notNullable()
      table.string('phone', 40).nullable()
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
