import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained. The single
 * `audit_chain_heads` row is locked by every append so the chain stays a line under concurrency.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_logs', (table) => {
      table.bigIncrements('id')
      table.string('occurred_at', 30).notNullable().index()
      table.integer('actor_id').unsigned().nullable().index()
      table.string('actor_label', 254).nullable()
      table.string('action', 80).notNullable().index()
      table.string('subject_type', 60).notNullable()
      table.string('subject_id', 40).nullable()
      table.text('before_values').nullable()
      table.text('after_values').nullable()
      table.integer('tenant_id').unsigned().nullable().index()
      table.string('ip', 64).nullable()
      table.string('request_id', 64).nullable()
      table.string('prev_hash', 64).notNullable()
      table.string('hash', 64).notNullable().unique()
      table.index(['subject_type', 'subject_id'])
    })
    this.schema.createTable('audit_chain_heads', (table) => {
      table.integer('id').primary()
      table.bigInteger('last_id').notNullable().defaultTo(0)
      table.string('last_hash', 64).notNullable()
    })
    this.defer(async (db) => {
      await db.table('audit_chain_heads').insert({ id: 1, last_id: 0, last_hash: '0'.repeat(64) })
      const dialect = db.dialect.name
      if (dialect === 'mysql') {
        for (const op of ['UPDATE', 'DELETE']) {
          await db.rawQuery(
            `CREATE TRIGGER audit_logs_no_${op.toLowerCase()} BEFORE ${op} ON audit_logs FOR EACH ROW ` +
              `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'`
          )
        }
      } else {
        for (const op of ['UPDATE', 'DELETE']) {
          await db.rawQuery(
            `CREATE TRIGGER audit_logs_no_${op.toLowerCase()} BEFORE ${op} ON audit_logs ` +
              `BEGIN SELECT RAISE(ABORT, 'audit_logs is append-only'); END`
          )
        }
      }
    })
  }

  async down() {
    this.schema.dropTable('audit_chain_heads')
    this.schema.dropTable('audit_logs')
  }
}
