import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Poll from '#complaints/models/poll'
import PollOpinion from '#complaints/models/poll_opinion'
import type User from '#core/models/user'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import { calendarDay } from '#core/dates'

export interface PollInput {
  title: string
  description: string
  opensOn: Date
  closesOn: Date
  responseDueOn: Date
}

/**
 * Opinion polls (SZDB/Z 304.1 6.9.2): a topic open between two days with a published response
 * date; each tenant user gives one opinion while it is open; operators publish one summary
 * response. The public sees the topic, the number of opinions and the response, never an opinion.
 */
export default class PollService {
  constructor(private audit = new AuditService()) {}

  async create(input: PollInput, user: User) {
    return db.transaction(async (trx) => {
      const poll = await Poll.create(
        {
          title: input.title,
          description: input.description,
          opensOn: calendarDay(input.opensOn),
          closesOn: calendarDay(input.closesOn),
          responseDueOn: calendarDay(input.responseDueOn),
          createdBy: user.id,
        },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'poll.created',
        subjectType: 'poll',
        subjectId: poll.id,
        after: poll.serialize(),
        actor: user,
      })
      return poll
    })
  }

  /** One opinion per tenant user and poll, only while the poll is open. */
  async giveOpinion(pollId: number, content: string, user: User) {
    return db.transaction(async (trx) => {
      const poll = await Poll.query({ client: trx }).where('id', pollId).forUpdate().firstOrFail()
      if (!poll.isOpen) {
        throw new DomainException('polls.refused.closed', {}, { field: 'content', status: 409 })
      }
      const mine = await PollOpinion.query({ client: trx })
        .where({ pollId: poll.id, userId: user.id })
        .first()
      if (mine) {
        throw new DomainException('polls.refused.already', {}, { field: 'content', status: 409 })
      }
      const opinion = await PollOpinion.create(
        { pollId: poll.id, tenantId: user.tenantId!, userId: user.id, content },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'poll.opinion_given',
        subjectType: 'poll_opinion',
        subjectId: opinion.id,
        after: opinion.serialize(),
        tenantId: opinion.tenantId,
        actor: user,
      })
      return opinion
    })
  }

  /** The summary response, published once the poll has closed (it may be corrected later). */
  async respond(pollId: number, response: string, user: User) {
    return db.transaction(async (trx) => {
      const poll = await Poll.query({ client: trx }).where('id', pollId).forUpdate().firstOrFail()
      if (poll.isOpen || poll.phase === 'upcoming') {
        throw new DomainException('polls.refused.still_open', {}, { field: 'response' })
      }
      return this.audit.saveChanges(
        poll,
        poll.respondedAt ? 'poll.response_corrected' : 'poll.responded',
        'poll',
        (row) => {
          row.response = response
          row.respondedBy = user.id
          row.respondedAt = row.respondedAt ?? DateTime.utc()
        },
        { client: trx, actor: user }
      )
    })
  }
}
