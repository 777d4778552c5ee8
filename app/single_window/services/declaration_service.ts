import { DateTime } from 'luxon'
import { Decimal } from 'decimal.js'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import SwProfile from '#single_window/models/sw_profile'
import SwDeclaration from '#single_window/models/sw_declaration'
import SwDeclarationEvent, { type EventKind } from '#single_window/models/sw_declaration_event'
import SwMessage from '#single_window/models/sw_message'
import {
  MESSAGE_TYPES,
  PROFILE_ROLES,
  isMessageType,
  type BusinessMode,
  type MessageType,
  type ProfileRole,
} from '#single_window/message_types'
import {
  checkDocument,
  completeDocument,
  type ProfileIdentity,
} from '#single_window/checks/document_checks'
import { personalLimits, threeDocumentMatch } from '#single_window/checks/business_checks'
import { hasErrors, type CheckProblem } from '#single_window/checks/problem'
import { buildMessage } from '#single_window/builders/message_builder'
import { prepareSigner } from '#single_window/builders/signer'

type Values = Record<string, string | null | undefined>

/** Who acts: the user (null for the system, e.g. a job) — the tenant is always passed separately. */
export interface Actor {
  id: number
  email: string
}

export interface ProfileInput {
  customsCode: string
  copCode: string
  copName: string
  dxpId: string
  roles: ProfileRole[]
  ebpCode?: string | null
  ebpName?: string | null
}

/** A document as a form or an import row gives it: head and goods lines by XSD element name. */
export interface DeclarationInput {
  messageType: MessageType
  businessMode: BusinessMode
  head: Values
  lines?: Values[]
}

export interface CheckResult {
  problems: CheckProblem[]
  passed: boolean
}

/** Statuses after which customs did not take the declaration (may be corrected and sent again). */
export const REJECTED_STATUSES = ['100', '4']
export const isRejected = (status: string) =>
  REJECTED_STATUSES.includes(status) || status.startsWith('-')

/** Declarations that count against a buyer's annual limit: sent and not rejected. */
const COUNTS_FOR_LIMIT = (status: string) =>
  !['draft', 'checked'].includes(status) && !isRejected(status)

const identityOf = (profile: SwProfile): ProfileIdentity => ({
  copCode: profile.copCode,
  copName: profile.copName,
  roles: profile.roleList,
  ebpCode: profile.ebpCode,
  ebpName: profile.ebpName,
})

const sum = (lines: Values[]) =>
  lines.reduce((total, l) => total.plus(l.totalPrice ?? 0), new Decimal(0)).toFixed()

/** Columns stored beside the JSON head: keys for matching, tracking, limits and lists. */
export function derivedColumns(type: MessageType, head: Values, lines: Values[]) {
  const info = MESSAGE_TYPES[type]
  const amount =
    type === 'CEB311'
      ? head.acturalPaid
      : type === 'CEB303'
        ? head.goodsValue
        : type === 'CEB411'
          ? head.amountPaid
          : type === 'CEB511' || type === 'CEB505'
            ? head.freight
            : sum(lines)
  return {
    doc_no: head[info.docNoField] ?? '',
    order_no: head.orderNo ?? null,
    logistics_code: head.logisticsCode ?? null,
    logistics_no: head.logisticsNo ?? null,
    cop_no: head.copNo ?? null,
    pre_no: head.preNo ?? null,
    invt_no: head.invtNo ?? null,
    buyer_id_number: head.buyerIdNumber ?? head.payerIdNumber ?? null,
    buyer_name: head.buyerName ?? head.payerName ?? head.consignee ?? null,
    amount: amount && /^-?\d+(\.\d+)?$/.test(amount) ? amount : null,
    currency: head.currency ?? head.fCurrency ?? null,
  }
}

/**
 * Single-window declarations (issue 6; framework opinion 2016: one-time submission of standard data,
 * status returned through the window; SZDB/Z 304.1-2018 6.4: receipts give the result and the reason):
 * the tenant's profile, creating documents from forms with
 * every check, the checks that need other documents (three-document match, personal limits), and
 * submission: the state change, its outbox message and its event in ONE transaction. Every method
 * takes the tenant: a tenant only ever reads or changes its own profile and declarations.
 */
