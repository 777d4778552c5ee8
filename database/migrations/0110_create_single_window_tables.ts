import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Single window (issue 6): each tenant's single-window profile (BaseTransfer identity), the CEB
 * declarations it makes (orders, payments, waybills, inventory lists; import and export) with their
 * goods lines and receipt timeline, the transactional outbox of generated messages, and batch imports.
 * Amounts are DECIMAL(19,5) as the CEB XSDs' N19,5 (SPEC §2); status keeps the customs code as received.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('sw_profiles', (table) => {
      table.increments('id')
      table
        .integer('tenant_id')
        .unsigned()
        .notNullable()
        .unique()
        .references('id')
        .inTable('tenants')
      // 海关注册编码 (10 characters)
      table.string('customs_code', 10).notNullable()
      // BaseTransfer copCode / copName / dxpId (SPEC §2: C..18, C..100, C..30)
      table.string('cop_code', 18).notNullable()
      table.string('cop_name', 100).notNullable()
      table.string('dxp_id', 30).notNullable()
      // Comma-separated set of ebc, ebp, logistics, payment, agent.
      table.string('roles', 100).notNullable()
      // The platform the tenant sells on (ebpCode / ebpName), when it is not itself the platform.
      table.string('ebp_code', 18).nullable()
      table.string('ebp_name', 100).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('sw_import_batches', (table) => {
      table.increments('id')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table.string('message_type', 10).notNullable()
      table.string('file_name', 255).notNullable()
      table.integer('row_count').notNullable().defaultTo(0)
      // rejected | accepted
      table.string('state', 20).notNullable()
      // JSON: { errors: [{ row, field, message }], created: n }
      table.text('report', 'mediumtext').nullable()
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['tenant_id', 'created_at'])
    })

    this.schema.createTable('sw_declarations', (table) => {
      table.increments('id')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      // CEB311 / CEB411 / CEB511 / CEB621 / CEB303 / CEB505 / CEB603
      table.string('message_type', 10).notNullable()
      // import | export
      table.string('direction', 10).notNullable()
      // 9610 / 1210 / 9710 / 9810 (SPEC §8)
      table.string('business_mode', 4).notNullable()
      // The natural key of the document: orderNo (311/303), payTransactionId (411),
      // logisticsNo (511/505), copNo (621/603).
      table.string('doc_no', 80).notNullable()
      table.string('order_no', 60).nullable()
      table.string('logistics_code', 18).nullable()
      table.string('logistics_no', 60).nullable()
      // Keys a receipt may carry (CEB622/604: copNo, preNo, invtNo; CEB412: payCode + payTransactionId).
      table.string('cop_no', 20).nullable()
      table.string('pre_no', 18).nullable()
      table.string('invt_no', 20).nullable()
      table.string('buyer_id_number', 60).nullable()
      table.string('buyer_name', 60).nullable()
      // The document's amount: acturalPaid (311/303 goodsValue), amountPaid (411), freight (511/505),
      // sum of line totalPrice (621/603).
      table.decimal('amount', 19, 5).nullable()
      table.string('currency', 3).nullable()
      // JSON: every head field of the message, by XSD element name.
      table.text('header', 'mediumtext').notNullable()
      // Customs code as received ('2', '120', '800', '-301010' …) or local 'draft' / 'checked' / 'queued'.
      table.string('status', 20).notNullable()
      table.text('status_text').nullable()
      table.timestamp('status_at').nullable()
      // returnTime of the receipt applied last (C17, ms precision): receipts apply in this order.
      table.string('status_return_time', 17).nullable()
      table.string('last_guid', 36).nullable()
      // JSON: the last check run's problems [{ field, key, data, line? }] (empty = passed).
      table.text('check_report', 'mediumtext').nullable()
      table.integer('batch_id').unsigned().nullable().references('id').inTable('sw_import_batches')
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('submitted_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['tenant_id', 'message_type', 'doc_no'])
      table.index(['tenant_id', 'message_type', 'created_at'])
      table.index(['tenant_id', 'status'])
      table.index(['order_no'])
      table.index(['logistics_no'])
      table.index(['cop_no'])
      table.index(['buyer_id_number', 'message_type'])
    })

    this.schema.createTable('sw_declaration_lines', (table) => {
      table.increments('id')
      table
        .integer('declaration_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('sw_declarations')
        .onDelete('CASCADE')
      table.integer('gnum').notNullable()
      table.string('item_no', 30).nullable()
      table.string('item_name', 250).nullable()
      table.string('gcode', 10).nullable()
      table.decimal('qty', 19, 5).nullable()
      table.decimal('price', 19, 5).nullable()
      table.decimal('total_price', 19, 5).nullable()
      // JSON: every line field of the message, by XSD element name.
      table.text('fields').notNullable()
      table.unique(['declaration_id', 'gnum'])
    })

    this.schema.createTable('sw_declaration_events', (table) => {
      table.increments('id')
      table
        .integer('declaration_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('sw_declarations')
        .onDelete('CASCADE')
      // created | checked | submitted | written | receipt | tracking
      table.string('kind', 20).notNullable()
      table.string('status', 20).nullable()
      table.text('text').nullable()
      table.timestamp('occurred_at').notNullable()
      // returnTime as received (C17) for receipts, so ties and order are exact.
      table.string('return_time', 17).nullable()
      // user | system | receipt file name | simulator | scanner
      table.string('source', 255).notNullable()
      // JSON extras (tracking stage/place, receipt guid …).
      table.text('data').nullable()
      // Applying the same receipt or event twice changes nothing.
      table.string('dedupe_key', 191).notNullable().unique()
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.index(['declaration_id', 'occurred_at'])
    })

    this.schema.createTable('sw_messages', (table) => {
      table.increments('id')
      table.string('guid', 36).notNullable().unique()
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      table
        .integer('declaration_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('sw_declarations')
      table.string('message_type', 10).notNullable()
      table.text('xml', 'longtext').notNullable()
      // pending | written | failed
      table.string('state', 20).notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.timestamp('written_at').nullable()
      table.string('file_name', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['state', 'id'])
      table.index(['declaration_id'])
    })
  }

  async down() {
    this.schema.dropTable('sw_messages')
    this.schema.dropTable('sw_declaration_events')
    this.schema.dropTable('sw_declaration_lines')
    this.schema.dropTable('sw_declarations')
    this.schema.dropTable('sw_import_batches')
    this.schema.dropTable('sw_profiles')
  }
}
