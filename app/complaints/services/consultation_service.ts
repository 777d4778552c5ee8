import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Consultation, {
  ANSWER_HOURS,
  DUE_SOON_HOURS,
  type ConsultationChannel,
} from '#complaints/models/consultation'
import FaqEntry from '#complaints/models/faq_entry'
import FaqCategory from '#complaints/models/faq_category'
import type User from '#core/models/user'
import AuditService from '#core/services/audit_service'
import NotificationService from '#core/services/notification_service'
import DomainException from '#core/exceptions/domain_exception'
import { sqlTime } from '#complaints/services/complaint_service'

export interface QuestionInput {
  channel: ConsultationChannel
  subject: string
  question: string
  askerName?: string | null
  askerPhone?: string | null
  askerEmail?: string | null
  tenantId?: number | null
  askedBy?: number | null
}

export interface FaqFromConsultationInput {
  categoryId: number
  question: string
  answer: string
  isPublished?: boolean
}

/**
 * Consultations (SZDB/Z 304.1 6.9.1): a question from a tenant or the public is due an answer
 * within 48 clock hours (not working hours: weekends and holidays count); operators answer and
 * may turn the question and its answer into an FAQ entry. Every change is in the audit trail.
 */
export default class ConsultationService {
  constructor(
    private audit = new AuditService(),
    private notifications = new NotificationService()
  ) {}

  /** The moment an answer falls due: 48 hours after the question. */
  static dueAt(askedAt: DateTime) {
    return askedAt.toUTC().plus({ hours: ANSWER_HOURS })
  }

  async ask(input: QuestionInput, actor: User | null) {
    const now = DateTime.utc()
    return db.transaction(async (trx) => {
      const consultation = await Consultation.create(
        {
          channel: input.channel,
          status: 'open',
          tenantId: input.tenantId ?? null,
          askedBy: input.askedBy ?? null,
          askerName: input.askerName || null,
          askerPhone: input.askerPhone || null,
          askerEmail: input.askerEmail || null,
          subject: input.subject,
          question: input.question,
          askedAt: now,
          dueAt: ConsultationService.dueAt(now),
        },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'consultation.asked',
        subjectType: 'consultation',
        subjectId: consultation.id,
        after: consultation.serialize(),
        tenantId: consultation.tenantId,
        actor,
      })
      return consultation
    })
  }

  /** An operator's answer; an answer may be corrected later (audited, first answer time kept). */
  async answer(consultationId: number, answer: string, user: User) {
    return db.transaction(async (trx) => {
      const consultation = await Consultation.query({ client: trx })
        .where('id', consultationId)
        .forUpdate()
        .firstOrFail()
      const first = consultation.status === 'open'
      await this.audit.saveChanges(
        consultation,
        first ? 'consultation.answered' : 'consultation.answer_corrected',
        'consultation',
        (row) => {
          row.merge({ answer, status: 'answered', answeredBy: user.id })
          if (first) row.answeredAt = DateTime.utc()
        },
        { client: trx, tenantId: consultation.tenantId, actor: user }
      )
      if (first && consultation.tenantId !== null) {
        await this.notifications.notifyUsers(
          trx,
          consultation.askedBy ? [consultation.askedBy] : [],
          {
            kind: 'consultation.answered',
            messageKey: 'consultations.notify.answered',
            data: { subject: consultation.subject },
            url: `/tenant/consultations/${consultation.id}`,
            tenantId: consultation.tenantId,
            dedupeKey: `consultation-answered:${consultation.id}`,
          }
        )
      }
      return consultation
    })
  }

  /** Turns an answered consultation into an FAQ entry (the text as edited by the operator). */
  async toFaq(consultationId: number, input: FaqFromConsultationInput, user: User) {
    return db.transaction(async (trx) => {
      const consultation = await Consultation.query({ client: trx })
        .where('id', consultationId)
        .forUpdate()
        .firstOrFail()
      if (consultation.status !== 'answered') {
        throw new DomainException('consultations.refused.faq_unanswered', {}, { status: 409 })
      }
      if (consultation.faqEntryId) {
        throw new DomainException('consultations.refused.faq_exists', {}, { status: 409 })
      }
      const category = await FaqCategory.findOrFail(input.categoryId, { client: trx })
      const entry = await FaqEntry.create(
        {
          categoryId: category.id,
          question: input.question,
          answer: input.answer,
          isPublished: input.isPublished ?? true,
          viewCount: 0,
          consultationId: consultation.id,
          createdBy: user.id,
        },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'faq.created_from_consultation',
        subjectType: 'faq_entry',
        subjectId: entry.id,
        after: entry.serialize(),
        actor: user,
      })
      await this.audit.saveChanges(
        consultation,
        'consultation.faq_linked',
        'consultation',
        (row) => {
          row.faqEntryId = entry.id
        },
        { client: trx, tenantId: consultation.tenantId, actor: user }
      )
      return entry
    })
  }

  /**
   * The deadline watch: operators are told once when an open consultation is within
   * DUE_SOON_HOURS of its deadline and once when it is overdue (marks on the row and dedupe keys,
   * so running twice changes nothing).
   */
  async checkDeadlines(trx: TransactionClientContract, now: DateTime) {
    const soonLimit = sqlTime(now.plus({ hours: DUE_SOON_HOURS }))
    const open = await Consultation.query({ client: trx })
      .where('status', 'open')
      .where('due_at', '<=', soonLimit)
      .where((q) => q.whereNull('due_soon_notified_at').orWhereNull('overdue_notified_at'))
      .forUpdate()
    let dueSoon = 0
    let overdue = 0
    for (const consultation of open) {
      const late = now >= consultation.dueAt
      if (late && !consultation.overdueNotifiedAt) {
        await this.mark(trx, consultation, 'overdue', now)
        overdue++
      } else if (!late && !consultation.dueSoonNotifiedAt) {
        await this.mark(trx, consultation, 'due_soon', now)
        dueSoon++
      }
    }
    return { dueSoon, overdue }
  }

  private async mark(
    trx: TransactionClientContract,
    consultation: Consultation,
    kind: 'due_soon' | 'overdue',
    now: DateTime
  ) {
    await this.audit.saveChanges(
      consultation,
      `consultation.${kind}`,
      'consultation',
      (row) => {
        if (kind === 'overdue') {
          row.overdueNotifiedAt = now
          // An overdue one needs no "due soon" warning any more.
          row.dueSoonNotifiedAt = row.dueSoonNotifiedAt ?? now
        } else {
          row.dueSoonNotifiedAt = now
        }
      },
      { client: trx, tenantId: consultation.tenantId, actor: null }
    )
    await this.notifications.notifyOperators(trx, {
      kind: `consultation.${kind}`,
      messageKey: `consultations.notify.${kind}`,
      data: { subject: consultation.subject, id: consultation.id },
      url: `/consultations/${consultation.id}`,
      dedupeKey: `consultation-${kind}:${consultation.id}`,
    })
  }
}
