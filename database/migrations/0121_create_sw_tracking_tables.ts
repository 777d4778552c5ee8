import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Logistics tracking (SZDB/Z 304.1-2018 6.6: from entering the zone to leaving it; each status
 * with its stage name, action and time) and the per-tenant API tokens warehouse scanners post
 * events with. Events carry no personal data: the public timeline shows them by waybill number.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sw_tracking_events', (table) => {
      table.increments('id')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table.string('logistics_no', 60).notNullable()
      // The sender's id of the event; the same id twice is the same event (idempotent).
      table.string('event_id', 120).notNullable()
      // entered_zone | tallied | inspected | released | left_zone | delivered
      table.string('stage', 20).notNullable()
      // The action in the sender's words (物流动作信息), e.g. "入区理货完成".
      table.string('action', 200).notNullable()
      table.timestamp('occurred_at').notNullable()
      table.string('place', 200).nullable()
      // receipt | ceb513 | scanner
      table.string('source', 20).notNullable()
      table.integer('declaration_id').unsigned().nullable()
      table.timestamp('created_at').notNullable()
      table.unique(['tenant_id', 'event_id'])
      table.index(['logistics_no', 'occurred_at'])
    })

    this.schema.createTable('sw_api_tokens', (table) => {
      table.increments('id')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table.string('name', 100).notNullable()
      // SHA-256 of the token (hex); the token itself is shown once and never stored.
      table.string('token_hash', 64).notNullable().unique()
      // The first characters, so a tenant can tell its tokens apart.
      table.string('token_prefix', 12).notNullable()
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('last_used_at').nullable()
      table.timestamp('revoked_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id'])
    })
  }

  async down() {
    this.schema.dropTable('sw_api_tokens')
    this.schema.dropTable('sw_tracking_events')
  }
}
