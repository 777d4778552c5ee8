import type { HttpContext } from '@adonisjs/core/http'
import ComplaintService from '#complaints/services/complaint_service'
import { complaintMessages } from '#complaints/validators/messages'
import {
  acceptValidator,
  callbackValidator,
  noteValidator,
  optionalNoteValidator,
  reasonValidator,
  resolveValidator,
} from '#complaints/validators/complaint_validator'
import type { ComplaintAction } from '#complaints/workflow'

/** The operator's buttons on a case page: one POST per transition, then back to the case. */
export default class ComplaintActionsController {
  accept(ctx: HttpContext) {
    return this.run(ctx, 'accept', acceptValidator)
  }

  decline(ctx: HttpContext) {
    return this.run(ctx, 'decline', reasonValidator)
  }

  start(ctx: HttpContext) {
    return this.run(ctx, 'start', optionalNoteValidator)
  }

  await(ctx: HttpContext) {
    return this.run(ctx, 'await', noteValidator)
  }

  resume(ctx: HttpContext) {
    return this.run(ctx, 'resume', optionalNoteValidator)
  }

  resolve(ctx: HttpContext) {
    return this.run(ctx, 'resolve', resolveValidator)
  }

  close(ctx: HttpContext) {
    return this.run(ctx, 'close', optionalNoteValidator)
  }

  /** Staff record a complainant's dissatisfaction (e.g. by phone): reopened once, escalated. */
  reopen(ctx: HttpContext) {
    return this.run(ctx, 'reopen', reasonValidator)
  }

  async callback({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('handle')
    const payload = await request.validateUsing(callbackValidator, {
      messagesProvider: complaintMessages(i18n),
    })
    await new ComplaintService().callback(Number(params.id), payload, auth.getUserOrFail())
    session.flash('success', i18n.t('complaints.done.callback'))
    return response.redirect().toRoute('complaints.show', { id: params.id })
  }

  private async run(
    { params, request, response, session, i18n, bouncer, auth }: HttpContext,
    action: ComplaintAction,
    validator:
      | typeof acceptValidator
      | typeof reasonValidator
      | typeof noteValidator
      | typeof optionalNoteValidator
      | typeof resolveValidator
  ) {
    await bouncer.with('ComplaintPolicy').authorize('handle')
    const payload: Record<string, any> = await request.validateUsing(validator as any, {
      messagesProvider: complaintMessages(i18n),
    })
    await new ComplaintService().act(
      Number(params.id),
      action,
      { ...payload, note: payload.note ?? payload.reason },
      { user: auth.getUserOrFail(), kind: 'staff' }
    )
    session.flash('success', i18n.t(`complaints.done.${action}`))
    return response.redirect().toRoute('complaints.show', { id: params.id })
  }
}
