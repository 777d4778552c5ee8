import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The enterprise register (GB/T 39678 5.5.4, T/CDAS 6.9 statistics: enterprise types, talent,
 * intellectual property). Types and business modes hold JSON arrays of codes.
 */
export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      // VARCHAR, not TEXT: MySQL gives TEXT columns no default.
      table.string('enterprise_types', 255).notNullable().defaultTo('[]')
      table.string('business_modes', 100).notNullable().defaultTo('[]')
      table.string('industry', 100).nullable()
      table.integer('headcount').notNullable().defaultTo(0)
      table.integer('talent_bachelor_plus').notNullable().defaultTo(0)
      table.integer('talent_cbec_specialists').notNullable().defaultTo(0)
      table.integer('ip_patents').notNullable().defaultTo(0)
      table.integer('ip_trademarks').notNullable().defaultTo(0)
      table.integer('ip_software_copyrights').notNullable().defaultTo(0)
      table.date('move_in_date').nullable()
      table.date('move_out_date').nullable()
      table.index(['status'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['status'])
      for (const column of [
        'enterprise_types',
        'business_modes',
        'industry',
        'headcount',
        'talent_bachelor_plus',
        'talent_cbec_specialists',
        'ip_patents',
        'ip_trademarks',
        'ip_software_copyrights',
        'move_in_date',
        'move_out_date',
      ]) {
        table.dropColumn(column)
      }
    })
  }
}
