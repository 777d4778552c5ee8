import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { verifyBundle } from '#audits/outputs/bundle_verifier'

/**
 * Checks an audit evidence bundle (GET /audits/:id/bundle.zip) against its manifest: every file
 * present with the SHA-256 and size the manifest records, nothing missing, nothing added.
 * Exit code 0 when the bundle is intact, 1 on any mismatch or an unreadable bundle.
 */
export default class AuditVerifyBundle extends BaseCommand {
  static commandName = 'audit:verify-bundle'
  static description = 'Verify an audit evidence bundle (zip) against its manifest'
  static options: CommandOptions = { startApp: false }

  @args.string({ description: 'The bundle file (.zip)' })
  declare file: string

  async run() {
    const report = await verifyBundle(this.file)
    if (report.error) {
      this.logger.error(`${this.file}: ${report.error}`)
      this.exitCode = 1
      return
    }
    const subject = report.subject ?? {}
    this.logger.info(
      `${this.file}: ${subject.title ?? ''} ${subject.period ? `(${subject.period})` : ''}`.trim()
    )
    this.logger.info(`manifest.json SHA-256 ${report.manifestSha256}`)
    for (const path of report.missing) this.logger.error(`missing: ${path}`)
    for (const path of report.extra) this.logger.error(`extra (not in the manifest): ${path}`)
    for (const change of report.changed) {
      const detail =
        change.reason === 'unreadable'
          ? `cannot be read (${change.actual})`
          : change.reason === 'size'
            ? `size ${change.actual} bytes, manifest says ${change.expected}`
            : `SHA-256 ${change.actual}, manifest says ${change.expected}`
      this.logger.error(`changed: ${change.path}: ${detail}`)
    }
    for (const path of report.tampered) {
      this.logger.warning(
        `flagged in the manifest: ${path} no longer matched its upload hash when the bundle was made`
      )
    }
    if (report.ok) {
      this.logger.success(`bundle intact: ${report.matched} files match the manifest`)
      return
    }
    this.logger.error(
      `bundle NOT intact: ${report.missing.length} missing, ${report.extra.length} extra, ${report.changed.length} changed (${report.matched} of ${report.checked} checked files match)`
    )
    this.exitCode = 1
  }
}
