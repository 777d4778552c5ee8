import { writeFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import i18nManager from '@adonisjs/i18n/services/main'
import { todayInShanghai } from '#core/dates'
import { buildLedgerWorkbook, ledgerRows } from '#complaints/services/ledger_workbook'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * Writes the complaint ledger (the workbook GET /complaints/ledger.xlsx answers) for a period of
 * submission days to a file, e.g. the yearly archive. Reports the rows, the time it took (and the
 * CPU time, which holds when other processes crowd the cores) and the process's peak memory; the benchmark (bench/run.mjs) measures the ledger this way, in a process
 * of its own.
 */
export default class ComplaintsLedgerWorkbook extends BaseCommand {
  static commandName = 'complaints:ledger-workbook'
  static description = 'Write the complaint ledger of a period to a file'
  static options: CommandOptions = { startApp: true }

  @flags.string({
    description: 'First day of submission, YYYY-MM-DD (a year before --to by default)',
  })
  declare from?: string

  @flags.string({
    description: 'Last day of submission, YYYY-MM-DD (today in Shanghai by default)',
  })
  declare to?: string

  @flags.string({ description: 'The file to write (complaint-ledger-<from>-<to>.xlsx by default)' })
  declare output?: string

  @flags.string({ description: 'Language of the sheet (zh-CN by default)' })
  declare locale?: string

  async run() {
    for (const value of [this.from, this.to]) {
      if (value !== undefined && (!DAY.test(value) || !DateTime.fromISO(value).isValid)) {
        this.logger.error(`"${value}" is not a day (YYYY-MM-DD)`)
        this.exitCode = 1
        return
      }
    }
    const to = this.to ?? todayInShanghai().toISODate()!
    const from =
      this.from ?? DateTime.fromISO(to).minus({ years: 1 }).plus({ days: 1 }).toISODate()!
    const started = performance.now()
    const cpu = process.cpuUsage()
    const i18n = i18nManager.locale(this.locale ?? i18nManager.defaultLocale)
    // Dates as the list's validator gives them: midnight of the day in the process's zone (UTC).
    const ledger = await ledgerRows(
      { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) },
      i18n.locale
    )
    const workbook = await buildLedgerWorkbook(ledger, i18n)
    const file = this.output ?? `complaint-ledger-${from}-${to}.xlsx`
    await writeFile(file, workbook)
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const peakMb = process.resourceUsage().maxRSS / 1024
    this.logger.success(
      `${file}: ${ledger.rows.length} rows, ${Math.round(workbook.length / 1024)} KB, built in ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), peak RSS ${Math.round(peakMb)} MB`
    )
  }
}
