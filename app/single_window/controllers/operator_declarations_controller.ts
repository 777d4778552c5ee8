import type { HttpContext } from '@adonisjs/core/http'
import SwDeclaration from '#single_window/models/sw_declaration'
import SwInboxFile from '#single_window/models/sw_inbox_file'
import Tenant from '#core/models/tenant'
import { filteredDeclarations, STATUS_FILTERS } from '#single_window/services/declaration_queries'
import { declarationPresenter } from '#single_window/services/declaration_presenter'
import { paginate, PER_PAGE } from '#core/services/listing'
import { swMessages } from '#single_window/validators/messages'
import { declarationListValidator } from '#single_window/validators/single_window_validator'
import { OUTGOING_TYPES } from '#single_window/message_types'
import vine from '@vinejs/vine'

const SORTABLE = ['created_at', 'doc_no', 'message_type', 'status', 'status_at']

const failboxValidator = vine.create({
  page: vine.number().min(1).max(100000).optional(),
})

/** Operators (and evaluators) read every tenant's declarations; operators see the FailBox. */
export default class OperatorDeclarationsController {
  async index({ request, view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('browseAll')
    const filters = await request.validateUsing(declarationListValidator, {
      data: request.qs(),
      messagesProvider: swMessages(i18n),
    })
    const query = filteredDeclarations(filters, auth.getUserOrFail()).preload('tenant')
    const page = await paginate(query, filters, SORTABLE, 'created_at')
    return view.render('pages/single_window/declarations/index', {
      page,
      filters: request.qs(),
      types: OUTGOING_TYPES,
      statuses: STATUS_FILTERS,
      tenants: await Tenant.query()
        .whereIn('id', SwDeclaration.query().select('tenant_id').distinct())
        .orderBy('name'),
      area: 'operator',
    })
  }

  async show({ params, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('browseAll')
    const declaration = await SwDeclaration.findOrFail(params.id)
    return view.render(
      'pages/single_window/declarations/show',
      await declarationPresenter(declaration, i18n, 'operator')
    )
  }

  /** Receipt files that could not be applied, with the reason (nothing is deleted, SW-io). */
  async failbox({ request, view, bouncer }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('failbox')
    const { page = 1 } = await request.validateUsing(failboxValidator, { data: request.qs() })
    const files = await SwInboxFile.query()
      .where('state', 'failed')
      .orderBy('processed_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(page, PER_PAGE)
    return view.render('pages/single_window/failbox', {
      files: files.all(),
      meta: files.getMeta(),
    })
  }
}
