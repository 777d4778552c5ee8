import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * SZDB/Z 304.1 6.2: enterprise self-registration. `pending_uscc` carries the USCC only while the
 * application is pending, so the database itself refuses a second pending application for it.
 */
export default class extends BaseSchema {
  protected tableName = 'registration_applications'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('number', 20).notNullable().unique()
      table.string('user_category', 40).notNullable()
      table.string('unit_name', 200).notNullable()
      table.string('uscc', 18).notNullable().index()
      table.string('pending_uscc', 18).nullable().unique()
      table.string('legal_representative', 100).notNullable()
      table.string('contact_person', 100).notNullable()
      table.string('mobile', 20).notNullable()
      table.string('email', 254).notNullable().index()
      table.string('password_hash').notNullable()
      table.string('status', 20).notNullable().defaultTo('pending').index()
      table.text('reject_reason').nullable()
      table.integer('reviewed_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('reviewed_at').nullable()
      table.integer('tenant_id').unsigned().nullable().references('id').inTable('tenants')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
