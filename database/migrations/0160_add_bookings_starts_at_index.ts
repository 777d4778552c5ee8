import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The facilities' evidence provider (GB/T 39678 5.4, 6.10) counts and exports the bookings that
 * start in an audit's period, for every clause heatmap and evidence bundle. No index led with
 * starts_at, so each count walked the whole (facility_id, starts_at) index: ~75 ms over the
 * `large` profile's 500,000 bookings, most of the heatmap's time; with this one it is ~9 ms.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('bookings', (table) => {
      table.index(['starts_at'], 'bookings_starts_at_index')
    })
  }

  async down() {
    this.schema.alterTable('bookings', (table) => {
      table.dropIndex(['starts_at'], 'bookings_starts_at_index')
    })
  }
}
