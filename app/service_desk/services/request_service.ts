import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ServiceItem from '#service_desk/models/service_item'
import ServiceRequest from '#service_desk/models/service_request'
import ServiceRequestEvent from '#service_desk/models/service_request_event'
import type User from '#core/models/user'
import AuditService from '#core/services/audit_service'
import AttachmentService from '#core/services/attachment_service'
import CalendarService from '#core/services/calendar_service'
import NumberingService from '#core/services/numbering_service'
import NotificationService from '#core/services/notification_service'
import DomainException from '#core/exceptions/domain_exception'
import { OPERATOR_ROLES } from '#core/roles'
import DepartmentService from '#core/services/department_service'
import {
  canTransition,
  OPEN_STATUSES,
  type RequestAction,
  TRANSITIONS,
} from '#service_desk/workflow'

/** Who acts on a request: an operator, the tenant's user, or the clock. */
export interface Actor {
  user: User | null
  kind: 'staff' | 'tenant' | 'system'
}

export interface SubmissionInput {
  serviceItemId: number
  subject: string
  details: string
  attachments?: MultipartFile[]
}

export interface ActionInput {
  assigneeId?: number
  note?: string | null
  result?: string
  rating?: number
  comment?: string | null
}

/** A moment as the databases compare it: UTC, `yyyy-MM-dd HH:mm:ss`. */
export const sqlTime = (value: DateTime) => value.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')

/**
 * Service requests (GB/T 39678 6 services, 7.1 quality control, 7.2 records): number and promised
 * response/completion times from the catalogue on submission, every transition of the state machine
 * in `#service_desk/workflow` with its history row and audit entry in one transaction, the
 * notifications to the assignee and the tenant, and the overdue escalation run by a job.
 */
export default class RequestService {
  constructor(
    private audit = new AuditService(),
    private attachments = new AttachmentService(),
    private notifications = new NotificationService()
  ) {}

  /**
   * The working-day calendar, read through the caller's transaction (SQLite has one connection:
   * a second one would wait for the transaction that waits for it).
   */
  static async calendar(client?: TransactionClientContract) {
    const rows = await (client ?? db).from('calendar_days').select('day', 'kind')
    return new CalendarService(new Map(rows.map((r) => [r.day, r.kind])))
  }

  /** The promised times of a service counted from `from` (GB/T 39678 7.1: within the promise). */
  static async dueTimes(
    from: DateTime,
    item: Pick<ServiceItem, 'responseHours' | 'completionDays'>,
    client?: TransactionClientContract
  ) {
    const calendar = await RequestService.calendar(client)
    return {
      responseDueAt: calendar.addWorkingHours(from, item.responseHours),
      completionDueAt: calendar.addWorkingDays(from, item.completionDays),
    }
  }

  /** A tenant files a request for a catalogue service: number, promises, history, audit, files. */
  async submit(input: SubmissionInput, tenantId: number, actor: Actor) {
    return db.transaction(async (trx) => {
      const item = await ServiceItem.query({ client: trx })
        .where('id', input.serviceItemId)
        .firstOrFail()
      if (!item.isActive) {
        throw new DomainException('service_desk.refused.inactive', {}, { field: 'serviceItemId' })
      }
      const now = DateTime.utc()
      const due = await RequestService.dueTimes(now, item, trx)
      const request = await ServiceRequest.create(
        {
          number: await NumberingService.next(trx, 'FW', now),
          serviceItemId: item.id,
          departmentId: item.departmentId,
          tenantId,
          submittedBy: actor.user?.id ?? null,
          subject: input.subject,
          details: input.details,
          status: 'submitted',
          responseHours: item.responseHours,
          completionDays: item.completionDays,
          submittedAt: now,
          ...due,
          reopenCount: 0,
        },
        { client: trx }
      )
      for (const file of input.attachments ?? []) {
        await this.attachments.store(
          trx,
          file,
          { type: 'service_request', id: request.id, tenantId },
          'attachments',
          actor.user?.id
        )
      }
      await this.event(trx, request, 'submitted', null, 'submitted', actor, null)
      await this.audit.record(trx, {
        action: 'service_request.submitted',
        subjectType: 'service_request',
        subjectId: request.id,
        after: request.serialize(),
        tenantId,
        actor: actor.user,
      })
      // The responsible department hears of it: its head, or the operator admins.
      await this.notifications.notifyUsers(
        trx,
        await DepartmentService.headsOf(trx, item.departmentId),
        {
          kind: 'service_request.submitted',
          messageKey: 'service_desk.notify.submitted',
          data: { number: request.number, subject: request.subject },
          url: `/service-requests/${request.id}`,
          dedupeKey: `service-request-submitted:${request.id}`,
        }
      )
      return request
    })
  }

  /**
   * Runs one transition on a locked row. A transition not allowed from the current state is
   * refused with a translated message and nothing changes.
   */
  async act(requestId: number, action: RequestAction, input: ActionInput, actor: Actor) {
    return db.transaction(async (trx) => {
      const request = await ServiceRequest.query({ client: trx })
        .where('id', requestId)
        .forUpdate()
        .firstOrFail()
      return this.apply(trx, request, action, input, actor)
    })
  }