export default class DeclarationService {
  constructor(private audit = new AuditService()) {}

  /** The tenant's single-window profile, or null when it has none yet. */
  async profileOf(tenantId: number, client?: TransactionClientContract) {
    return SwProfile.query({ client }).where('tenantId', tenantId).first()
  }

  /** The profile or a translated "set up your profile first". */
  async requireProfile(tenantId: number, client?: TransactionClientContract) {
    const profile = await this.profileOf(tenantId, client)
    if (!profile) throw new DomainException('sw.errors.no_profile', {}, { status: 422 })
    return profile
  }

  /** Creates or updates the tenant's profile (audited). */
  async saveProfile(tenantId: number, input: ProfileInput, actor: Actor | null = null) {
    const roles = input.roles.filter((r) => PROFILE_ROLES.includes(r))
    if (roles.length === 0) {
      throw new DomainException('sw.errors.profile_roles', {}, { field: 'roles' })
    }
    return db.transaction(async (trx) => {
      const existing = await SwProfile.query({ client: trx })
        .where('tenantId', tenantId)
        .forUpdate()
        .first()
      const profile = existing ?? new SwProfile()
      const before = existing ? existing.serialize() : null
      profile.useTransaction(trx)
      profile.merge({
        tenantId,
        customsCode: input.customsCode.trim(),
        copCode: input.copCode.trim(),
        copName: input.copName.trim(),
        dxpId: input.dxpId.trim(),
        roles: roles.join(','),
        ebpCode: input.ebpCode?.trim() || null,
        ebpName: input.ebpName?.trim() || null,
      })
      await profile.save()
      await this.audit.record(trx, {
        action: existing ? 'sw.profile.update' : 'sw.profile.create',
        subjectType: 'sw_profile',
        subjectId: profile.id,
        before,
        after: profile.serialize(),
        tenantId,
        actor: actor ?? undefined,
      })
      return profile
    })
  }

  /** One of the tenant's declarations, or 404 — never another tenant's. */
  async find(tenantId: number, id: number, client?: TransactionClientContract) {
    const declaration = await SwDeclaration.query({ client })
      .where('tenantId', tenantId)
      .where('id', id)
      .first()
    if (!declaration) {
      throw new DomainException('sw.errors.not_found', {}, { status: 404, code: 'E_NOT_FOUND' })
    }
    return declaration
  }

  /** A declaration with its lines and timeline (detail page). */
  async detail(tenantId: number, id: number) {
    const declaration = await this.find(tenantId, id)
    await declaration.load('lines', (q) => q.orderBy('gnum'))
    await declaration.load('events', (q) => q.orderBy('occurredAt').orderBy('id'))
    await declaration.load('messages', (q) => q.orderBy('id'))
    return declaration
  }

  /**
   * Creates a declaration from form data: completes the head (fixed values, own party), runs every
   * check and stores the result. A declaration that fails a check is kept as 'draft' with its
   * problems (so the form can show them); one that passes is 'checked'.
   */
  async create(tenantId: number, input: DeclarationInput, actor: Actor | null = null) {
    if (!isMessageType(input.messageType)) {
      throw new DomainException('sw.errors.message_type', {}, { field: 'messageType' })
    }
    return db.transaction(async (trx) => {
      const profile = await this.requireProfile(tenantId, trx)
      const { head, lines } = completeDocument(
        input.messageType,
        input.businessMode,
        input.head,
        input.lines ?? [],
        identityOf(profile)
      )
      const derived = derivedColumns(input.messageType, head, lines)
      if (derived.doc_no) await this.assertUnique(trx, tenantId, input.messageType, derived.doc_no)
      const problems = await this.runChecks(
        trx,
        tenantId,
        profile,
        input.messageType,
        input.businessMode,
        head,
        lines
      )
      const declaration = new SwDeclaration()
      declaration.useTransaction(trx)
      declaration.merge({
        tenantId,
        messageType: input.messageType,
        direction: MESSAGE_TYPES[input.messageType].direction,
        businessMode: input.businessMode,
        docNo: derived.doc_no,
        orderNo: derived.order_no,
        logisticsCode: derived.logistics_code,
        logisticsNo: derived.logistics_no,
        copNo: derived.cop_no,
        preNo: derived.pre_no,
        invtNo: derived.invt_no,
        buyerIdNumber: derived.buyer_id_number,
        buyerName: derived.buyer_name,
        amount: derived.amount,
        currency: derived.currency,
        header: JSON.stringify(head),
        status: hasErrors(problems) ? 'draft' : 'checked',
        checkReport: JSON.stringify(problems),
        createdBy: actor?.id ?? null,
      })
      await declaration.save()
      if (lines.length) {
        await trx
          .table('sw_declaration_lines')
          .multiInsert(lines.map((line) => lineRow(declaration.id, line)))
      }
      const now = DateTime.utc()
      await this.event(
        trx,
        declaration.id,
        'created',
        declaration.status,
        null,
        `created:${declaration.id}`,
        'user',
        actor,
        now
      )
      await this.audit.record(trx, {
        action: 'sw.declaration.create',
        subjectType: 'sw_declaration',
        subjectId: declaration.id,
        after: {
          messageType: declaration.messageType,
          docNo: declaration.docNo,
          status: declaration.status,
        },
        tenantId,
        actor: actor ?? undefined,
      })
      return { declaration, problems, passed: !hasErrors(problems) }
    })
  }

