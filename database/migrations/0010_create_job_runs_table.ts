import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Idempotency for queued jobs: a job claims its key here before its side effect; a second
 * delivery of the same job (BullMQ is at-least-once) finds the key and does nothing.
 */
export default class extends BaseSchema {
  protected tableName = 'job_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.string('job_name', 80).notNullable()
      table.string('idempotency_key', 191).notNullable().unique()
      table.string('status', 20).notNullable()
      table.text('result').nullable()
      table.timestamp('started_at').notNullable()
      table.timestamp('finished_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
