import { writeFile } from 'node:fs/promises'
import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import i18nManager from '@adonisjs/i18n/services/main'
import { todayInShanghai, ZONE } from '#core/dates'
import StatisticsService from '#park/services/statistics_service'
import { buildStatisticsWorkbook } from '#park/services/statistics_workbook'

/**
 * Writes the park statistics workbook (the one GET /park/statistics.xlsx answers) to a file, e.g.
 * for a monthly report from cron. Reports the time it took and the process's peak memory; the
 * benchmark (bench/run.mjs) measures the workbook this way, in a process of its own.
 */
export default class ParkStatisticsWorkbook extends BaseCommand {
  static commandName = 'park:statistics-workbook'
  static description = 'Write the park statistics workbook for a day to a file'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'The day, YYYY-MM-DD (today in Shanghai by default)' })
  declare asOf?: string

  @flags.string({ description: 'The file to write (park-statistics-<day>.xlsx by default)' })
  declare output?: string

  @flags.string({ description: 'Language of the sheets (zh-CN by default)' })
  declare locale?: string

  async run() {
    const asOf = this.asOf
      ? DateTime.fromFormat(this.asOf, 'yyyy-MM-dd', { zone: ZONE })
      : todayInShanghai()
    if (!asOf.isValid) {
      this.logger.error(`"${this.asOf}" is not a day (YYYY-MM-DD)`)
      this.exitCode = 1
      return
    }
    const started = performance.now()
    const stats = await new StatisticsService().compute(asOf)
    const i18n = i18nManager.locale(this.locale ?? i18nManager.defaultLocale)
    const workbook = await buildStatisticsWorkbook(stats, i18n)
    const file = this.output ?? `park-statistics-${stats.asOf}.xlsx`
    await writeFile(file, workbook)
    const seconds = (performance.now() - started) / 1000
    const peakMb = process.resourceUsage().maxRSS / 1024
    this.logger.success(
      `${file}: ${Math.round(workbook.length / 1024)} KB, built in ${seconds.toFixed(2)} s, peak RSS ${Math.round(peakMb)} MB`
    )
  }
}