  /**
   * Corrects a declaration that was not sent or that customs rejected (100, negative codes; SW 702-2018
   * 4.2 b: the enterprise adjusts its messages according to the receipts): replaces its head and lines, runs every check again and
   * keeps it as 'checked' or 'draft'. The document number may not change; sent ones cannot be edited.
   */
  async update(
    tenantId: number,
    id: number,
    input: Omit<DeclarationInput, 'messageType'>,
    actor: Actor | null = null
  ) {
    return db.transaction(async (trx) => {
      const declaration = await this.lockOwn(trx, tenantId, id)
      if (!declaration.isLocal && !isRejected(declaration.status)) {
        throw new DomainException('sw.errors.not_editable', { status: declaration.status })
      }
      const profile = await this.requireProfile(tenantId, trx)
      const type = declaration.messageType
      const { head, lines } = completeDocument(
        type,
        input.businessMode,
        input.head,
        input.lines ?? [],
        identityOf(profile)
      )
      const derived = derivedColumns(type, head, lines)
      if (derived.doc_no !== declaration.docNo) {
        throw new DomainException(
          'sw.errors.doc_no_fixed',
          { docNo: declaration.docNo },
          { field: MESSAGE_TYPES[type].docNoField }
        )
      }
      const problems = await this.runChecks(
        trx,
        tenantId,
        profile,
        type,
        input.businessMode,
        head,
        lines,
        declaration.id
      )
      const before = { status: declaration.status, header: declaration.headerData }
      declaration.merge({
        businessMode: input.businessMode,
        orderNo: derived.order_no,
        logisticsCode: derived.logistics_code,
        logisticsNo: derived.logistics_no,
        copNo: derived.cop_no,
        preNo: derived.pre_no,
        invtNo: derived.invt_no,
        buyerIdNumber: derived.buyer_id_number,
        buyerName: derived.buyer_name,
        amount: derived.amount,
        currency: derived.currency,
        header: JSON.stringify(head),
        status: hasErrors(problems) ? 'draft' : 'checked',
        checkReport: JSON.stringify(problems),
      })
      await declaration.save()
      await trx.from('sw_declaration_lines').where('declaration_id', declaration.id).delete()
      if (lines.length) {
        await trx
          .table('sw_declaration_lines')
          .multiInsert(lines.map((line) => lineRow(declaration.id, line)))
      }
      await this.event(
        trx,
        declaration.id,
        'checked',
        declaration.status,
        'updated',
        `updated:${declaration.id}:${Date.now()}:${Math.random()}`,
        'user',
        actor
      )
      await this.audit.record(trx, {
        action: 'sw.declaration.update',
        subjectType: 'sw_declaration',
        subjectId: declaration.id,
        before,
        after: { status: declaration.status, header: head },
        tenantId,
        actor: actor ?? undefined,
      })
      return { declaration, problems, passed: !hasErrors(problems) }
    })
  }

