import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes for the complaint list and statistics (issue "Complaints" benchmarks, `large` profile:
 * 200,000 cases). The list sorts by submission time (then id), most often filtered by status and
 * category over a period (a range of submission times, see applyComplaintFilters): a page's ids
 * come from walking one index, with no sort (see paginate), and the unfiltered list walks the
 * second. The statistics aggregate a period's cases by status,
 * category, department, month, on-time flag, handling days and satisfaction: the third index
 * holds all of them, so the figures are read from the index alone, never from the rows.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('complaints', (table) => {
      table.index(['status', 'category_id', 'submitted_at', 'id'], 'complaints_status_list_index')
      table.index(['submitted_at', 'id'], 'complaints_list_index')
      table.index(
        [
          'submitted_at',
          'status',
          'category_id',
          'department_id',
          'resolved_on_time',
          'handling_working_days',
          'satisfaction',
          'submitted_on',
        ],
        'complaints_statistics_index'
      )
    })
  }

  async down() {
    this.schema.alterTable('complaints', (table) => {
      table.dropIndex([], 'complaints_statistics_index')
      table.dropIndex([], 'complaints_list_index')
      table.dropIndex([], 'complaints_status_list_index')
    })
  }
}
