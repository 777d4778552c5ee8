import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Complaint from '#complaints/models/complaint'
import ComplaintCategory from '#complaints/models/complaint_category'
import ComplaintEvent from '#complaints/models/complaint_event'
import type User from '#core/models/user'
import AuditService from '#core/services/audit_service'
import AttachmentService from '#core/services/attachment_service'
import CalendarService from '#core/services/calendar_service'
import NumberingService from '#core/services/numbering_service'
import NotificationService from '#core/services/notification_service'
import DomainException from '#core/exceptions/domain_exception'
import { ZONE } from '#core/dates'
import DepartmentService from '#core/services/department_service'
import {
  type Channel,
  type ComplaintAction,
  AUTO_CLOSE_DAYS,
  canTransition,
  CLOCK_RUNNING,
  MAX_REOPENS,
  REMINDER_SHARE,
  TRANSITIONS,
} from '#complaints/workflow'

/** Who acts on a case: a signed-in user (staff or tenant), the public complainant, or the system. */
export interface Actor {
  user: User | null
  kind: 'staff' | 'complainant' | 'system'
}

export interface SubmissionInput {
  channel: Channel
  categoryId: number
  subject: string
  content: string
  complainantName?: string | null
  complainantPhone: string
  tenantId?: number | null
  submittedBy?: number | null
  recordedBy?: number | null
  attachments?: MultipartFile[]
}

export interface ActionInput {
  note?: string | null
  reason?: string | null
  departmentId?: number | null
  result?: string | null
  correctiveMeasures?: string | null
}

export interface FeedbackInput {
  satisfaction: number
  comment?: string | null
  decision: 'confirm' | 'reopen'
}

export interface CallbackInput {
  satisfaction?: number | null
  note: string
}

/** A moment as the databases compare it: UTC, `yyyy-MM-dd HH:mm:ss`. */
export const sqlTime = (value: DateTime) => value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/**
 * Complaint handling (GB/T 39678 7.3; SZDB/Z 304.1 6.9.3): acceptance number and promised deadline
 * on submission, every transition of the state machine in `#complaints/workflow` with its history
 * row and audit-trail entry in one transaction, the complainant's verdict and the call-back.
 */
export default class ComplaintService {
  constructor(
    private audit = new AuditService(),
    private attachments = new AttachmentService(),
    private notifications = new NotificationService()
  ) {}

  /** The promised deadline: the end of the Nth working day after the day of `from`. */
  static async deadline(from: DateTime, days: number, client?: TransactionClientContract) {
    return (await ComplaintService.calendar(client)).addWorkingDays(from, days)
  }

  /**
   * The working-day calendar, read through the caller's transaction when there is one (SQLite
   * has one connection: a second one would wait for the transaction that waits for it).
   */
  static async calendar(client?: TransactionClientContract) {
    const rows = await (client ?? db).from('calendar_days').select('day', 'kind')
    return new CalendarService(new Map(rows.map((r) => [r.day, r.kind])))
  }

  /** Working days from the day of `from` to the day of `to` (0 when on the same day). */
  static async workingDaysBetween(
    from: DateTime,
    to: DateTime,
    client?: TransactionClientContract
  ) {
    const calendar = await ComplaintService.calendar(client)
    let day = from.setZone(ZONE).startOf('day')
    const last = to.setZone(ZONE).startOf('day')
    let count = 0
    while (day < last) {
      day = day.plus({ days: 1 })
      if (calendar.isWorkingDay(day)) count++
    }
    return count
  }

