import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import router from '@adonisjs/core/services/router'
import User from '#core/models/user'
import Audit from '#audits/models/audit'
import EvidenceStateService from '#audits/services/evidence_state_service'
import { EVIDENCE_STATUSES } from '#audits/workflow'

/**
 * Prints an audit's clause heatmap (chapters × evidence state, the /audits/:id grid) as a table,
 * read as the audit's first evaluator (or an operator). With --repeat it computes it that many
 * times and reports p50/p99: the benchmark (bench/run.mjs) times the service this way.
 */
export default class AuditHeatmap extends BaseCommand {
  static commandName = 'audit:heatmap'
  static description = "Print an audit's clause heatmap (evidence state by chapter)"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The audit id' })
  declare audit: string

  @flags.number({ description: 'Compute it this many times and report the timings', default: 1 })
  declare repeat: number

  async run() {
    const audit = /^\d+$/.test(this.audit) ? await Audit.find(Number(this.audit)) : null
    if (!audit) {
      this.logger.error(`no audit ${this.audit}`)
      this.exitCode = 1
      return
    }
    const evaluator = await User.query()
      .join('audit_evaluators', 'audit_evaluators.user_id', 'users.id')
      .where('audit_evaluators.audit_id', audit.id)
      .select('users.*')
      .first()
    const reader =
      evaluator ??
      (await User.query().whereIn('role', ['operator_admin', 'operator_staff']).first())
    if (!reader) {
      this.logger.error('no evaluator or operator to read the audit as')
      this.exitCode = 1
      return
    }
    // The providers link to their records by route name.
    router.commit()
    const service = new EvidenceStateService()
    const times: number[] = []
    let heatmap: Awaited<ReturnType<EvidenceStateService['heatmap']>> | null = null
    for (let i = 0; i < Math.max(1, this.repeat); i++) {
      const started = performance.now()
      heatmap = await service.heatmap(audit, reader)
      times.push(performance.now() - started)
    }
    const table = this.ui.table()
    table.head(['chapter', ...EVIDENCE_STATUSES])
    for (const [chapter, counts] of Object.entries(heatmap!.matrix)) {
      table.row([chapter, ...EVIDENCE_STATUSES.map((s) => String(counts[s]))])
    }
    table.row(['total', ...EVIDENCE_STATUSES.map((s) => String(heatmap!.totals[s]))])
    table.render()
    const sorted = [...times].sort((a, b) => a - b)
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
    this.logger.success(
      `${heatmap!.total} clauses; ${times.length} runs, p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`
    )
  }
}