  /** Re-runs every check on a local declaration and stores the result ('checked' or 'draft'). */
  async check(
    tenantId: number,
    id: number,
    actor: Actor | null = null
  ): Promise<CheckResult & { declaration: SwDeclaration }> {
    return db.transaction(async (trx) => {
      const declaration = await this.lockOwn(trx, tenantId, id)
      const problems = await this.recheck(trx, tenantId, declaration)
      if (declaration.isLocal) {
        declaration.status = hasErrors(problems) ? 'draft' : 'checked'
      }
      declaration.checkReport = JSON.stringify(problems)
      await declaration.save()
      await this.event(
        trx,
        declaration.id,
        'checked',
        declaration.status,
        hasErrors(problems) ? String(problems.filter((p) => p.level === 'error').length) : null,
        `checked:${declaration.id}:${Date.now()}:${Math.random()}`,
        'user',
        actor
      )
      return { declaration, problems, passed: !hasErrors(problems) }
    })
  }

  /**
   * Submits a declaration: every check again (nothing that fails a check is sent), then in ONE
   * transaction the status 'queued', the outbox message (sw_messages, state pending) and the
   * 'submitted' event. A declaration customs rejected (100, negative codes) may be sent again.
   */
  async submit(tenantId: number, id: number, actor: Actor | null = null) {
    await prepareSigner()
    return db.transaction(async (trx) => {
      const declaration = await this.lockOwn(trx, tenantId, id)
      if (!declaration.isLocal && !isRejected(declaration.status)) {
        throw new DomainException('sw.errors.already_submitted', { status: declaration.status })
      }
      const profile = await this.requireProfile(tenantId, trx)
      const problems = await this.recheck(trx, tenantId, declaration, profile)
      if (hasErrors(problems)) {
        declaration.checkReport = JSON.stringify(problems)
        declaration.status = declaration.isLocal ? 'draft' : declaration.status
        await declaration.save()
        throw new DomainException('sw.errors.check_failed', {
          count: problems.filter((p) => p.level === 'error').length,
        })
      }
      const message = await this.enqueue(trx, declaration, profile, actor)
      await this.audit.record(trx, {
        action: 'sw.declaration.submit',
        subjectType: 'sw_declaration',
        subjectId: declaration.id,
        after: { status: 'queued', guid: message.guid },
        tenantId,
        actor: actor ?? undefined,
      })
      return { declaration, message }
    })
  }

  /**
   * Builds the message and writes the state change, the outbox row and the event with the caller's
   * transaction (the batch path calls it for many declarations in one transaction).
   */
  async enqueue(
    trx: TransactionClientContract,
    declaration: SwDeclaration,
    profile: SwProfile,
    actor: Actor | null
  ) {
    const lines = await trx
      .from('sw_declaration_lines')
      .where('declaration_id', declaration.id)
      .orderBy('gnum')
      .select('fields')
    const head = { ...declaration.headerData }
    delete head.guid
    const built = buildMessage(
      declaration.messageType,
      [{ head, lines: lines.map((l) => JSON.parse(l.fields)) }],
      { copCode: profile.copCode, copName: profile.copName, dxpId: profile.dxpId }
    )
    const now = DateTime.utc()
    declaration.useTransaction(trx)
    declaration.status = 'queued'
    declaration.lastGuid = built.guid
    declaration.submittedAt = now
    declaration.statusText = null
    declaration.checkReport = JSON.stringify([])
    await declaration.save()
    const message = await SwMessage.create(
      {
        guid: built.guid,
        tenantId: declaration.tenantId,
        declarationId: declaration.id,
        messageType: declaration.messageType,
        xml: built.xml,
        state: 'pending',
        attempts: 0,
      },
      { client: trx }
    )
    await this.event(
      trx,
      declaration.id,
      'submitted',
      'queued',
      built.guid,
      `submitted:${built.guid}`,
      'user',
      actor,
      now
    )
    return message
  }

