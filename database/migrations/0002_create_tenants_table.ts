import { BaseSchema } from '@adonisjs/lucid/schema'

/** Enterprises admitted to the park. The park module adds its register fields later. */
export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('uscc', 18).notNullable().unique()
      table.string('name', 200).notNullable()
      table.string('user_category', 40).notNullable()
      table.string('legal_representative', 100).notNullable()
      table.string('contact_person', 100).notNullable()
      table.string('contact_phone', 20).notNullable()
      table.string('contact_email', 254).notNullable()
      table.string('status', 20).notNullable().defaultTo('admitted')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
