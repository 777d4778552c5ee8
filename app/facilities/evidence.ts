import { linkTo, periodInstants, register, rowsOf } from '#core/evidence'

// GB/T 39678 5.4 (8.1.4), 6.10 (8.2.10): the facility register.
register(['5.4', '6.10'], {
  key: 'facilities.register',
  title: 'evidence.providers.facilities_register',
  async provide(_period, client) {
    const row = await client.from('facilities').count('* as n').first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'facilities.register',
      summary: { key: 'evidence.summaries.facilities_register', params: { count } },
      count,
      link: linkTo('facilities.index'),
      columns: ['id', 'name', 'facility_type', 'location', 'capacity'],
      rows: rowsOf(
        () => client.from('facilities'),
        ['id', 'name', 'facility_type', 'location', 'capacity']
      ),
    }
  },
})

// GB/T 39678 5.4, 6.10: the facilities in use — bookings starting in the period.
register(['5.4', '6.10'], {
  key: 'facilities.bookings',
  title: 'evidence.providers.facilities_bookings',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const inPeriod = () =>
      client.from('bookings').where('starts_at', '>=', start).where('starts_at', '<', end)
    const row = await inPeriod().count('* as n').first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'facilities.bookings',
      summary: { key: 'evidence.summaries.facilities_bookings', params: { count } },
      count,
      link: linkTo('bookings.list'),
      columns: ['id', 'number', 'facility_id', 'tenant_id', 'starts_at', 'ends_at', 'status'],
      rows: rowsOf(
        () => inPeriod(),
        ['id', 'number', 'facility_id', 'tenant_id', 'starts_at', 'ends_at', 'status']
      ),
    }
  },
})