  /**
   * Applies a status to a declaration (receipts, the transport): records the event unless its
   * dedupe key was seen (then nothing changes), and moves the status only when this `returnTime`
   * is not older than the one applied last, so receipts apply in the order of their returnTime.
   * Returns false when the event was a duplicate.
   */
  async applyStatus(
    trx: TransactionClientContract,
    declarationId: number,
    update: {
      kind: 'receipt' | 'written' | 'tracking'
      status: string | null
      text: string | null
      returnTime?: string | null
      occurredAt: DateTime
      source: string
      dedupeKey: string
      data?: Record<string, unknown> | null
    }
  ) {
    const seen = await trx
      .from('sw_declaration_events')
      .where('dedupe_key', update.dedupeKey)
      .first()
    if (seen) return false
    await trx.table('sw_declaration_events').insert({
      declaration_id: declarationId,
      kind: update.kind,
      status: update.status,
      text: update.text,
      occurred_at: update.occurredAt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss'),
      return_time: update.returnTime ?? null,
      source: update.source.slice(0, 255),
      data: update.data ? JSON.stringify(update.data) : null,
      dedupe_key: update.dedupeKey,
      created_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
    })
    if (update.kind !== 'receipt' || update.status === null) return true
    const row = await trx
      .from('sw_declarations')
      .where('id', declarationId)
      .forUpdate()
      .select('status_return_time')
      .first()
    const last = row?.status_return_time as string | null
    if (!last || (update.returnTime ?? '') >= last) {
      await trx
        .from('sw_declarations')
        .where('id', declarationId)
        .update({
          status: update.status,
          status_text: update.text,
          status_at: update.occurredAt.toUTC().toFormat('yyyy-MM-dd HH:mm:ss'),
          status_return_time: update.returnTime ?? last,
          updated_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
        })
    }
    return true
  }

  /** The checks of a stored declaration, with the current documents it is matched against. */
  private async recheck(
    trx: TransactionClientContract,
    tenantId: number,
    declaration: SwDeclaration,
    profile?: SwProfile
  ) {
    const own = profile ?? (await this.requireProfile(tenantId, trx))
    const lines = (
      await trx
        .from('sw_declaration_lines')
        .where('declaration_id', declaration.id)
        .orderBy('gnum')
        .select('fields')
    ).map((l) => JSON.parse(l.fields) as Values)
    return this.runChecks(
      trx,
      tenantId,
      own,
      declaration.messageType,
      declaration.businessMode,
      declaration.headerData,
      lines,
      declaration.id
    )
  }

  /** Single-document checks, then for CEB621 the three-document match and the personal limits. */
  private async runChecks(
    trx: TransactionClientContract,
    tenantId: number,
    profile: SwProfile,
    type: MessageType,
    mode: BusinessMode,
    head: Values,
    lines: Values[],
    selfId?: number
  ) {
    const problems = checkDocument(type, mode, head, lines, identityOf(profile))
    if (type !== 'CEB621') return problems
    const parcel = await this.parcelOf(trx, head)
    problems.push(...threeDocumentMatch({ inventory: { head, lines }, ...parcel }))
    const declared = await this.declaredThisYear(trx, head.buyerIdNumber ?? '', selfId)
    problems.push(...personalLimits(lines, declared))
    void tenantId
    return problems
  }

  /**
   * The order, payment and waybill of an inventory list, found by order number and waybill number
   * across the park: the three documents usually come from three different enterprises (platform,
   * payment company, carrier). Only the documents' contents are compared; nothing is shown.
   */
  async parcelOf(trx: TransactionClientContract, head: Values) {
    const load = async (
      type: MessageType,
      column: string,
      value: string | null | undefined,
      party: [string, string | null | undefined]
    ) => {
      if (!value) return null
      const rows = await trx
        .from('sw_declarations')
        .where('message_type', type)
        .where(column, value)
        .orderBy('id', 'desc')
        .select('id', 'header')
      const row = pickDocument(rows, party[0], party[1])
      if (!row) return null
      const lines =
        type === 'CEB311'
          ? (
              await trx
                .from('sw_declaration_lines')
                .where('declaration_id', row.id)
                .orderBy('gnum')
                .select('fields')
            ).map((l) => JSON.parse(l.fields) as Values)
          : []
      return { head: row.parsed, lines }
    }
    const [order, payment, waybill] = await Promise.all([
      load('CEB311', 'order_no', head.orderNo, ['ebpCode', head.ebpCode]),
      load('CEB411', 'order_no', head.orderNo, ['ebpCode', head.ebpCode]),
      load('CEB511', 'logistics_no', head.logisticsNo, ['logisticsCode', head.logisticsCode]),
    ])
    return { order, payment, waybill }
  }

