import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { create as contentDisposition } from 'content-disposition'
import { sendXlsx } from '#core/xlsx'
import AuditService from '#audits/services/audit_service'
import { BundleWriter } from '#audits/outputs/bundle_writer'
import { writeBundle } from '#audits/outputs/bundle'
import { checkIntegrity, loadReportData } from '#audits/outputs/report_data'
import { buildReportWorkbook } from '#audits/outputs/report_workbook'
import { clauseReferences } from '#audits/outputs/references'
import { recordExport } from '#audits/outputs/export_trail'

/**
 * The audit's outputs (issue 7 "Outputs"): the report workbook, the print report and the offline
 * evidence bundle. Operators and evaluators may download them (AuditPolicy.view); tenants never.
 */
export default class AuditOutputsController {
  async #load({ params, auth, bouncer }: HttpContext) {
    await bouncer.with('AuditPolicy').authorize('view')
    return new AuditService().findForReader(Number(params.id), auth.user!)
  }

  /** GET /audits/:id/report.xlsx */
  async xlsx(ctx: HttpContext) {
    const audit = await this.#load(ctx)
    const data = await checkIntegrity(await loadReportData(audit, ctx.i18n))
    const file = await buildReportWorkbook(data, ctx.i18n)
    await recordExport(audit, 'audit.report_exported', { format: 'xlsx', bytes: file.length })
    return sendXlsx(ctx.response, `audit-${audit.id}-report.xlsx`, file)
  }

  /** GET /audits/:id/report: the print-friendly (A4) HTML report. */
  async report(ctx: HttpContext) {
    const audit = await this.#load(ctx)
    const data = await checkIntegrity(await loadReportData(audit, ctx.i18n))
    return ctx.view.render('pages/audits/outputs/report', {
      data,
      perClause: null,
      references: (clause: (typeof data.clauses)[number]) => clauseReferences(clause, ctx.i18n),
      auditUrl: `/audits/${audit.id}`,
      xlsxUrl: `/audits/${audit.id}/report.xlsx`,
      bundleUrl: `/audits/${audit.id}/bundle.zip`,
    })
  }

  /**
   * GET /audits/:id/bundle.zip: written straight into the response as it is built (no temporary
   * file, nothing held whole in memory); the reader's pace drives the database cursors.
   */
  async bundle(ctx: HttpContext) {
    const audit = await this.#load(ctx)
    // Read before the first byte goes out: a failure here is still a proper error page.
    const data = await loadReportData(audit, ctx.i18n)
    const writer = new BundleWriter()
    const actor = { id: ctx.auth.user!.id, email: ctx.auth.user!.email }
    ctx.response.header('Content-Type', 'application/zip')
    ctx.response.header('Content-Disposition', contentDisposition(`audit-${audit.id}-evidence.zip`))
    ctx.response.header('Cache-Control', 'no-store')
    ctx.response.stream(writer.stream)
    writeBundle(audit, ctx.i18n, writer, data)
      .then((manifest) =>
        recordExport(
          audit,
          'audit.bundle_exported',
          {
            files: manifest.files.length,
            tampered: manifest.files.filter((f) => f.tampered || f.missing).length,
            manifestSha256: writer.manifestSha256,
          },
          actor
        )
      )
      .catch((error) => {
        // Headers are out: the download breaks off, and the log says why.
        logger.error({ err: error, auditId: audit.id }, 'evidence bundle failed')
        writer.abort(error)
      })
  }
}
