import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainException from '#core/exceptions/domain_exception'
import SwTrackingEvent from '#single_window/models/sw_tracking_event'
import type { LogisticsStatusRecord } from '#single_window/receipts/receipt_parser'
import {
  isTrackingStage,
  stageOfLogisticsStatus,
  type TrackingSource,
  type TrackingStage,
} from '#single_window/tracking/stages'

/** One event as a sender gives it (a scanner, a receipt, a CEB513 message). */
export interface TrackingEventInput {
  /** The sender's id for the event: the same id twice is the same event. */
  eventId: string
  logisticsNo: string
  stage: TrackingStage
  /** 物流动作信息: what happened, in the sender's words. */
  action: string
  occurredAt: Date | DateTime
  place?: string | null
  declarationId?: number | null
}

/** What the public timeline shows: no tenant, no person, no declaration — only the parcel's path. */
export interface PublicTrackingEvent {
  stage: TrackingStage
  action: string
  occurredAt: DateTime
  place: string | null
}

export interface RecordResult {
  created: string[]
  duplicates: string[]
}

const LIMITS = { eventId: 120, logisticsNo: 60, action: 200, place: 200 }
/** A scanner clock a little ahead is tolerated; a day ahead is a wrong clock. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000

const sqlTime = (value: Date | DateTime) =>
  (value instanceof Date ? DateTime.fromJSDate(value) : value)
    .toUTC()
    .toSQL({ includeOffset: false })!

/**
 * Logistics tracking (SZDB/Z 304.1-2018 6.6): each waybill's events from entering the zone to
 * leaving it, with stage name, action and time (and place). Events come from the 800 receipt
 * (released), CEB513 waybill status messages and warehouse scanners; each is stored once per
 * tenant and event id, so a sender may repeat itself safely.
 */
export default class TrackingService {
  /** Checks one event; the message keys are in tracking.json (`errors.*`). */
  validate(input: TrackingEventInput, index = 0) {
    const fail = (key: string, field: string) => {
      throw new DomainException(`tracking.errors.${key}`, { index: index + 1, field }, { field })
    }
    for (const field of ['eventId', 'logisticsNo', 'action'] as const) {
      const value = input[field]
      if (typeof value !== 'string' || !value.trim()) fail('required', field)
      if (value.length > LIMITS[field]) fail('too_long', field)
    }
    if (input.place && input.place.length > LIMITS.place) fail('too_long', 'place')
    if (!isTrackingStage(input.stage)) fail('stage', 'stage')
    const at =
      input.occurredAt instanceof Date ? DateTime.fromJSDate(input.occurredAt) : input.occurredAt
    if (!at || !at.isValid) fail('time', 'occurredAt')
    if (at.toMillis() > Date.now() + FUTURE_TOLERANCE_MS) fail('future', 'occurredAt')
  }

