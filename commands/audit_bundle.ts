import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import i18nManager from '@adonisjs/i18n/services/main'
import router from '@adonisjs/core/services/router'
import Audit from '#audits/models/audit'
import { BundleWriter } from '#audits/outputs/bundle_writer'
import { writeBundle } from '#audits/outputs/bundle'

/**
 * Writes an audit's evidence bundle (what GET /audits/:id/bundle.zip streams) to a file, e.g. for
 * the archive or a hand-over. Reports the files, the size, the time (and CPU time) and the
 * process's peak memory: the benchmark (bench/run.mjs) measures the bundle this way, in a
 * process of its own.
 */
export default class AuditBundle extends BaseCommand {
  static commandName = 'audit:bundle'
  static description = "Write an audit's evidence bundle (zip) to a file"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The audit id' })
  declare audit: string

  @flags.string({ description: 'The file to write (audit-<id>-evidence.zip by default)' })
  declare output?: string

  @flags.string({ description: 'Language of the bundle (zh-CN by default)' })
  declare locale?: string

  async run() {
    const audit = /^\d+$/.test(this.audit) ? await Audit.find(Number(this.audit)) : null
    if (!audit) {
      this.logger.error(`no audit ${this.audit}`)
      this.exitCode = 1
      return
    }
    const file = this.output ?? `audit-${audit.id}-evidence.zip`
    // The providers link to their records by route name: outside the HTTP server nobody else
    // commits the routes.
    router.commit()
    const started = performance.now()
    const cpu = process.cpuUsage()
    const i18n = i18nManager.locale(this.locale ?? i18nManager.defaultLocale)
    const writer = new BundleWriter()
    const saved = pipeline(writer.stream, createWriteStream(file))
    let manifest
    try {
      manifest = await writeBundle(audit, i18n, writer)
    } catch (error) {
      writer.abort(error as Error)
      await saved.catch(() => {})
      throw error
    }
    await saved
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const size = (await stat(file)).size
    const peakMb = process.resourceUsage().maxRSS / 1024
    const unpacked = manifest.files.reduce((sum, f) => sum + f.size, 0)
    this.logger.success(
      `${file}: ${manifest.files.length} files (${Math.round(unpacked / 1024)} KB unpacked), ${Math.round(size / 1024)} KB, built in ${seconds.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s), peak RSS ${Math.round(peakMb)} MB; manifest SHA-256 ${writer.manifestSha256}`
    )
  }
}
