import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import i18nManager from '@adonisjs/i18n/services/main'
import DomainException from '#core/exceptions/domain_exception'
import FrameworkService, { FrameworkInvalidException } from '#audits/services/framework_service'

/**
 * Imports a clause catalogue (JSON, or Excel of the same shape) all or nothing: GB/T 39678 is
 * seeded this way, and SZDB/Z 304.1 or a park's own rules can be added later. Every problem in the
 * file is listed, translated; exit code 1 and nothing written when there is one.
 */
export default class AuditImportFramework extends BaseCommand {
  static commandName = 'audit:import-framework'
  static description = 'Import a clause catalogue (framework) from a JSON or Excel file'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The .json or .xlsx file' })
  declare file: string

  @flags.boolean({ description: 'Replace a framework of the same code that no audit uses yet' })
  declare replace?: boolean

  @flags.string({ description: 'Language of the messages (zh-CN by default)' })
  declare locale?: string

  async run() {
    const i18n = i18nManager.locale(this.locale ?? i18nManager.defaultLocale)
    try {
      const result = await new FrameworkService().importFile(this.file, { replace: this.replace })
      this.logger.success(
        i18n.t('audits.import.done', {
          code: result.framework.code,
          clauses: result.clauses,
          methods: result.methods,
        })
      )
    } catch (error) {
      if (error instanceof FrameworkInvalidException) {
        this.logger.error(i18n.t(error.message, error.data))
        for (const problem of error.problems) {
          this.logger.error(`  ${problem.path} ${i18n.t(problem.key, problem.params ?? {})}`)
        }
        this.exitCode = 1
        return
      }
      if (error instanceof DomainException) {
        this.logger.error(i18n.t(error.message, error.data))
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}