  /**
   * Stores events of one tenant inside the caller's transaction; an event id the tenant already
   * sent is reported as a duplicate and changes nothing.
   */
  async record(
    trx: TransactionClientContract,
    tenantId: number,
    source: TrackingSource,
    events: TrackingEventInput[]
  ): Promise<RecordResult> {
    if (!events.length) return { created: [], duplicates: [] }
    events.forEach((event, index) => this.validate(event, index))
    const ids = [...new Set(events.map((e) => e.eventId.trim()))]
    const known = new Set<string>()
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .from('sw_tracking_events')
        .where('tenant_id', tenantId)
        .whereIn('event_id', ids.slice(i, i + 500))
        .select('event_id')
      for (const row of rows) known.add(row.event_id)
    }
    const createdAt = sqlTime(DateTime.utc())
    const fresh = new Map<string, Record<string, unknown>>()
    for (const event of events) {
      const eventId = event.eventId.trim()
      if (known.has(eventId) || fresh.has(eventId)) continue
      fresh.set(eventId, {
        tenant_id: tenantId,
        logistics_no: event.logisticsNo.trim(),
        event_id: eventId,
        stage: event.stage,
        action: event.action.trim(),
        occurred_at: sqlTime(event.occurredAt),
        place: event.place?.trim() || null,
        source,
        declaration_id: event.declarationId ?? null,
        created_at: createdAt,
      })
    }
    const rows = [...fresh.values()]
    for (let i = 0; i < rows.length; i += 500) {
      // A concurrent sender of the same id loses quietly: the unique key keeps one row.
      await trx
        .table('sw_tracking_events')
        .multiInsert(rows.slice(i, i + 500))
        .onConflict(['tenant_id', 'event_id'])
        .ignore()
    }
    return { created: [...fresh.keys()], duplicates: ids.filter((id) => !fresh.has(id)) }
  }

  /** Scanner input (the JSON API): validated, stored in one transaction, all or nothing. */
  async recordScanned(tenantId: number, events: TrackingEventInput[]) {
    if (!events.length) throw new DomainException('tracking.errors.empty', {}, { field: 'events' })
    if (events.length > 500) throw new DomainException('tracking.errors.too_many', { max: 500 })
    return db.transaction((trx) => this.record(trx, tenantId, 'scanner', events))
  }

  /** The release event of an 800 receipt (CEB622/604), once per declaration. */
  async recordRelease(
    trx: TransactionClientContract,
    release: {
      tenantId: number
      declarationId: number
      logisticsNo: string
      occurredAt: Date
      action: string
      place?: string | null
    }
  ) {
    return this.record(trx, release.tenantId, 'receipt', [
      {
        eventId: `release:${release.declarationId}`,
        logisticsNo: release.logisticsNo,
        stage: 'released',
        action: release.action,
        occurredAt: release.occurredAt,
        place: release.place ?? null,
        declarationId: release.declarationId,
      },
    ])
  }

  /** CEB513 waybill status records of one tenant (S = signed for: delivered). */
  async recordLogisticsStatus(
    trx: TransactionClientContract,
    tenantId: number,
    records: LogisticsStatusRecord[],
    action: (record: LogisticsStatusRecord) => string
  ) {
    return this.record(
      trx,
      tenantId,
      'ceb513',
      records.map((r) => ({
        eventId: `ceb513:${r.logisticsCode}:${r.logisticsNo}:${r.logisticsStatus}:${r.logisticsTime}`,
        logisticsNo: r.logisticsNo,
        stage: stageOfLogisticsStatus(r.logisticsStatus),
        action: action(r),
        occurredAt: r.occurredAt,
        place: null,
      }))
    )
  }

  /**
   * The public timeline of a waybill number, oldest first: stage, action, time and place only.
   * Waybill numbers are unique per carrier (SPEC.md §4). Only the waybill's own parties speak here:
   * events of tenants that declared a document carrying this number (its waybill, order or
   * inventory list), so another tenant's scanner token cannot write into a stranger's parcel history.
   */
  static async timeline(logisticsNo: string): Promise<PublicTrackingEvent[]> {
    const number = logisticsNo.trim()
    if (!number || number.length > LIMITS.logisticsNo) return []
    const rows = await SwTrackingEvent.query()
      .where('logistics_no', number)
      .whereIn('tenant_id', (parties) =>
        parties.from('sw_declarations').where('logistics_no', number).select('tenant_id')
      )
      .orderBy('occurred_at', 'asc')
      .orderBy('id', 'asc')
      .select('stage', 'action', 'occurred_at', 'place')
      .limit(200)
    return rows.map((r) => ({
      stage: r.stage,
      action: r.action,
      occurredAt: r.occurredAt,
      place: r.place,
    }))
  }

  /** A tenant's own events of a waybill, with their source and ids (for its pages). */
  static forTenant(tenantId: number, logisticsNo: string) {
    return SwTrackingEvent.query()
      .where({ tenant_id: tenantId, logistics_no: logisticsNo.trim() })
      .orderBy('occurred_at', 'asc')
      .orderBy('id', 'asc')
  }
}
