import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'attachments'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('owner_type', 60).notNullable()
      table.string('owner_id', 40).notNullable()
      table.integer('tenant_id').unsigned().nullable().index()
      table.string('storage_key', 255).notNullable().unique()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 120).notNullable()
      table.integer('size').unsigned().notNullable()
      table.string('sha256', 64).notNullable()
      table.integer('uploaded_by').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.index(['owner_type', 'owner_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
