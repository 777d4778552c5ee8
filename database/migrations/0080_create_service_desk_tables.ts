import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The service catalogue and service requests (GB/T 39678 6: the services a park provides;
 * 7.1: services delivered within promised times and recorded): the catalogue with each service's
 * responsible department and promises, the requests tenants file, and each request's history.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('service_items', (table) => {
      table.increments('id')
      table.string('code', 40).notNullable().unique()
      // The clause of GB/T 39678 the service comes from, e.g. "6.2".
      table.string('clause', 20).nullable()
      table.string('name', 100).notNullable().unique()
      table.string('name_en', 100).nullable()
      table.text('description').notNullable()
      table.text('description_en').nullable()
      table
        .integer('department_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('departments')
      // Promised first response, in working hours; promised completion, in working days.
      table.integer('response_hours').notNullable()
      table.integer('completion_days').notNullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.integer('sort_order').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('service_requests', (table) => {
      table.increments('id')
      table.string('number', 20).notNullable().unique()
      table
        .integer('service_item_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('service_items')
      table
        .integer('department_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('departments')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table.integer('submitted_by').unsigned().nullable().references('id').inTable('users')
      table.string('subject', 200).notNullable()
      table.text('details').notNullable()
      table.string('status', 20).notNullable()
      table.integer('assignee_id').unsigned().nullable().references('id').inTable('users')
      // The promises copied from the catalogue when filed: later edits do not move them.
      table.integer('response_hours').notNullable()
      table.integer('completion_days').notNullable()
      table.timestamp('submitted_at').notNullable()
      table.timestamp('response_due_at').notNullable()
      table.timestamp('completion_due_at').notNullable()
      table.timestamp('responded_at').nullable()
      table.timestamp('completed_at').nullable()
      table.text('result').nullable()
      table.boolean('completed_on_time').nullable()
      table.integer('rating').nullable()
      table.string('rating_comment', 1000).nullable()
      table.timestamp('confirmed_at').nullable()
      table.timestamp('closed_at').nullable()
      table.integer('reopen_count').notNullable().defaultTo(0)
      table.timestamp('response_escalated_at').nullable()
      table.timestamp('completion_escalated_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['status', 'completion_due_at'])
      table.index(['tenant_id', 'submitted_at'])
      table.index(['service_item_id', 'submitted_at'])
      table.index(['assignee_id', 'status'])
    })

    this.schema.createTable('service_request_events', (table) => {
      table.increments('id')
      table
        .integer('service_request_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('service_requests')
        .onDelete('CASCADE')
      table.string('action', 40).notNullable()
      table.string('from_status', 20).nullable()
      table.string('to_status', 20).nullable()
      table.integer('actor_id').unsigned().nullable().references('id').inTable('users')
      // 'staff' | 'tenant' | 'system'
      table.string('actor_kind', 20).notNullable()
      table.text('note').nullable()
      table.timestamp('created_at').notNullable()
      table.index(['service_request_id', 'id'])
    })
  }

  async down() {
    this.schema.dropTable('service_request_events')
    this.schema.dropTable('service_requests')
    this.schema.dropTable('service_items')
  }
}
