import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Receipts name their declaration by message type and document number, across tenants (the
 * receipt's party codes tell two tenants with the same number apart): the unique index leads with
 * tenant_id, so without this one every chunk of receipts scanned the whole table.
 */
export default class extends BaseSchema {
  protected tableName = 'sw_declarations'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['message_type', 'doc_no'], 'sw_declarations_type_doc_index')
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['message_type', 'doc_no'], 'sw_declarations_type_doc_index')
    })
  }
}
