import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * In-app notifications, one row per recipient. `dedupe_key` makes a reminder idempotent: a job
 * that runs twice (or is redelivered) cannot notify the same person about the same thing twice.
 */
export default class extends BaseSchema {
  protected tableName = 'notifications'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.integer('tenant_id').unsigned().nullable()
      table.string('kind', 60).notNullable()
      table.string('message_key', 120).notNullable()
      table.string('data', 2000).notNullable().defaultTo('{}')
      table.string('url', 500).nullable()
      table.string('dedupe_key', 190).nullable()
      table.timestamp('read_at').nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['user_id', 'dedupe_key'])
      table.index(['user_id', 'read_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
