import type { HttpContext } from '@adonisjs/core/http'
import Poll from '#complaints/models/poll'
import PollService from '#complaints/services/poll_service'
import { voiceMessages } from '#complaints/validators/voice_messages'
import { pollResponseValidator, pollValidator } from '#complaints/validators/voice_validator'

/** Operators open polls, read the opinions and publish the response; evaluators read. */
export default class PollManageController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('readOpinions')
    const polls = await Poll.query()
      .withCount('opinions')
      .orderBy('opens_on', 'desc')
      .orderBy('id', 'desc')
    return view.render('pages/polls/manage', { polls })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('manage')
    return view.render('pages/polls/form')
  }

  async store({ request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('manage')
    const payload = await request.validateUsing(pollValidator, {
      messagesProvider: voiceMessages(i18n, 'polls'),
    })
    const poll = await new PollService().create(payload, auth.getUserOrFail())
    session.flash('success', i18n.t('polls.created'))
    return response.redirect().toRoute('polls.manage.show', { id: poll.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('readOpinions')
    const poll = await Poll.query()
      .where('id', params.id)
      .preload('opinions', (q) => q.preload('tenant').preload('user').orderBy('id', 'asc'))
      .firstOrFail()
    return view.render('pages/polls/manage_show', { poll })
  }

  async respond({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('manage')
    const poll = await Poll.findOrFail(params.id)
    const payload = await request.validateUsing(pollResponseValidator, {
      messagesProvider: voiceMessages(i18n, 'polls'),
    })
    await new PollService().respond(poll.id, payload.response, auth.getUserOrFail())
    session.flash('success', i18n.t('polls.responded'))
    return response.redirect().toRoute('polls.manage.show', { id: poll.id })
  }
}
