import type { HttpContext } from '@adonisjs/core/http'
import SwImportBatch from '#single_window/models/sw_import_batch'
import SwDeclaration from '#single_window/models/sw_declaration'
import BatchService, { IMPORT_MAX_ROWS } from '#single_window/services/batch_service'
import DeclarationService from '#single_window/services/declaration_service'
import { PER_PAGE } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { swMessages } from '#single_window/validators/messages'
import {
  IMPORT_MAX_MB,
  importListValidator,
  importValidator,
} from '#single_window/validators/single_window_validator'
import { OUTGOING_TYPES, type MessageType } from '#single_window/message_types'
import { create as contentDisposition } from 'content-disposition'

const limits = { mb: IMPORT_MAX_MB, rows: IMPORT_MAX_ROWS }
/** The report lists this many problems on the page; the stored report keeps up to 5,000. */
const SHOWN = 500

/**
 * Batch import of declarations (issue 6; SW 702 batch import): a template per message type (Excel
 * and CSV), the upload checked row by row and field by field, all or nothing, then the batch
 * submitted through the outbox.
 */
export default class ImportsController {
  async index({ request, view, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const { page = 1 } = await request.validateUsing(importListValidator, { data: request.qs() })
    const tenantId = auth.getUserOrFail().tenantId!
    return view.render('pages/single_window/imports/index', {
      ...(await this.listing(tenantId, page)),
      types: OUTGOING_TYPES,
      limits,
      report: null,
      selected: String(request.qs().type ?? 'CEB621'),
      profile: await new DeclarationService().profileOf(tenantId),
    })
  }

  /** The template of one type, .xlsx (in the reader's language) or .csv (UTF-8 with BOM). */
  async template({ params, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const type = params.type as MessageType
    const service = new BatchService()
    if (params.format === 'csv') {
      response.header('Content-Type', 'text/csv; charset=utf-8')
      response.header('Content-Disposition', contentDisposition(`parkgate-${type}-import.csv`))
      return response.send(service.csvTemplate(type))
    }
    response.header(
      'Content-Type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    response.header('Content-Disposition', contentDisposition(`parkgate-${type}-import.xlsx`))
    return response.send(await service.template(type, i18n.locale))
  }

  /** All or nothing: a clean file becomes an accepted batch; otherwise the report, nothing stored. */
  async store({ request, response, session, i18n, bouncer, auth, view }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const { messageType, file } = await request.validateUsing(importValidator, {
      messagesProvider: swMessages(i18n),
    })
    const user = auth.getUserOrFail()
    const outcome = await new BatchService().import(
      user.tenantId!,
      messageType,
      { path: file.tmpPath!, name: file.clientName },
      user,
      i18n.locale
    )
    if (outcome.report.errors.length) {
      response.status(422)
      return view.render('pages/single_window/imports/index', {
        ...(await this.listing(user.tenantId!, 1)),
        types: OUTGOING_TYPES,
        limits,
        selected: messageType,
        profile: await new DeclarationService().profileOf(user.tenantId!),
        report: this.report(outcome.batch, outcome.report.errors),
      })
    }
    session.flash('success', i18n.t('sw.import.accepted', { count: outcome.created }))
    return response.redirect().toRoute('tenant.sw.imports.show', { id: outcome.batch.id })
  }

  async show({ params, view, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const user = auth.getUserOrFail()
    // Another tenant's batch is not found at all.
    const batch = await scopeToTenant(
      SwImportBatch.query().where('id', params.id),
      user
    ).firstOrFail()
    const declarations = await scopeToTenant(SwDeclaration.query(), user)
      .where('batch_id', batch.id)
      .orderBy('id')
      .limit(200)
    const counts = await scopeToTenant(SwDeclaration.query(), user)
      .where('batch_id', batch.id)
      .groupBy('status')
      .select('status')
      .count('* as total')
    const stored = batch.reportData
    const errors = new BatchService().translate(batch.messageType as MessageType, stored.errors)
    return view.render('pages/single_window/imports/show', {
      batch,
      declarations,
      counts: counts.map((c) => ({ status: c.status, total: Number(c.$extras.total) })),
      toSubmit: counts
        .filter((c) => c.status === 'checked')
        .reduce((n, c) => n + Number(c.$extras.total), 0),
      report: batch.state === 'rejected' ? this.report(batch, errors) : null,
    })
  }

  /** Submits every checked declaration of the batch (each checked again; failures stay drafts). */
  async submit({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const user = auth.getUserOrFail()
    const batch = await scopeToTenant(
      SwImportBatch.query().where('id', params.id),
      user
    ).firstOrFail()
    const { queued, failed } = await new BatchService().submitBatch(user.tenantId!, batch.id, user)
    if (failed) session.flash('warning', i18n.t('sw_web.imports.submit_failed', { failed }))
    session.flash('success', i18n.t('sw_web.imports.submitted', { queued }))
    return response.redirect().toRoute('tenant.sw.imports.show', { id: batch.id })
  }

  private async listing(tenantId: number, page: number) {
    const batches = await SwImportBatch.query()
      .where('tenant_id', tenantId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page, PER_PAGE)
    return { batches: batches.all(), meta: batches.getMeta() }
  }

  private report(
    batch: SwImportBatch,
    errors: { row: number; label: string; field: string; message: string }[]
  ) {
    const rows = new Set(errors.map((e) => e.row)).size
    return { batch, rows, count: errors.length, issues: errors.slice(0, SHOWN), shown: SHOWN }
  }
}
