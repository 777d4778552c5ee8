import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Complaints (GB/T 39678 7.3; SZDB/Z 304.1 6.9.3): categories with their promised handling time
 * and responsible department, the cases themselves, and each case's history (every transition).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('complaint_categories', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('name_en', 100).nullable()
      // GB/T 39678 7.3.2: handled within the promised time, by a named department.
      table.integer('commitment_days').notNullable().defaultTo(5)
      table
        .integer('department_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('departments')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('complaints', (table) => {
      table.increments('id')
      table.string('number', 20).notNullable().unique()
      table.string('channel', 20).notNullable()
      table.string('status', 30).notNullable()
      table.integer('tenant_id').unsigned().nullable().references('id').inTable('tenants')
      table.integer('submitted_by').unsigned().nullable().references('id').inTable('users')
      table.integer('recorded_by').unsigned().nullable().references('id').inTable('users')
      table.string('complainant_name', 100).nullable()
      table.string('complainant_phone', 20).notNullable()
      table
        .integer('category_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('complaint_categories')
      table
        .integer('department_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('departments')
      table.string('subject', 200).notNullable()
      table.text('content').notNullable()
      table.integer('commitment_days').notNullable()
      table.timestamp('submitted_at').notNullable()
      // The Shanghai calendar day of submission: period filters and monthly counts.
      table.date('submitted_on').notNullable()
      table.timestamp('clock_started_at').notNullable()
      table.timestamp('due_at').notNullable()
      table.timestamp('paused_at').nullable()
      table.integer('paused_seconds').notNullable().defaultTo(0)
      table.timestamp('accepted_at').nullable()
      table.string('decline_reason', 1000).nullable()
      table.integer('handler_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('resolved_at').nullable()
      table.text('result').nullable()
      table.text('corrective_measures').nullable()
      table.boolean('resolved_on_time').nullable()
      table.decimal('handling_working_days', 8, 2).nullable()
      table.timestamp('closed_at').nullable()
      table.string('close_kind', 20).nullable()
      table.integer('reopen_count').notNullable().defaultTo(0)
      table.timestamp('escalated_at').nullable()
      table.timestamp('reminder_sent_at').nullable()
      table.timestamp('overdue_escalated_at').nullable()
      table.integer('satisfaction').nullable()
      table.string('feedback_comment', 1000).nullable()
      table.timestamp('feedback_at').nullable()
      table.timestamp('callback_at').nullable()
      table.integer('callback_by').unsigned().nullable().references('id').inTable('users')
      table.integer('callback_satisfaction').nullable()
      table.string('callback_note', 1000).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'due_at'])
      table.index(['submitted_on'])
      table.index(['tenant_id', 'submitted_on'])
      table.index(['category_id', 'submitted_on'])
      table.index(['department_id', 'submitted_on'])
    })

    // GB/T 39678 7.3.4: the complete handling history of every case, kept with it.
    this.schema.createTable('complaint_events', (table) => {
      table.increments('id')
      table
        .integer('complaint_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('complaints')
        .onDelete('CASCADE')
      table.string('action', 40).notNullable()
      table.string('from_status', 30).nullable()
      table.string('to_status', 30).nullable()
      table.integer('actor_id').unsigned().nullable().references('id').inTable('users')
      // 'staff' | 'complainant' | 'system'
      table.string('actor_kind', 20).notNullable()
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['complaint_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('complaint_events')
    this.schema.dropTable('complaints')
    this.schema.dropTable('complaint_categories')
  }
}
