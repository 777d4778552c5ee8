import { linkTo, register, rowsOf } from '#core/evidence'

/** Tenants counted as in the park (GB/T 39678 5.3.1: room for 15 or more e-commerce tenants). */
const IN_PARK = ['admitted', 'resident']

// GB/T 39678 5.1.2 (8.1.1): the departments and their published responsibilities.
register(['5.1.2'], {
  key: 'park.departments',
  title: 'evidence.providers.park_departments',
  async provide(_period, client) {
    const row = await client.from('departments').count('* as n').first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'park.departments',
      summary: { key: 'evidence.summaries.park_departments', params: { count } },
      count,
      link: linkTo('departments.public'),
      columns: ['id', 'name', 'responsibilities'],
      rows: rowsOf(() => client.from('departments'), ['id', 'name', 'responsibilities']),
    }
  },
})

// GB/T 39678 5.3.1 (8.1.3.1): the tenants in the park at the end of the period.
register(['5.3.1'], {
  key: 'park.tenants',
  title: 'evidence.providers.park_tenants',
  async provide(period, client) {
    const row = await client
      .from('tenants')
      .whereIn('status', IN_PARK)
      .where('created_at', '<', `${period.to} 23:59:59`)
      .count('* as n')
      .first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'park.tenants',
      summary: { key: 'evidence.summaries.park_tenants', params: { count, minimum: 15 } },
      count,
      link: linkTo('park.tenants.index'),
      columns: ['id', 'name', 'uscc', 'status'],
      rows: rowsOf(
        () =>
          client
            .from('tenants')
            .whereIn('status', IN_PARK)
            .where('created_at', '<', `${period.to} 23:59:59`),
        ['id', 'name', 'uscc', 'status']
      ),
    }
  },
})

// GB/T 39678 5.5.4, 8.1.5.2: the statistics system — units, leases and occupancy it is kept from.
register(['5.5.4', '8.1.5.2'], {
  key: 'park.statistics',
  title: 'evidence.providers.park_statistics',
  async provide(period, client) {
    const [units, leases, tenants] = await Promise.all([
      client.from('units').count('* as n').first(),
      client
        .from('leases')
        .where('start_date', '<=', period.to)
        .where('end_date', '>=', period.from)
        .whereNot('status', 'draft')
        .count('* as n')
        .first(),
      client.from('tenants').whereIn('status', IN_PARK).count('* as n').first(),
    ])
    const count = Number(leases?.n ?? 0)
    return {
      provider: 'park.statistics',
      summary: {
        key: 'evidence.summaries.park_statistics',
        params: { units: Number(units?.n ?? 0), leases: count, tenants: Number(tenants?.n ?? 0) },
      },
      count,
      link: linkTo('park.statistics.show'),
      columns: ['id', 'number', 'tenant_id', 'start_date', 'end_date', 'status'],
      rows: rowsOf(
        () =>
          client
            .from('leases')
            .where('start_date', '<=', period.to)
            .where('end_date', '>=', period.from)
            .whereNot('status', 'draft'),
        ['id', 'number', 'tenant_id', 'start_date', 'end_date', 'status']
      ),
    }
  },
})