  /** Files a complaint from any channel: number, deadline, history, audit, attachments. */
  async submit(input: SubmissionInput, actor: Actor) {
    const category = await ComplaintCategory.findOrFail(input.categoryId)
    if (!category.isActive) {
      throw new DomainException('complaints.category_inactive', {}, { field: 'categoryId' })
    }
    const now = DateTime.utc()
    const dueAt = await ComplaintService.deadline(now, category.commitmentDays)
    return db.transaction(async (trx) => {
      const complaint = await Complaint.create(
        {
          number: await NumberingService.next(trx, 'TS', now),
          channel: input.channel,
          status: 'submitted',
          tenantId: input.tenantId ?? null,
          submittedBy: input.submittedBy ?? null,
          recordedBy: input.recordedBy ?? null,
          complainantName: input.complainantName || null,
          complainantPhone: input.complainantPhone,
          categoryId: category.id,
          departmentId: category.departmentId,
          subject: input.subject,
          content: input.content,
          commitmentDays: category.commitmentDays,
          submittedAt: now,
          submittedOn: now.setZone(ZONE).startOf('day'),
          clockStartedAt: now,
          dueAt,
          pausedSeconds: 0,
          reopenCount: 0,
        },
        { client: trx }
      )
      for (const file of input.attachments ?? []) {
        await this.attachments.store(
          trx,
          file,
          { type: 'complaint', id: complaint.id, tenantId: complaint.tenantId },
          'attachments',
          actor.user?.id
        )
      }
      await this.event(trx, complaint, 'submitted', null, 'submitted', actor, null)
      await this.audit.record(trx, {
        action: 'complaint.submitted',
        subjectType: 'complaint',
        subjectId: complaint.id,
        after: complaint.serialize(),
        tenantId: complaint.tenantId,
        actor: actor.user,
      })
      return complaint
    })
  }

  /**
   * Runs one transition of the state machine on a locked row. A transition not allowed from the
   * current state is refused with a translated message and nothing changes.
   */
  async act(complaintId: number, action: ComplaintAction, input: ActionInput, actor: Actor) {
    return db.transaction(async (trx) => {
      const complaint = await this.lock(trx, complaintId)
      return this.apply(trx, complaint, action, input, actor)
    })
  }

  /**
   * The complainant's verdict on a resolved case: satisfaction 1–5 and a comment, then either
   * confirm (the case closes) or reopen (once; the case is escalated).
   */
  async feedback(complaintId: number, input: FeedbackInput, actor: Actor) {
    return db.transaction(async (trx) => {
      const complaint = await this.lock(trx, complaintId)
      if (complaint.status !== 'resolved') {
        throw new DomainException('complaints.refused.feedback', {}, { status: 409 })
      }
      if (input.decision === 'reopen' && complaint.reopenCount >= MAX_REOPENS) {
        throw new DomainException('complaints.refused.reopen_once', {}, { field: 'decision' })
      }
      const before = complaint.serialize()
      complaint.merge({
        satisfaction: input.satisfaction,
        feedbackComment: input.comment || null,
        feedbackAt: DateTime.utc(),
      })
      await complaint.save()
      await this.event(
        trx,
        complaint,
        'feedback',
        complaint.status,
        complaint.status,
        actor,
        `${input.satisfaction}/5${input.comment ? ` · ${input.comment}` : ''}`
      )
      await this.audit.record(trx, {
        action: 'complaint.feedback',
        subjectType: 'complaint',
        subjectId: complaint.id,
        before,
        after: complaint.serialize(),
        tenantId: complaint.tenantId,
        actor: actor.user,
      })
      const action = input.decision === 'confirm' ? 'close' : 'reopen'
      return this.apply(trx, complaint, action, {}, actor, 'confirmed')
    })
  }

  /** The staff's call-back (回访) after resolution: once per case, also on a closed archive. */
  async callback(complaintId: number, input: CallbackInput, user: User) {
    return db.transaction(async (trx) => {
      const complaint = await this.lock(trx, complaintId)
      if (!['resolved', 'closed'].includes(complaint.status)) {
        throw new DomainException('complaints.refused.callback', {}, { status: 409 })
      }
      if (complaint.callbackAt) {
        throw new DomainException('complaints.refused.callback_done', {}, { status: 409 })
      }
      const before = complaint.serialize()
      complaint.merge({
        callbackAt: DateTime.utc(),
        callbackBy: user.id,
        callbackSatisfaction: input.satisfaction ?? null,
        callbackNote: input.note,
      })
      await complaint.save()
      const actor: Actor = { user, kind: 'staff' }
      await this.event(
        trx,
        complaint,
        'callback',
        complaint.status,
        complaint.status,
        actor,
        input.note
      )
      await this.audit.record(trx, {
        action: 'complaint.callback',
        subjectType: 'complaint',
        subjectId: complaint.id,
        before,
        after: complaint.serialize(),
        tenantId: complaint.tenantId,
      })
      return complaint
    })
  }

