import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes for the register list and the park statistics (issue "Park" benchmarks, `large`
 * profile). The register sorts by name (then id) and filters on types, modes and status: one
 * index holds them all in that order, so a page's ids are found by walking the index alone, with
 * no sort (see paginate). The statistics count move-ins and move-outs per month and read only
 * the leases that touch their 24 months.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tenants', (table) => {
      table.index(
        ['name', 'id', 'enterprise_types', 'business_modes', 'status'],
        'tenants_register_list_index'
      )
      table.index(['move_in_date'])
      table.index(['move_out_date'])
    })
    this.schema.alterTable('leases', (table) => {
      table.index(['end_date', 'start_date'])
    })
  }

  async down() {
    this.schema.alterTable('leases', (table) => {
      table.dropIndex(['end_date', 'start_date'])
    })
    this.schema.alterTable('tenants', (table) => {
      table.dropIndex(['move_out_date'])
      table.dropIndex(['move_in_date'])
      table.dropIndex(
        ['name', 'id', 'enterprise_types', 'business_modes', 'status'],
        'tenants_register_list_index'
      )
    })
  }
}
