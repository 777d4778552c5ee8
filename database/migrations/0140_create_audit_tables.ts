import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The audit-evidence workspace (GB/T 39678-2020 §8 verification methods): clause catalogues,
 * audits of a period, the evidence gathered per clause (documents, on-site observations, tenant
 * confirmations, record samples), the evaluators' verdicts, findings, and the snapshot frozen at issue.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_frameworks', (table) => {
      table.increments('id')
      // e.g. 'GB/T 39678-2020'
      table.string('code', 60).notNullable().unique()
      table.string('title', 255).notNullable()
      table.string('title_en', 255).nullable()
      table.string('version', 40).notNullable()
      // Where the catalogue came from (the data file or the park's own rules).
      table.string('source', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('audit_clauses', (table) => {
      table.increments('id')
      table
        .integer('framework_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_frameworks')
        .onDelete('CASCADE')
      // '5.1.2'
      table.string('number', 30).notNullable()
      // '5', '6', '7'
      table.string('chapter', 10).notNullable()
      table.text('text_zh').notNullable()
      table.string('title_en', 255).notNullable()
      // 应 → shall, 宜 → should
      table.string('obligation', 10).notNullable()
      table.integer('parent_id').unsigned().nullable().references('id').inTable('audit_clauses')
      table.integer('position').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['framework_id', 'number'])
      table.index(['framework_id', 'position'])
    })

    // GB/T 39678 §8: each method an evaluator uses to verify a clause, and the §8 item saying so.
    this.schema.createTable('audit_clause_methods', (table) => {
      table.increments('id')
      table
        .integer('clause_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_clauses')
        .onDelete('CASCADE')
      // records | onsite | confirmation | process | assessment
      table.string('method', 20).notNullable()
      // The §8 clause, e.g. '8.1.1.2'
      table.string('verified_by', 30).notNullable()
      table.text('text_zh').nullable()
      table.unique(['clause_id', 'method', 'verified_by'])
      table.index(['method', 'clause_id'])
    })

    this.schema.createTable('audits', (table) => {
      table.increments('id')
      table
        .integer('framework_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_frameworks')
      table.string('title', 200).notNullable()
      table.date('period_from').notNullable()
      table.date('period_to').notNullable()
      // planning | fieldwork | review | issued
      table.string('state', 20).notNullable()
      table.timestamp('issued_at').nullable()
      table.integer('issued_by').unsigned().nullable().references('id').inTable('users')
      // SHA-256 over every snapshot row's hash, in id order: one value that proves the frozen set.
      table.string('snapshot_sha256', 64).nullable()
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['state', 'id'])
    })

    this.schema.createTable('audit_evaluators', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.unique(['audit_id', 'user_id'])
      table.index(['user_id'])
    })

    // Documentary evidence; audit_id null = park-wide (reused by every audit whose period it covers).
    this.schema.createTable('audit_documents', (table) => {
      table.increments('id')
      table.integer('audit_id').unsigned().nullable().references('id').inTable('audits')
      table.string('title', 200).notNullable()
      table.string('storage_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 100).notNullable()
      table.bigint('size').unsigned().notNullable()
      table.string('sha256', 64).notNullable()
      table.date('effective_on').notNullable()
      table.date('expires_on').nullable()
      table.integer('uploaded_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['audit_id'])
    })

    this.schema.createTable('audit_document_clauses', (table) => {
      table
        .integer('document_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_documents')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      table.primary(['document_id', 'clause_id'])
      table.index(['clause_id', 'document_id'])
    })

    // GB/T 39678 §8 现场查看: what the evaluator saw on site.
    this.schema.createTable('audit_observations', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      table.text('text').notNullable()
      table.date('observed_on').notNullable()
      table.string('place', 200).nullable()
      table.integer('evaluator_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['audit_id', 'clause_id'])
    })

    this.schema.createTable('audit_observation_photos', (table) => {
      table.increments('id')
      table
        .integer('observation_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_observations')
        .onDelete('CASCADE')
      table.string('storage_key', 255).notNullable()
      table.string('original_name', 255).notNullable()
      table.string('mime_type', 100).notNullable()
      table.bigint('size').unsigned().notNullable()
      table.string('sha256', 64).notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['observation_id'])
    })

    // GB/T 39678 §8 向产业园企业确认: a question put to all tenants or a seeded random sample.
    this.schema.createTable('audit_confirmations', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      table.string('question', 1000).notNullable()
      // all | sample
      table.string('audience', 10).notNullable()
      table.integer('sample_size').nullable()
      table.string('seed', 64).nullable()
      table.integer('sent_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('sent_at').notNullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['audit_id', 'clause_id'])
    })

    this.schema.createTable('audit_confirmation_recipients', (table) => {
      table.increments('id')
      table
        .integer('confirmation_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_confirmations')
        .onDelete('CASCADE')
      table.integer('tenant_id').unsigned().notNullable().references('id').inTable('tenants')
      // yes | no | null (not answered yet)
      table.string('answer', 5).nullable()
      table.string('comment', 1000).nullable()
      table.integer('answered_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('answered_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['confirmation_id', 'tenant_id'])
      table.index(['tenant_id', 'answered_at'])
    })

    // GB/T 39678 §8 过程验证 / 归档: a reproducible seeded draw of records of one kind in the period.
    this.schema.createTable('audit_samples', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      // complaints | bookings | service_requests | (later) declarations
      table.string('record_kind', 40).notNullable()
      table.string('seed', 64).notNullable()
      table.integer('size').notNullable()
      table.integer('population').notNullable()
      table.integer('drawn_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['audit_id', 'clause_id'])
    })

    this.schema.createTable('audit_sample_items', (table) => {
      table.increments('id')
      table
        .integer('sample_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audit_samples')
        .onDelete('CASCADE')
      table.integer('record_id').unsigned().notNullable()
      table.string('label', 255).notNullable()
      table.integer('position').notNullable()
      // pass | fail | null (not checked yet)
      table.string('result', 5).nullable()
      table.string('note', 1000).nullable()
      table.integer('checked_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('checked_at').nullable()
      table.unique(['sample_id', 'record_id'])
    })

    this.schema.createTable('audit_verdicts', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      // conforming | minor | major | not_applicable | not_assessed
      table.string('verdict', 20).notNullable()
      table.text('observation').nullable()
      table.integer('evaluator_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['audit_id', 'clause_id'])
    })

    this.schema.createTable('audit_findings', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().notNullable().references('id').inTable('audit_clauses')
      // minor | major (from the nonconforming verdict)
      table.string('severity', 10).notNullable()
      table.text('description').notNullable()
      table.integer('owner_user_id').unsigned().nullable().references('id').inTable('users')
      table.date('due_on').notNullable()
      // open | closed
      table.string('state', 10).notNullable()
      table.text('recheck_note').nullable()
      table.timestamp('closed_at').nullable()
      table.integer('closed_by').unsigned().nullable().references('id').inTable('users')
      table.integer('created_by').unsigned().nullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['audit_id', 'state'])
    })

    // The evidence frozen at issue: one row per item, its SHA-256 and its content as JSON.
    this.schema.createTable('audit_snapshots', (table) => {
      table.increments('id')
      table
        .integer('audit_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('audits')
        .onDelete('CASCADE')
      table.integer('clause_id').unsigned().nullable().references('id').inTable('audit_clauses')
      // document | photo | observation | confirmation | sample | verdict | finding | provider | clause_state
      table.string('kind', 30).notNullable()
      // what the row points at: 'audit_documents:12', a provider key, …
      table.string('ref', 255).notNullable()
      table.string('sha256', 64).notNullable()
      table.text('payload', 'longtext').notNullable()
      table.timestamp('created_at').notNullable()
      table.index(['audit_id', 'clause_id'])
      table.index(['audit_id', 'kind'])
    })
  }

  async down() {
    this.schema.dropTable('audit_snapshots')
    this.schema.dropTable('audit_findings')
    this.schema.dropTable('audit_verdicts')
    this.schema.dropTable('audit_sample_items')
    this.schema.dropTable('audit_samples')
    this.schema.dropTable('audit_confirmation_recipients')
    this.schema.dropTable('audit_confirmations')
    this.schema.dropTable('audit_observation_photos')
    this.schema.dropTable('audit_observations')
    this.schema.dropTable('audit_document_clauses')
    this.schema.dropTable('audit_documents')
    this.schema.dropTable('audit_evaluators')
    this.schema.dropTable('audits')
    this.schema.dropTable('audit_clause_methods')
    this.schema.dropTable('audit_clauses')
    this.schema.dropTable('audit_frameworks')
  }
}
