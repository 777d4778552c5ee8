import type { HttpContext } from '@adonisjs/core/http'
import type User from '#core/models/user'
import SwDeclaration from '#single_window/models/sw_declaration'
import DeclarationService from '#single_window/services/declaration_service'
import DeclarationFormService, {
  fieldErrors,
  filledLines,
  formLayout,
} from '#single_window/services/declaration_form_service'
import { filteredDeclarations, STATUS_FILTERS } from '#single_window/services/declaration_queries'
import { declarationPresenter } from '#single_window/services/declaration_presenter'
import { paginate } from '#core/services/listing'
import { scopeToTenant } from '#core/tenancy'
import { swMessages } from '#single_window/validators/messages'
import {
  declarationListValidator,
  declarationValidator,
} from '#single_window/validators/single_window_validator'
import { MESSAGE_TYPES, OUTGOING_TYPES, type MessageType } from '#single_window/message_types'
import { hasErrors } from '#single_window/checks/problem'
import { isRejected } from '#single_window/services/declaration_service'
import type SwProfile from '#single_window/models/sw_profile'

const SORTABLE = ['created_at', 'doc_no', 'message_type', 'status', 'status_at']
const LINE_SLOTS = 3

/** A tenant's declarations: the list, the create form per message type, a declaration, its submission. */
export default class DeclarationsController {
  async index({ request, view, bouncer, auth, i18n }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const filters = await request.validateUsing(declarationListValidator, {
      data: request.qs(),
      messagesProvider: swMessages(i18n),
    })
    const user = auth.getUserOrFail()
    const page = await paginate(
      filteredDeclarations({ ...filters, tenantId: undefined }, user),
      filters,
      SORTABLE,
      'created_at'
    )
    return view.render('pages/single_window/declarations/index', {
      page,
      filters: request.qs(),
      types: OUTGOING_TYPES,
      statuses: STATUS_FILTERS,
      profile: await new DeclarationService().profileOf(user.tenantId!),
      area: 'tenant',
    })
  }

  async create({ params, view, bouncer, auth, response, session, i18n }: HttpContext) {
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const type = params.type as MessageType
    const profile = await this.profileOrRedirect(auth.getUserOrFail(), session, i18n)
    if (!profile) return response.redirect().toRoute('tenant.sw.profile.show')
    return this.renderForm(view, type, profile, {
      businessMode: MESSAGE_TYPES[type].modes[0],
      head: new DeclarationFormService().defaults(type, profile),
      lines: [],
      errors: {},
      warnings: [],
    })
  }

  async store(ctx: HttpContext) {
    const { params, request, response, session, i18n, bouncer, auth, view } = ctx
    await bouncer.with('SingleWindowPolicy').authorize('declare')
    const type = params.type as MessageType
    const user = auth.getUserOrFail()
    const profile = await this.profileOrRedirect(user, session, i18n)
    if (!profile) return response.redirect().toRoute('tenant.sw.profile.show')
    const payload = await request.validateUsing(declarationValidator, {
      messagesProvider: swMessages(i18n),
    })
    const input = {
      messageType: type,
      businessMode: payload.businessMode,
      head: payload.head ?? {},
      lines: MESSAGE_TYPES[type].list ? filledLines(payload.lines as any) : [],
    }
    // The tenant is the signed-in user's own enterprise, never a form field.
    const outcome = await new DeclarationFormService().create(user.tenantId!, profile, input, user)
    if (!outcome.declaration || hasErrors(outcome.problems)) {
      response.status(422)
      return this.renderForm(view, type, profile, {
        ...input,
        errors: fieldErrors(type, outcome.problems, i18n),
        warnings: [],
        failed: true,
      })
    }
    session.flash(
      'success',
      i18n.t('sw_web.declaration.created', { docNo: outcome.declaration.docNo })
    )
    return response
      .redirect()
      .toRoute('tenant.sw.declarations.show', { id: outcome.declaration.id })
  }

