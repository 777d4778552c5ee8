import type { HttpContext } from '@adonisjs/core/http'
import OnboardingService from '#park/services/onboarding_service'
import { buildImportTemplate } from '#park/services/onboarding_template'
import { importUploadValidator } from '#park/validators/onboarding_validator'
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportKind } from '#park/onboarding'
import { sendXlsx } from '#core/xlsx'

const limits = { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS }

/** Bulk onboarding at /park/imports/:kind (tenants or units): template, upload, report. */
export default class ImportsController {
  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/imports/show', { kind: params.kind, limits, report: null })
  }

  /** The template in the user's language; the import reads its key row, so any language's copy works. */
  async template({ params, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const book = await buildImportTemplate(params.kind as ImportKind, i18n)
    const file = Buffer.from(await book.xlsx.writeBuffer())
    return sendXlsx(response, `parkgate-${params.kind}-import.xlsx`, file)
  }

  /** All or nothing: a clean file is imported; otherwise the report, and nothing changed. */
  async store({ params, request, response, session, i18n, bouncer, view }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const kind = params.kind as ImportKind
    const { spreadsheet } = await request.validateUsing(importUploadValidator)
    const outcome = await new OnboardingService().import(
      kind,
      { path: spreadsheet.tmpPath!, size: spreadsheet.size, name: spreadsheet.clientName },
      i18n
    )
    if (outcome.issues) {
      response.status(422)
      return view.render('pages/park/imports/show', { kind, limits, report: outcome })
    }
    session.flash('success', i18n.t(`imports.imported_${kind}`, { count: outcome.imported }))
    return response.redirect().toRoute(`park.${kind}.index`)
  }
}