  /**
   * Closes resolved cases the complainant has not answered within AUTO_CLOSE_DAYS (run daily by
   * ComplaintAutoCloseJob). Safe to run twice: a closed case is no longer resolved.
   */
  async closeUnanswered(trx: TransactionClientContract, now: DateTime) {
    const stale = await Complaint.query({ client: trx })
      .where('status', 'resolved')
      .where('resolved_at', '<=', sqlTime(now.minus({ days: AUTO_CLOSE_DAYS })))
      .forUpdate()
    for (const complaint of stale) {
      await this.apply(trx, complaint, 'close', {}, { user: null, kind: 'system' }, 'no_answer')
    }
    return stale.length
  }

  /**
   * Reminds the responsible department once 75% of the allowed time has gone, and escalates to
   * the department head once the deadline has passed (run by ComplaintDeadlineJob). Each case is
   * reminded and escalated once per handling round: the timestamps on the case and the
   * notifications' dedupe keys guard a repeated or redelivered run.
   */
  async checkDeadlines(trx: TransactionClientContract, now: DateTime) {
    const open = await Complaint.query({ client: trx })
      .whereIn('status', CLOCK_RUNNING)
      .where((q) => q.whereNull('reminder_sent_at').orWhereNull('overdue_escalated_at'))
      .forUpdate()
    let reminded = 0
    let escalated = 0
    const system: Actor = { user: null, kind: 'system' }
    for (const complaint of open) {
      const allowed = complaint.dueAt.diff(complaint.clockStartedAt).toMillis()
      const reminderAt = complaint.clockStartedAt.plus({ milliseconds: allowed * REMINDER_SHARE })
      if (!complaint.reminderSentAt && now >= reminderAt && now < complaint.dueAt) {
        await this.mark(trx, complaint, 'reminded', { reminderSentAt: now }, system)
        const staff = await trx
          .from('users')
          .where({ department_id: complaint.departmentId, is_active: true })
          .whereIn('role', ['operator_admin', 'operator_staff'])
          .select('id')
        const recipients = staff.length
          ? staff.map((u) => Number(u.id))
          : await DepartmentService.headsOf(trx, complaint.departmentId)
        if (complaint.handlerId) recipients.push(complaint.handlerId)
        await this.notifications.notifyUsers(trx, recipients, {
          kind: 'complaint.reminder',
          messageKey: 'complaints.notify.reminder',
          data: { number: complaint.number, subject: complaint.subject },
          url: `/complaints/${complaint.id}`,
          dedupeKey: `complaint-reminder:${complaint.id}:${complaint.reopenCount}`,
        })
        reminded++
      }
      if (!complaint.overdueEscalatedAt && now >= complaint.dueAt) {
        await this.mark(trx, complaint, 'escalated', { overdueEscalatedAt: now }, system)
        await this.notifyHead(
          trx,
          complaint,
          'complaint.overdue',
          'complaints.notify.overdue',
          `complaint-overdue:${complaint.id}:${complaint.reopenCount}`
        )
        escalated++
      }
    }
    return { reminded, escalated }
  }

  /** A mark the clock puts on a case (reminded, escalated): history and audit, no state change. */
  private async mark(
    trx: TransactionClientContract,
    complaint: Complaint,
    action: 'reminded' | 'escalated',
    values: Partial<Pick<Complaint, 'reminderSentAt' | 'overdueEscalatedAt'>>,
    actor: Actor
  ) {
    complaint.useTransaction(trx)
    const before = complaint.serialize()
    complaint.merge(values)
    await complaint.save()
    await this.event(trx, complaint, action, complaint.status, complaint.status, actor, null)
    await this.audit.record(trx, {
      action: `complaint.${action}`,
      subjectType: 'complaint',
      subjectId: complaint.id,
      before,
      after: complaint.serialize(),
      tenantId: complaint.tenantId,
      actor: null,
    })
  }

  private async lock(trx: TransactionClientContract, complaintId: number) {
    return Complaint.query({ client: trx }).where('id', complaintId).forUpdate().firstOrFail()
  }

