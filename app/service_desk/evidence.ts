import { linkTo, periodInstants, register, rowsOf } from '#core/evidence'

// GB/T 39678 §6 services delivered: the service requests submitted in the period.
register(['6'], {
  key: 'service_desk.requests',
  title: 'evidence.providers.service_requests',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const inPeriod = () =>
      client
        .from('service_requests')
        .where('submitted_at', '>=', start)
        .where('submitted_at', '<', end)
    const row = await inPeriod()
      .count('* as n')
      .select(
        client.raw(
          "SUM(CASE WHEN status IN ('completed', 'confirmed', 'closed') THEN 1 ELSE 0 END) AS done"
        )
      )
      .first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'service_desk.requests',
      summary: {
        key: 'evidence.summaries.service_requests',
        params: { count, completed: Number(row?.done ?? 0) },
      },
      count,
      link: linkTo('service_requests.index'),
      columns: [
        'id',
        'number',
        'service_item_id',
        'tenant_id',
        'submitted_at',
        'status',
        'subject',
      ],
      rows: rowsOf(
        () => inPeriod(),
        ['id', 'number', 'service_item_id', 'tenant_id', 'submitted_at', 'status', 'subject']
      ),
    }
  },
})
