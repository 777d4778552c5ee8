import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Facilities the park lends out (GB/T 39678 5.4, 6.5.1, 6.10, 5.6.3.2), their maintenance
 * blocks, bookings, weekly booking series, and `booking_slots`: one row per 30-minute slot a
 * booking or block holds, unique per facility and slot start, so the database itself refuses a
 * double booking whatever the application checked before. Times are UTC `DATETIME`s.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('facilities', (table) => {
      table.increments('id')
      table.string('name', 100).notNullable().unique()
      table.string('facility_type', 30).notNullable().index()
      table.string('location', 200).notNullable()
      table.integer('capacity').unsigned().notNullable()
      table.text('description').nullable()
      // JSON: { mon: { open: '08:00', close: '18:00' } | null, … sun }, Asia/Shanghai wall time.
      table.text('opening_hours').notNullable()
      table.boolean('needs_approval').notNullable().defaultTo(false)
      table.boolean('bookable').notNullable().defaultTo(true)
      table.integer('free_hours_per_month').unsigned().notNullable().defaultTo(0)
      table.bigInteger('price_per_hour_fen').notNullable().defaultTo(0)
      table.integer('min_minutes').unsigned().notNullable().defaultTo(30)
      table.integer('max_minutes').unsigned().notNullable().defaultTo(240)
      table.integer('cancel_cutoff_hours').unsigned().notNullable().defaultTo(24)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('facility_blocks', (table) => {
      table.increments('id')
      table
        .integer('facility_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('facilities')
        .onDelete('CASCADE')
      table.dateTime('starts_at').notNullable()
      table.dateTime('ends_at').notNullable()
      table.string('reason', 200).notNullable()
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['facility_id', 'starts_at'])
    })

    this.schema.createTable('booking_series', (table) => {
      table.increments('id')
      table
        .integer('facility_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('facilities')
        .onDelete('CASCADE')
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tenants')
        .onDelete('CASCADE')
      table.integer('requested_by').unsigned().nullable().references('id').inTable('users')
      table.integer('weeks').unsigned().notNullable()
      // JSON: [{ startsAt, endsAt, bookingId?, reason? }] — what became of each occurrence.
      table.text('outcome').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id'])
    })

    this.schema.createTable('bookings', (table) => {
      table.increments('id')
      table.string('number', 20).notNullable().unique()
      table
        .integer('facility_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('facilities')
        .onDelete('CASCADE')
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tenants')
        .onDelete('CASCADE')
      table.integer('booked_by').unsigned().nullable().references('id').inTable('users')
      table
        .integer('series_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('booking_series')
        .onDelete('SET NULL')
      table.dateTime('starts_at').notNullable()
      table.dateTime('ends_at').notNullable()
      table.integer('minutes').unsigned().notNullable()
      // The Shanghai month (yyyy-MM) the free hours are counted in.
      table.string('month', 7).notNullable()
      table.string('purpose', 200).notNullable()
      table.integer('attendees').unsigned().nullable()
      table.string('status', 20).notNullable().index()
      table.integer('free_minutes').unsigned().notNullable().defaultTo(0)
      table.integer('billable_minutes').unsigned().notNullable().defaultTo(0)
      table.bigInteger('billable_amount_fen').notNullable().defaultTo(0)
      table.text('decision_reason').nullable()
      table.integer('decided_by').unsigned().nullable().references('id').inTable('users')
      table.dateTime('decided_at').nullable()
      table.dateTime('cancelled_at').nullable()
      table.dateTime('checked_in_at').nullable()
      table.dateTime('released_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['facility_id', 'starts_at'])
      table.index(['tenant_id', 'facility_id', 'month'])
      table.index(['status', 'starts_at'])
    })

    this.schema.createTable('booking_slots', (table) => {
      table
        .integer('facility_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('facilities')
        .onDelete('CASCADE')
      table.dateTime('slot_start').notNullable()
      table
        .integer('booking_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('bookings')
        .onDelete('CASCADE')
      table
        .integer('block_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('facility_blocks')
        .onDelete('CASCADE')
      table.primary(['facility_id', 'slot_start'])
      table.index(['booking_id'])
      table.index(['block_id'])
    })
  }

  async down() {
    this.schema.dropTable('booking_slots')
    this.schema.dropTable('bookings')
    this.schema.dropTable('booking_series')
    this.schema.dropTable('facility_blocks')
    this.schema.dropTable('facilities')
  }
}