  private async apply(
    trx: TransactionClientContract,
    complaint: Complaint,
    action: ComplaintAction,
    input: ActionInput,
    actor: Actor,
    closeKind: 'staff' | 'confirmed' | 'no_answer' = 'staff'
  ) {
    if (!canTransition(action, complaint.status)) {
      throw new DomainException(`complaints.refused.${action}`, {}, { status: 409 })
    }
    complaint.useTransaction(trx)
    const before = complaint.serialize()
    const from = complaint.status
    const now = DateTime.utc()
    let note = input.note || null
    switch (action) {
      case 'accept':
        complaint.acceptedAt = now
        if (input.departmentId) complaint.departmentId = input.departmentId
        break
      case 'decline':
        complaint.declineReason = input.reason!
        complaint.closedAt = now
        note = input.reason!
        break
      case 'start':
        complaint.handlerId = actor.user?.id ?? null
        break
      case 'await':
        complaint.pausedAt = now
        break
      case 'resume': {
        // The clock stood still while the complainant was asked: the deadline moves by that time.
        const paused = Math.max(0, Math.round(now.diff(complaint.pausedAt!, 'seconds').seconds))
        complaint.dueAt = complaint.dueAt.plus({ seconds: paused })
        complaint.pausedSeconds += paused
        complaint.pausedAt = null
        break
      }
      case 'resolve':
        complaint.merge({
          resolvedAt: now,
          result: input.result!,
          correctiveMeasures: input.correctiveMeasures || null,
          resolvedOnTime: now <= complaint.dueAt,
          handlingWorkingDays: await ComplaintService.workingDaysBetween(
            complaint.submittedAt,
            now,
            trx
          ),
        })
        note = input.result!
        break
      case 'close':
        complaint.closedAt = now
        complaint.closeKind = closeKind
        break
      case 'reopen':
        if (complaint.reopenCount >= MAX_REOPENS) {
          throw new DomainException('complaints.refused.reopen_once', {}, { status: 409 })
        }
        // A reopened case is handled again within the category's time, and escalated.
        complaint.merge({
          reopenCount: complaint.reopenCount + 1,
          escalatedAt: now,
          clockStartedAt: now,
          dueAt: await ComplaintService.deadline(now, complaint.commitmentDays, trx),
          reminderSentAt: null,
          overdueEscalatedAt: null,
          resolvedAt: null,
          resolvedOnTime: null,
        })
        break
    }
    complaint.status = TRANSITIONS[action].to
    await complaint.save()
    await this.event(trx, complaint, action, from, complaint.status, actor, note)
    await this.audit.record(trx, {
      action: `complaint.${action === 'await' ? 'awaiting_complainant' : action}`,
      subjectType: 'complaint',
      subjectId: complaint.id,
      before,
      after: complaint.serialize(),
      tenantId: complaint.tenantId,
      actor: actor.kind === 'system' ? null : actor.user,
    })
    if (action === 'reopen') {
      await this.notifyHead(trx, complaint, 'complaint.reopened', 'complaints.notify.reopened')
    }
    if (action === 'resolve' && complaint.tenantId) {
      await this.notifications.notifyTenant(trx, complaint.tenantId, {
        kind: 'complaint.resolved',
        messageKey: 'complaints.notify.resolved',
        data: { number: complaint.number },
        url: `/tenant/complaints/${complaint.id}`,
        dedupeKey: `complaint-resolved:${complaint.id}:${complaint.reopenCount}`,
      })
    }
    return complaint
  }

  /** The department head (or, when none is named, the operator admins) hears about it. */
  async notifyHead(
    trx: TransactionClientContract,
    complaint: Complaint,
    kind: string,
    messageKey: string,
    dedupeKey?: string
  ) {
    const recipients = await DepartmentService.headsOf(trx, complaint.departmentId)
    return this.notifications.notifyUsers(trx, recipients, {
      kind,
      messageKey,
      data: { number: complaint.number, subject: complaint.subject },
      url: `/complaints/${complaint.id}`,
      dedupeKey: dedupeKey ?? `${kind}:${complaint.id}:${complaint.reopenCount}`,
    })
  }

  private async event(
    trx: TransactionClientContract,
    complaint: Complaint,
    action: string,
    from: string | null,
    to: string | null,
    actor: Actor,
    note: string | null
  ) {
    return ComplaintEvent.create(
      {
        complaintId: complaint.id,
        action,
        fromStatus: from,
        toStatus: to,
        actorId: actor.user?.id ?? null,
        actorKind: actor.kind,
        note,
      },
      { client: trx }
    )
  }
}