  /** What a buyer has declared on inventory lists this calendar year (Asia/Shanghai), excluding one. */
  async declaredThisYear(trx: TransactionClientContract, buyerIdNumber: string, exceptId?: number) {
    if (!buyerIdNumber) return new Decimal(0)
    const start = DateTime.now()
      .setZone('Asia/Shanghai')
      .startOf('year')
      .toUTC()
      .toFormat('yyyy-MM-dd HH:mm:ss')
    const rows = await trx
      .from('sw_declarations')
      .where('message_type', 'CEB621')
      .where('buyer_id_number', buyerIdNumber)
      .where('submitted_at', '>=', start)
      .if(exceptId, (q) => q.whereNot('id', exceptId!))
      .select('status', 'amount')
    return rows
      .filter((r) => COUNTS_FOR_LIMIT(r.status))
      .reduce((total, r) => total.plus(r.amount ?? 0), new Decimal(0))
  }

  private async assertUnique(
    trx: TransactionClientContract,
    tenantId: number,
    type: MessageType,
    docNo: string
  ) {
    const exists = await trx
      .from('sw_declarations')
      .where('tenant_id', tenantId)
      .where('message_type', type)
      .where('doc_no', docNo)
      .first()
    if (exists) {
      throw new DomainException(
        'sw.errors.duplicate',
        { docNo },
        { field: MESSAGE_TYPES[type].docNoField }
      )
    }
  }

  private async lockOwn(trx: TransactionClientContract, tenantId: number, id: number) {
    const declaration = await SwDeclaration.query({ client: trx })
      .where('tenantId', tenantId)
      .where('id', id)
      .forUpdate()
      .first()
    if (!declaration) {
      throw new DomainException('sw.errors.not_found', {}, { status: 404, code: 'E_NOT_FOUND' })
    }
    return declaration
  }

  private async event(
    trx: TransactionClientContract,
    declarationId: number,
    kind: EventKind,
    status: string | null,
    text: string | null,
    dedupeKey: string,
    source: string,
    actor: Actor | null,
    at: DateTime = DateTime.utc()
  ) {
    await SwDeclarationEvent.create(
      {
        declarationId,
        kind,
        status,
        text,
        occurredAt: at,
        source,
        dedupeKey,
        createdBy: actor?.id ?? null,
      },
      { client: trx }
    )
  }
}

/**
 * Of the documents with one order or waybill number (numbers are unique per platform or carrier, not
 * park-wide), the one of the same platform (ebpCode) or carrier (logisticsCode); else the latest, so a
 * differing party is reported as a mismatch rather than a missing document.
 */
export function pickDocument<R extends { header: string }>(
  rows: R[],
  field: string,
  value: string | null | undefined
): (R & { parsed: Values }) | null {
  let fallback: (R & { parsed: Values }) | null = null
  for (const row of rows) {
    const parsed = JSON.parse(row.header) as Values
    if (value && parsed[field] === value) return { ...row, parsed }
    fallback ??= { ...row, parsed }
  }
  return fallback
}

/** One goods-line row: the JSON fields plus the columns lists and sums use. */
export function lineRow(declarationId: number, line: Values) {
  return {
    declaration_id: declarationId,
    gnum: Number(line.gnum),
    item_no: line.itemNo ?? null,
    item_name: line.itemName ?? line.gname ?? null,
    gcode: line.gcode ?? null,
    qty: line.qty && /^\d+(\.\d+)?$/.test(line.qty) ? line.qty : null,
    price: line.price && /^\d+(\.\d+)?$/.test(line.price) ? line.price : null,
    total_price: line.totalPrice && /^\d+(\.\d+)?$/.test(line.totalPrice) ? line.totalPrice : null,
    fields: JSON.stringify(line),
  }
}
