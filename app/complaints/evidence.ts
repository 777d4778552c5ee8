import { linkTo, periodInstants, register, rowsOf } from '#core/evidence'

// GB/T 39678 7.3 (7.3.4 the complaint archive), 8.3.3, 7.1.2: the complaints submitted in the period.
register(['7.3', '8.3.3', '7.1.2'], {
  key: 'complaints.archive',
  title: 'evidence.providers.complaints_archive',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const inPeriod = () =>
      client.from('complaints').where('submitted_at', '>=', start).where('submitted_at', '<', end)
    const row = await inPeriod()
      .count('* as n')
      .select(
        client.raw("SUM(CASE WHEN status IN ('closed', 'declined') THEN 1 ELSE 0 END) AS archived")
      )
      .select(client.raw('SUM(CASE WHEN resolved_on_time = 1 THEN 1 ELSE 0 END) AS on_time'))
      .first()
    const count = Number(row?.n ?? 0)
    return {
      provider: 'complaints.archive',
      summary: {
        key: 'evidence.summaries.complaints_archive',
        params: { count, archived: Number(row?.archived ?? 0), onTime: Number(row?.on_time ?? 0) },
      },
      count,
      link: linkTo('complaints.index', {}, { qs: { from: period.from, to: period.to } }),
      columns: [
        'id',
        'number',
        'submitted_at',
        'status',
        'subject',
        'resolved_on_time',
        'closed_at',
      ],
      rows: rowsOf(
        () => inPeriod(),
        ['id', 'number', 'submitted_at', 'status', 'subject', 'resolved_on_time', 'closed_at']
      ),
    }
  },
})

// GB/T 39678 7.1.3: opinions collected — consultations asked, poll opinions given, satisfaction ratings.
register(['7.1.3'], {
  key: 'complaints.feedback',
  title: 'evidence.providers.complaints_feedback',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const [consultations, opinions, rated] = await Promise.all([
      client
        .from('consultations')
        .where('asked_at', '>=', start)
        .where('asked_at', '<', end)
        .count('* as n')
        .first(),
      client
        .from('poll_opinions')
        .where('created_at', '>=', start)
        .where('created_at', '<', end)
        .count('* as n')
        .first(),
      client
        .from('complaints')
        .where('submitted_at', '>=', start)
        .where('submitted_at', '<', end)
        .whereNotNull('satisfaction')
        .count('* as n')
        .avg('satisfaction as average')
        .first(),
    ])
    const counts = {
      consultations: Number(consultations?.n ?? 0),
      opinions: Number(opinions?.n ?? 0),
      ratings: Number(rated?.n ?? 0),
    }
    return {
      provider: 'complaints.feedback',
      summary: {
        key: 'evidence.summaries.complaints_feedback',
        params: {
          ...counts,
          average: rated?.average ? Number(Number(rated.average).toFixed(2)) : 0,
        },
      },
      count: counts.consultations + counts.opinions + counts.ratings,
      link: linkTo('consultations.index'),
      columns: ['id', 'asked_at', 'channel', 'status', 'subject', 'answered_at'],
      rows: rowsOf(
        () =>
          client.from('consultations').where('asked_at', '>=', start).where('asked_at', '<', end),
        ['id', 'asked_at', 'channel', 'status', 'subject', 'answered_at']
      ),
    }
  },
})
