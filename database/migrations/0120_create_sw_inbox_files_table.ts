import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The log of receipt files read from SW_EXCHANGE_DIR/InBox (issue 6): one row per file, whether
 * it was applied and archived or moved to the FailBox with its reason. Operators list the
 * FailBox from it; the files themselves are never deleted.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sw_inbox_files', (table) => {
      table.increments('id')
      table.string('file_name', 255).notNullable()
      // Where the file is now, relative to SW_EXCHANGE_DIR (ArchiveBox/… or FailBox/…).
      table.string('stored_as', 400).notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('size').unsigned().notNullable()
      // archived | failed
      table.string('state', 20).notNullable()
      // CEB622 … or null when the file could not be read.
      table.string('message_type', 10).nullable()
      table.integer('records').unsigned().notNullable().defaultTo(0)
      // Records that changed something (a new timeline event); 0 for a receipt read twice.
      table.integer('applied').unsigned().notNullable().defaultTo(0)
      // The failure code (sw_status.fail.<code>) and its detail.
      table.string('reason_code', 40).nullable()
      table.text('reason').nullable()
      // The tenant the receipt was for, when known (a FailBox entry for an unknown declaration has none).
      table.integer('tenant_id').unsigned().nullable().references('id').inTable('tenants')
      table.timestamp('processed_at').notNullable()
      table.index(['state', 'processed_at'])
      table.index(['sha256'])
    })
  }

  async down() {
    this.schema.dropTable('sw_inbox_files')
  }
}
