import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import AuditService from '#core/services/audit_service'

/** Walks the audit trail's hash chain: "chain intact", or the first broken link (exit code 1). */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the hash chain of the audit trail'
  static options: CommandOptions = { startApp: true }

  async run() {
    const verdict = await new AuditService().verify()
    if (verdict.intact) {
      this.logger.success(`chain intact (${verdict.checked} entries)`)
      return
    }
    this.logger.error(
      `chain broken at entry #${verdict.brokenAt} (${verdict.reason}); ${verdict.checked} entries before it are intact`
    )
    this.exitCode = 1
  }
}
