import { type DateTime } from 'luxon'
import type { I18n } from '@adonisjs/i18n'
import type SwDeclaration from '#single_window/models/sw_declaration'
import SwDeclarationLine from '#single_window/models/sw_declaration_line'
import SwDeclarationEvent from '#single_window/models/sw_declaration_event'
import SwMessage from '#single_window/models/sw_message'
import TrackingService from '#single_window/tracking/tracking_service'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import { statusWords } from '#single_window/receipts/status_catalogue'
import { isRejected } from '#single_window/services/declaration_service'
import { MESSAGE_TYPES } from '#single_window/message_types'
import { fieldLabel, problemMessage } from '#single_window/services/declaration_form_service'

const ZONE = 'Asia/Shanghai'
const at = (value: DateTime | null | undefined) =>
  value ? value.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm:ss') : ''

/** A timeline entry of the shared timeline component. */
interface TimelineItem {
  time: string
  title: string
  body?: string
  meta?: string
  tone: string
}

/**
 * Everything the detail page shows of a declaration: every head field and line field (XSD order,
 * in the reader's language), the status in plain words with its official meaning and the next step
 * (status catalogue), the timeline of events and receipts, the outbox messages and, for waybills,
 * the tracking events. Read-only; the tenant or operator check happened before.
 */
export async function declarationPresenter(
  declaration: SwDeclaration,
  i18n: I18n,
  area: 'tenant' | 'operator'
) {
  const spec = FIELD_SPECS[declaration.messageType]
  const header = declaration.headerData
  const [lines, events, messages] = await Promise.all([
    SwDeclarationLine.query().where('declaration_id', declaration.id).orderBy('gnum'),
    SwDeclarationEvent.query()
      .where('declaration_id', declaration.id)
      .orderBy('occurred_at', 'asc')
      .orderBy('return_time', 'asc')
      .orderBy('id', 'asc'),
    SwMessage.query()
      .where('declaration_id', declaration.id)
      .select(
        'id',
        'guid',
        'state',
        'attempts',
        'file_name',
        'written_at',
        'last_error',
        'created_at'
      )
      .orderBy('id'),
  ])
  await declaration.load('tenant')

  const headFields = spec.head.fields
    .filter((f) => header[f.name] !== undefined && header[f.name] !== '')
    .map((f) => ({ name: f.name, label: fieldLabel(f.name, i18n), value: header[f.name] }))
  const lineFields = (spec.list?.fields ?? []).filter((f) =>
    lines.some((l) => {
      const v = l.fieldData[f.name]
      return v !== undefined && v !== ''
    })
  )
  const status = statusWords(i18n, declaration.status, declaration.statusText)
  const problems = declaration.checkProblems.map((p) => ({
    level: p.level,
    where: p.line
      ? i18n.t('sw_web.declaration.line_field', { line: p.line, field: fieldLabel(p.field, i18n) })
      : fieldLabel(p.field, i18n),
    message: problemMessage(p, i18n),
  }))

  const receiptType = MESSAGE_TYPES[declaration.messageType].receipt
  const timeline: TimelineItem[] = events.map((event) => eventItem(event, i18n, receiptType))
  const tracking = declaration.logisticsNo
    ? (await TrackingService.forTenant(declaration.tenantId, declaration.logisticsNo)).map((e) => ({
        time: at(e.occurredAt),
        stage: i18n.t(`tracking.stages.${e.stage}`),
        action: e.action,
        place: e.place,
        source: i18n.t(`tracking.sources.${e.source}`),
      }))
    : []

  return {
    declaration,
    area,
    typeLabel: i18n.t(`sw_web.types.${declaration.messageType}`),
    status,
    headFields,
    lineFields: lineFields.map((f) => ({ name: f.name, label: fieldLabel(f.name, i18n) })),
    lines: lines.map((l) => l.fieldData),
    problems,
    timeline: timeline.reverse(),
    messages: messages.map((m) => ({
      guid: m.guid,
      state: m.state,
      attempts: m.attempts,
      fileName: m.fileName,
      writtenAt: at(m.writtenAt),
      lastError: m.lastError,
    })),
    tracking,
    canSubmit: declaration.isLocal || isRejected(declaration.status),
    canCheck: declaration.isLocal,
    createdAt: at(declaration.createdAt),
    submittedAt: at(declaration.submittedAt),
    statusAt: at(declaration.statusAt),
  }
}

/** One event in words: what happened, with the status meaning and next step for receipts. */
function eventItem(event: SwDeclarationEvent, i18n: I18n, receiptType: string): TimelineItem {
  const time = at(event.occurredAt)
  const source = event.source
  switch (event.kind) {
    case 'receipt': {
      const words = statusWords(i18n, event.status, event.text)
      // Receipts recorded by the inbox name their type; others are of the type that answers this one.
      const receipt = String(event.dataObject.receipt ?? receiptType)
      return {
        time,
        title: i18n.t('sw_web.timeline.receipt', { receipt, code: words.code, label: words.label }),
        body: `${words.meaning} ${i18n.t('sw_web.timeline.next_step', { step: words.nextStep })}`,
        meta: event.text ? i18n.t('sw_web.timeline.return_info', { info: event.text }) : source,
        tone: words.tone,
      }
    }
    case 'written':
      return {
        time,
        title: i18n.t('sw_web.timeline.written'),
        meta: event.text ?? undefined,
        tone: 'info',
      }
    case 'submitted':
      return {
        time,
        title: i18n.t('sw_web.timeline.submitted'),
        meta: event.text ? i18n.t('sw_web.timeline.guid', { guid: event.text }) : undefined,
        tone: 'info',
      }
    case 'checked':
      if (event.text === 'updated') {
        return { time, title: i18n.t('sw_web.timeline.updated'), tone: 'info' }
      }
      return {
        time,
        title: event.text
          ? i18n.t('sw_web.timeline.checked_failed', { count: event.text })
          : i18n.t('sw_web.timeline.checked_passed'),
        tone: event.text ? 'warning' : 'success',
      }
    case 'tracking':
      return { time, title: event.text ?? i18n.t('sw_web.timeline.tracking'), tone: 'neutral' }
    default:
      return {
        time,
        title: i18n.t('sw_web.timeline.created'),
        body: statusWords(i18n, event.status).label,
        tone: 'neutral',
      }
  }
}
