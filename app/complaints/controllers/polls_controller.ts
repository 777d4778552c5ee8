import type { HttpContext } from '@adonisjs/core/http'
import Poll from '#complaints/models/poll'
import PollOpinion from '#complaints/models/poll_opinion'
import PollService from '#complaints/services/poll_service'
import { voiceMessages } from '#complaints/validators/voice_messages'
import { opinionValidator } from '#complaints/validators/voice_validator'

/**
 * Polls for everyone (no login): the topics with their period, promised response date, number
 * of opinions and response. A signed-in tenant user also sees and gives its own opinion.
 */
export default class PollsController {
  async index({ view }: HttpContext) {
    const polls = await Poll.query()
      .withCount('opinions')
      .orderBy('opens_on', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
    return view.render('pages/polls/index', { polls })
  }

  async show({ params, view, auth }: HttpContext) {
    await auth.check()
    const poll = await Poll.query().where('id', params.id).withCount('opinions').firstOrFail()
    const user = auth.user
    const mine =
      user && user.isTenantUser
        ? await PollOpinion.query().where({ pollId: poll.id, userId: user.id }).first()
        : null
    return view.render('pages/polls/show', {
      poll,
      mine,
      canGive: !!user && user.isTenantUser && user.tenantId !== null,
    })
  }

  async opine({ params, request, response, session, i18n, bouncer, auth }: HttpContext) {
    await bouncer.with('ComplaintsPollPolicy').authorize('give')
    const poll = await Poll.findOrFail(params.id)
    const { content } = await request.validateUsing(opinionValidator, {
      messagesProvider: voiceMessages(i18n, 'polls'),
    })
    await new PollService().giveOpinion(poll.id, content, auth.getUserOrFail())
    session.flash('success', i18n.t('polls.opinion_saved'))
    return response.redirect().toRoute('polls.show', { id: poll.id })
  }
}
