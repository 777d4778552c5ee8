import { BaseSchema } from '@adonisjs/lucid/schema'

/** One counter per kind and day; incremented inside the caller's transaction, so gap-free. */
export default class extends BaseSchema {
  protected tableName = 'number_sequences'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('kind', 10).notNullable()
      table.string('day', 8).notNullable()
      table.integer('last_value').notNullable().defaultTo(0)
      table.primary(['kind', 'day'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
