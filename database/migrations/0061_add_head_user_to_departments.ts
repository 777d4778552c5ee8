import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The head of a department: the operator user a complaint is escalated to when its deadline
 * passes (GB/T 39678 7.3.2, a named responsible department). Unset → the operator admins.
 */
export default class extends BaseSchema {
  /** As in 0016: SQLite's own ADD COLUMN, so knex never rebuilds a table others reference. */
  static disableTransactions = true

  private get onSqlite() {
    return this.db.dialect.name.includes('sqlite')
  }

  async up() {
    if (this.onSqlite) {
      this.schema.raw(
        'ALTER TABLE departments ADD COLUMN head_user_id INTEGER NULL REFERENCES users(id) ON DELETE SET NULL'
      )
    } else {
      this.schema.alterTable('departments', (table) => {
        table
          .integer('head_user_id')
          .unsigned()
          .nullable()
          .references('id')
          .inTable('users')
          .onDelete('SET NULL')
      })
    }
  }

  async down() {
    this.schema.alterTable('departments', (table) => {
      if (!this.onSqlite) table.dropForeign(['head_user_id'])
      table.dropColumn('head_user_id')
    })
  }
}