  async show({ params, view, bouncer, auth, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const declaration = await this.load(params.id, user)
    await bouncer.with('SingleWindowPolicy').authorize('viewOwn', declaration)
    return view.render(
      'pages/single_window/declarations/show',
      await declarationPresenter(declaration, i18n, 'tenant')
    )
  }

  /** The form again, filled with a draft's or a rejected declaration's values, to correct it. */
  async edit({ params, view, bouncer, auth, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const declaration = await this.load(params.id, user)
    await bouncer.with('SingleWindowPolicy').authorize('submit', declaration)
    const profile = await this.profileOrRedirect(user, session, i18n)
    if (!profile) return response.redirect().toRoute('tenant.sw.profile.show')
    if (!this.editable(declaration)) {
      session.flash('error', i18n.t('sw.errors.not_editable', { status: declaration.status }))
      return response.redirect().toRoute('tenant.sw.declarations.show', { id: declaration.id })
    }
    await declaration.load('lines', (q) => q.orderBy('gnum'))
    const values = new DeclarationFormService().valuesOf(
      declaration,
      declaration.lines.map((l) => l.fieldData)
    )
    return this.renderForm(view, declaration.messageType, profile, {
      ...values,
      errors: fieldErrors(declaration.messageType, declaration.checkProblems, i18n),
      warnings: [],
      editing: declaration,
    })
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, i18n, bouncer, auth, view } = ctx
    const user = auth.getUserOrFail()
    const declaration = await this.load(params.id, user)
    await bouncer.with('SingleWindowPolicy').authorize('submit', declaration)
    const profile = await this.profileOrRedirect(user, session, i18n)
    if (!profile) return response.redirect().toRoute('tenant.sw.profile.show')
    const payload = await request.validateUsing(declarationValidator, {
      messagesProvider: swMessages(i18n),
    })
    const type = declaration.messageType
    const input = {
      businessMode: payload.businessMode,
      head: payload.head ?? {},
      lines: MESSAGE_TYPES[type].list ? filledLines(payload.lines as any) : [],
    }
    const outcome = await new DeclarationFormService().update(
      user.tenantId!,
      profile,
      declaration,
      input,
      user
    )
    if (!outcome.updated) {
      response.status(422)
      return this.renderForm(view, type, profile, {
        ...input,
        errors: fieldErrors(type, outcome.problems, i18n),
        warnings: [],
        failed: true,
        editing: declaration,
      })
    }
    session.flash('success', i18n.t('sw_web.declaration.updated', { docNo: declaration.docNo }))
    return response.redirect().toRoute('tenant.sw.declarations.show', { id: declaration.id })
  }

  /** Runs every check again (the other documents may have arrived since) and stores the result. */
  async check({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const declaration = await this.load(params.id, user)
    await bouncer.with('SingleWindowPolicy').authorize('submit', declaration)
    const result = await new DeclarationService().check(user.tenantId!, declaration.id, user)
    const errors = result.problems.filter((p) => p.level === 'error').length
    if (errors) session.flash('error', i18n.t('sw_web.declaration.check_failed', { count: errors }))
    else session.flash('success', i18n.t('sw_web.declaration.check_passed'))
    return response.redirect().toRoute('tenant.sw.declarations.show', { id: declaration.id })
  }

  /** Submission: the checks again, then the state change and the outbox message in one transaction. */
  async submit({ params, response, session, i18n, bouncer, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const declaration = await this.load(params.id, user)
    await bouncer.with('SingleWindowPolicy').authorize('submit', declaration)
    const { message } = await new DeclarationService().submit(user.tenantId!, declaration.id, user)
    session.flash('success', i18n.t('sw_web.declaration.submitted', { guid: message.guid }))
    return response.redirect().toRoute('tenant.sw.declarations.show', { id: declaration.id })
  }

  /** Not sent yet, or refused by customs (SW 702: corrected from the receipt and sent again). */
  private editable(declaration: SwDeclaration) {
    return declaration.isLocal || isRejected(declaration.status)
  }

  /** Another tenant's declaration is not found at all (scoped query), not merely forbidden. */
  private load(id: string | number, user: User) {
    return scopeToTenant(SwDeclaration.query().where('id', id), user).firstOrFail()
  }

  private async profileOrRedirect(
    user: User,
    session: HttpContext['session'],
    i18n: HttpContext['i18n']
  ) {
    const profile = await new DeclarationService().profileOf(user.tenantId!)
    if (!profile) session.flash('error', i18n.t('sw.errors.no_profile'))
    return profile
  }

  private renderForm(
    view: HttpContext['view'],
    type: MessageType,
    profile: SwProfile,
    state: {
      businessMode: string
      head: Record<string, string | null | undefined>
      lines: Record<string, string | null | undefined>[]
      errors: Record<string, string[]>
      warnings: string[]
      failed?: boolean
      editing?: SwDeclaration
    }
  ) {
    const layout = formLayout(type)
    const slots = layout.list
      ? Math.min(
          layout.list.max > 0 ? layout.list.max : 99,
          Math.max(LINE_SLOTS, state.lines.length + 1)
        )
      : 0
    return view.render('pages/single_window/declarations/form', {
      type,
      info: MESSAGE_TYPES[type],
      layout,
      profile,
      slots: Array.from({ length: slots }, (_, i) => i),
      editing: null,
      ...state,
    })
  }
}
