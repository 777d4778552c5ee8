import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A tenant's request to change its identity in the register (name, USCC, legal representative),
 * waiting for an operator. `changes` holds JSON `{ field: { from, to } }`. `pending_tenant_id` and
 * `pending_uscc` are filled only while the request is pending, so the database itself refuses a
 * second pending request for one tenant and two pending requests for the same USCC.
 */
export default class extends BaseSchema {
  protected tableName = 'tenant_change_requests'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tenants')
        .onDelete('CASCADE')
      table.integer('pending_tenant_id').unsigned().nullable().unique()
      table.string('pending_uscc', 18).nullable().unique()
      table.integer('requested_by').unsigned().notNullable().references('id').inTable('users')
      table.text('changes').notNullable()
      table.string('status', 20).notNullable().defaultTo('pending').index()
      table.text('reason').nullable()
      table.integer('decided_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('decided_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
