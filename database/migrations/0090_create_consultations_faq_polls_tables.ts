import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The rest of the tenant's voice (SZDB/Z 304.1 6.9.1, 6.9.2): consultations answered within 48
 * hours, the FAQ knowledge base they feed, and opinion polls with a published response date.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('consultations', (table) => {
      table.increments('id')
      // portal (a tenant's user) or web (the public form).
      table.string('channel', 20).notNullable()
      table.string('status', 20).notNullable()
      table.integer('tenant_id').unsigned().nullable().references('id').inTable('tenants')
      table.integer('asked_by').unsigned().nullable().references('id').inTable('users')
      table.string('asker_name', 100).nullable()
      table.string('asker_phone', 20).nullable()
      table.string('asker_email', 254).nullable()
      table.string('subject', 200).notNullable()
      table.text('question').notNullable()
      table.timestamp('asked_at').notNullable()
      // 6.9.1: answered within 48 clock hours of the question.
      table.timestamp('due_at').notNullable()
      table.text('answer').nullable()
      table.timestamp('answered_at').nullable()
      table.integer('answered_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('due_soon_notified_at').nullable()
      table.timestamp('overdue_notified_at').nullable()
      table.integer('faq_entry_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'due_at'])
      table.index(['tenant_id', 'asked_at'])
      table.index(['asked_at'])
    })

    this.schema.createTable('faq_categories', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('name_en', 100).nullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('faq_entries', (table) => {
      table.increments('id')
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('faq_categories')
      table.string('question', 500).notNullable()
      table.text('answer').notNullable()
      table.boolean('is_published').notNullable().defaultTo(true)
      table.integer('view_count').notNullable().defaultTo(0)
      table
        .integer('consultation_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('consultations')
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['is_published', 'category_id'])
      table.index(['is_published', 'view_count'])
    })

    this.schema.createTable('polls', (table) => {
      table.increments('id')
      table.string('title', 200).notNullable()
      table.text('description').notNullable()
      // Shanghai calendar days, both included.
      table.date('opens_on').notNullable()
      table.date('closes_on').notNullable()
      // 6.9.2: the published response time.
      table.date('response_due_on').notNullable()
      table.text('response').nullable()
      table.timestamp('responded_at').nullable()
      table.integer('responded_by').unsigned().nullable().references('id').inTable('users')
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('poll_opinions', (table) => {
      table.increments('id')
      table.integer('poll_id').unsigned().notNullable().references('id').inTable('polls')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.text('content').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      // One opinion per tenant user and poll.
      table.unique(['poll_id', 'user_id'])
      table.index(['tenant_id'])
    })
  }

  async down() {
    this.schema.dropTable('poll_opinions')
    this.schema.dropTable('polls')
    this.schema.dropTable('faq_entries')
    this.schema.dropTable('faq_categories')
    this.schema.dropTable('consultations')
  }
}
