import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A tenant's documents (business licence, customs registration, import/export operator record …)
 * with their expiry. `attachment_id` is the current version's file; earlier versions stay as
 * attachments owned by the document. It is nullable only because the file is stored after the
 * row exists (the attachment names its owner): the service sets it in the same transaction.
 */
export default class extends BaseSchema {
  protected tableName = 'tenant_documents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tenants')
        .onDelete('RESTRICT')
      table.string('kind', 40).notNullable()
      table.string('title', 200).notNullable()
      table.string('document_number', 100).nullable()
      table.date('issued_on').nullable()
      table.date('expires_on').nullable()
      table
        .integer('attachment_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('attachments')
        .onDelete('RESTRICT')
      table.integer('version').unsigned().notNullable().defaultTo(1)
      table.string('note', 1000).nullable()
      table
        .integer('uploaded_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id', 'expires_on'])
      table.index(['expires_on'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