  private async apply(
    trx: TransactionClientContract,
    request: ServiceRequest,
    action: RequestAction,
    input: ActionInput,
    actor: Actor
  ) {
    if (!canTransition(action, request.status)) {
      throw new DomainException(`service_desk.refused.${action}`, {}, { status: 409 })
    }
    request.useTransaction(trx)
    const before = request.serialize()
    const from = request.status
    const now = DateTime.utc()
    let note = input.note || null
    switch (action) {
      case 'assign': {
        const assignee = await trx
          .from('users')
          .where({ id: input.assigneeId!, is_active: true })
          .whereIn('role', OPERATOR_ROLES)
          .first()
        if (!assignee) {
          throw new DomainException('service_desk.refused.assignee', {}, { field: 'assigneeId' })
        }
        request.assigneeId = Number(assignee.id)
        // The first assignment answers the request (the promise in working hours).
        if (!request.respondedAt) request.respondedAt = now
        note = [assignee.full_name, note].filter(Boolean).join(' · ')
        break
      }
      case 'complete':
        request.merge({
          completedAt: now,
          result: input.result!,
          completedOnTime: now <= request.completionDueAt,
        })
        note = input.result!
        break
      case 'confirm':
        request.merge({
          rating: input.rating!,
          ratingComment: input.comment || null,
          confirmedAt: now,
        })
        note = `${input.rating}/5${input.comment ? ` · ${input.comment}` : ''}`
        break
      case 'reopen': {
        // Not done after all: handled again within the service's promised completion time.
        const calendar = await RequestService.calendar(trx)
        request.merge({
          reopenCount: request.reopenCount + 1,
          completionDueAt: calendar.addWorkingDays(now, request.completionDays),
          completionEscalatedAt: null,
          completedAt: null,
          completedOnTime: null,
        })
        note = input.comment || null
        break
      }
      case 'close':
        request.closedAt = now
        break
    }
    const to = TRANSITIONS[action].to
    if (to) request.status = to
    await request.save()
    await this.event(trx, request, action, from, request.status, actor, note)
    await this.audit.record(trx, {
      action: `service_request.${action}`,
      subjectType: 'service_request',
      subjectId: request.id,
      before,
      after: request.serialize(),
      tenantId: request.tenantId,
      actor: actor.kind === 'system' ? null : actor.user,
    })
    await this.notify(trx, request, action)
    return request
  }

  /** Who hears of a step: the assignee of an assignment or a reopening, the tenant otherwise. */
  private async notify(
    trx: TransactionClientContract,
    request: ServiceRequest,
    action: RequestAction
  ) {
    const data = { number: request.number, subject: request.subject }
    const round = `${request.id}:${request.reopenCount}`
    if (
      (action === 'assign' || action === 'reopen' || action === 'confirm') &&
      request.assigneeId
    ) {
      await this.notifications.notifyUsers(trx, [request.assigneeId], {
        kind: `service_request.${action}`,
        messageKey: `service_desk.notify.staff_${action}`,
        data,
        url: `/service-requests/${request.id}`,
        dedupeKey: `service-request-${action}:${round}:${request.assigneeId}`,
      })
    }
    if (['assign', 'start', 'complete', 'close'].includes(action)) {
      await this.notifications.notifyTenant(trx, request.tenantId, {
        kind: `service_request.${action}`,
        messageKey: `service_desk.notify.tenant_${action}`,
        data,
        url: `/tenant/service-requests/${request.id}`,
        dedupeKey: `service-request-${action}:${round}:${request.assigneeId ?? 0}`,
      })
    }
  }

  /**
   * Escalates overdue requests to the responsible department's head (or the operator admins when
   * it has none): once when the response promise passes unanswered, once per handling round when
   * the completion promise passes (ServiceRequestOverdueJob). The timestamps on the request and
   * the notifications' dedupe keys make a repeated or redelivered run harmless.
   */
  async escalateOverdue(trx: TransactionClientContract, now: DateTime) {
    const open = await ServiceRequest.query({ client: trx })
      .whereIn('status', OPEN_STATUSES)
      .where((q) =>
        q
          .where((r) =>
            r
              .where('status', 'submitted')
              .whereNull('response_escalated_at')
              .where('response_due_at', '<=', sqlTime(now))
          )
          .orWhere((c) =>
            c.whereNull('completion_escalated_at').where('completion_due_at', '<=', sqlTime(now))
          )
      )
      .orderBy('id')
      .forUpdate()
    let escalated = 0
    const system: Actor = { user: null, kind: 'system' }
    for (const request of open) {
      request.useTransaction(trx)
      const kinds: Array<'response' | 'completion'> = []
      if (
        request.status === 'submitted' &&
        !request.responseEscalatedAt &&
        now >= request.responseDueAt
      ) {
        kinds.push('response')
      }
      if (!request.completionEscalatedAt && now >= request.completionDueAt) kinds.push('completion')
      for (const kind of kinds) {
        const before = request.serialize()
        if (kind === 'response') request.responseEscalatedAt = now
        else request.completionEscalatedAt = now
        await request.save()
        await this.event(
          trx,
          request,
          `escalated_${kind}`,
          request.status,
          request.status,
          system,
          null
        )
        await this.audit.record(trx, {
          action: `service_request.escalated_${kind}`,
          subjectType: 'service_request',
          subjectId: request.id,
          before,
          after: request.serialize(),
          tenantId: request.tenantId,
          actor: null,
        })
        const recipients = await DepartmentService.headsOf(trx, request.departmentId)
        if (request.assigneeId) recipients.push(request.assigneeId)
        await this.notifications.notifyUsers(trx, recipients, {
          kind: `service_request.overdue_${kind}`,
          messageKey: `service_desk.notify.overdue_${kind}`,
          data: { number: request.number, subject: request.subject },
          url: `/service-requests/${request.id}`,
          dedupeKey: `service-request-overdue-${kind}:${request.id}:${request.reopenCount}`,
        })
        escalated++
      }
    }
    return { escalated }
  }

  private event(
    trx: TransactionClientContract,
    request: ServiceRequest,
    action: string,
    from: string | null,
    to: string | null,
    actor: Actor,
    note: string | null
  ) {
    return ServiceRequestEvent.create(
      {
        serviceRequestId: request.id,
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
