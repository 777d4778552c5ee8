import { linkTo, periodInstants, register, rowsOf } from '#core/evidence'
import { registerSampleKind } from '#audits/sampling'

/*
 * The single window's evidence (GB/T 39678-2020 §8):
 * - 6.1 business declaration (one-point access, one-time submission) and 6.2.3 (transmitting trade, payment
 *   and logistics data to customs), verified by 8.2.1.2 "归档并管理跨境电子商务交易数据": the declarations
 *   sent in the period with their customs outcome;
 * - 6.5.4 whole-process logistics tracking, verified by 8.2.5.3 "通过过程验证查看全流程物流跟踪服务情况":
 *   the tracking events of the period (SZDB/Z 304.1 6.6), from receipts, CEB513 and warehouse scanners.
 */

const DECLARATIONS = 'single_window.declarations'
const TRACKING = 'single_window.tracking'

register(['6.1', '6.2.3', '8.2.1.2'], {
  key: DECLARATIONS,
  title: 'evidence.providers.sw_declarations',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const inPeriod = () =>
      client
        .from('sw_declarations')
        .where('submitted_at', '>=', start)
        .where('submitted_at', '<', end)
    const row = await inPeriod()
      .count('* as n')
      .select(client.raw("SUM(CASE WHEN status = '800' THEN 1 ELSE 0 END) AS released"))
      .select(client.raw("SUM(CASE WHEN status = '100' THEN 1 ELSE 0 END) AS rejected"))
      .select(client.raw('COUNT(DISTINCT tenant_id) AS tenants'))
      .first()
    const count = Number(row?.n ?? 0)
    const columns = [
      'id',
      'tenant_id',
      'message_type',
      'business_mode',
      'doc_no',
      'status',
      'submitted_at',
      'status_at',
    ]
    return {
      provider: DECLARATIONS,
      summary: {
        key: 'evidence.summaries.sw_declarations',
        params: {
          count,
          released: Number(row?.released ?? 0),
          rejected: Number(row?.rejected ?? 0),
          tenants: Number(row?.tenants ?? 0),
        },
      },
      count,
      link: linkTo('sw.declarations.index'),
      columns,
      rows: rowsOf(() => inPeriod(), columns),
    }
  },
})

register(['6.5.4', '8.2.5.3'], {
  key: TRACKING,
  title: 'evidence.providers.sw_tracking',
  async provide(period, client) {
    const { start, end } = periodInstants(period)
    const inPeriod = () =>
      client
        .from('sw_tracking_events')
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
    const row = await inPeriod()
      .count('* as n')
      .select(client.raw('COUNT(DISTINCT logistics_no) AS waybills'))
      .select(
        client.raw(
          "COUNT(DISTINCT CASE WHEN stage = 'delivered' THEN logistics_no ELSE NULL END) AS delivered"
        )
      )
      .first()
    const count = Number(row?.n ?? 0)
    // No personal data: the waybill, the stage, where and when (as /track shows it).
    const columns = [
      'id',
      'tenant_id',
      'logistics_no',
      'stage',
      'action',
      'place',
      'source',
      'occurred_at',
    ]
    return {
      provider: TRACKING,
      summary: {
        key: 'evidence.summaries.sw_tracking',
        params: {
          count,
          waybills: Number(row?.waybills ?? 0),
          delivered: Number(row?.delivered ?? 0),
        },
      },
      count,
      link: linkTo('sw.declarations.index', {}, { qs: { type: 'CEB511' } }),
      columns,
      rows: rowsOf(() => inPeriod(), columns),
    }
  },
})

// GB/T 39678 8.2.1 / 8.2.5.3 (过程验证): an evaluator samples the declarations sent in the period.
registerSampleKind('declarations', {
  title: 'audits.sample_kinds.declarations',
  population: async (client, period) => {
    const { start, end } = periodInstants(period)
    const rows = await client
      .from('sw_declarations')
      .where('submitted_at', '>=', start)
      .where('submitted_at', '<', end)
      .orderBy('id')
      .select('id')
    return rows.map((r) => Number(r.id))
  },
  labels: async (client, ids) => {
    const map = new Map<number, string>()
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await client
        .from('sw_declarations')
        .whereIn('id', ids.slice(i, i + 500))
        .select('id', 'message_type', 'doc_no', 'status')
      for (const r of rows) map.set(Number(r.id), `${r.message_type} ${r.doc_no} (${r.status})`)
    }
    return map
  },
})
