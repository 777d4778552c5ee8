import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type User from '#core/models/user'
import Attachment from '#core/models/attachment'
import TenantDocument from '#park/models/tenant_document'
import AuditService from '#core/services/audit_service'
import AttachmentService, { type UploadedFile } from '#core/services/attachment_service'
import NotificationService from '#core/services/notification_service'
import DomainException from '#core/exceptions/domain_exception'
import { todayInShanghai } from '#core/dates'
import {
  type DocumentKind,
  type DocumentStatus,
  DOCUMENT_STATUSES,
  REMINDER_DAYS,
  daysUntil,
} from '#park/documents'

export interface DocumentInput {
  kind: DocumentKind
  title: string
  documentNumber: string | null
  issuedOn: DateTime | null
  expiresOn: DateTime | null
  note: string | null
}

export type StatusFilter = DocumentStatus | 'attention' | 'all'

export interface DocumentFilters {
  q?: string
  kind?: DocumentKind
  status?: StatusFilter
  sort?: string
  order?: 'asc' | 'desc'
}

type DocumentQuery = ModelQueryBuilderContract<typeof TenantDocument>

/** An expired notice still goes out if the daily run missed up to this many days. */
const EXPIRED_CATCH_UP_DAYS = 7

/**
 * A tenant's documents: upload, edit or replace (a new version of the file), delete, the lists
 * by expiry status and the daily reminders. Every change is one transaction with its audit entry;
 * a stored file is taken back if the transaction rolls back.
 */
export default class DocumentService {
  constructor(
    private audit = new AuditService(),
    private attachments = new AttachmentService()
  ) {}

  async create(tenantId: number, input: DocumentInput, file: UploadedFile, by?: User | null) {
    this.assertDates(input)
    return db.transaction(async (trx) => {
      const document = await TenantDocument.create(
        { ...input, tenantId, version: 1, uploadedBy: by?.id ?? null },
        { client: trx }
      )
      const attachment = await this.storeFile(trx, document, file, by)
      document.attachmentId = attachment.id
      await document.save()
      await this.audit.record(trx, {
        action: 'tenant_document.created',
        subjectType: 'tenant_document',
        subjectId: document.id,
        after: { ...document.serialize(), file: this.fileFacts(attachment) },
        tenantId,
      })
      return document
    })
  }

  /** Changes the details; with a file, that file becomes the next version (earlier ones are kept). */
  async update(
    documentId: number,
    input: DocumentInput,
    file?: UploadedFile | null,
    by?: User | null
  ) {
    this.assertDates(input)
    return db.transaction(async (trx) => {
      const document = await TenantDocument.query({ client: trx })
        .where('id', documentId)
        .forUpdate()
        .firstOrFail()
      const before = document.serialize()
      document.merge(input)
      let fileFacts: Record<string, unknown> | undefined
      if (file) {
        const attachment = await this.storeFile(trx, document, file, by)
        document.merge({
          attachmentId: attachment.id,
          version: document.version + 1,
          uploadedBy: by?.id ?? null,
        })
        fileFacts = this.fileFacts(attachment)
      }
      await document.save()
      await this.audit.record(trx, {
        action: file ? 'tenant_document.replaced' : 'tenant_document.updated',
        subjectType: 'tenant_document',
        subjectId: document.id,
        before,
        after: { ...document.serialize(), ...(fileFacts ? { file: fileFacts } : {}) },
        tenantId: document.tenantId,
      })
      return document
    })
  }

  /** Deletes the document and every version of its file (the files go once the deletion commits). */
  async delete(documentId: number) {
    await db.transaction(async (trx) => {
      const document = await TenantDocument.query({ client: trx })
        .where('id', documentId)
        .forUpdate()
        .firstOrFail()
      const files = await Attachment.query({ client: trx }).where({
        ownerType: TenantDocument.ownerType,
        ownerId: String(document.id),
      })
      const before = document.serialize()
      await document.delete()
      await this.attachments.remove(trx, files)
      await this.audit.record(trx, {
        action: 'tenant_document.deleted',
        subjectType: 'tenant_document',
        subjectId: documentId,
        before: { ...before, files: files.map((f) => this.fileFacts(f)) },
        tenantId: document.tenantId,
      })
    })
  }

  /** Every stored version of a document's file, newest first. */
  versions(document: TenantDocument) {
    return Attachment.query()
      .where({ ownerType: TenantDocument.ownerType, ownerId: String(document.id) })
      .orderBy('id', 'desc')
  }

  /** Most urgent first: expired, then by expiry date; documents that never expire last. */
  ordered(query: DocumentQuery) {
    return query
      .preload('attachment')
      .orderByRaw('CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END')
      .orderBy('expires_on', 'asc')
      .orderBy('id', 'asc')
  }

  /** The operators' park-wide list with its filters (paginated by the caller). */
  filtered(filters: DocumentFilters, today = todayInShanghai()) {
    const query = TenantDocument.query().preload('tenant').preload('attachment')
    if (filters.kind) query.where('kind', filters.kind)
    if (filters.q) {
      const term = `%${filters.q}%`
      query.whereHas('tenant', (tenant) =>
        tenant.where((match) =>
          match.where('name', 'like', term).orWhere('uscc', 'like', term.toUpperCase())
        )
      )
    }
    // Sorted by expiry, a document that never expires comes after every dated one (NULLs sort
    // first on both databases otherwise); the caller's ORDER BY follows this one.
    if (!filters.sort || filters.sort === 'expires_on') {
      query.orderByRaw(`CASE WHEN expires_on IS NULL THEN 1 ELSE 0 END ${filters.order ?? 'asc'}`)
    }
    return this.withStatus(query, filters.status ?? 'attention', today)
  }

  /** How many documents are in each status today, park-wide. */
  async statusCounts(today = todayInShanghai()) {
    const counts = await Promise.all(
      DOCUMENT_STATUSES.map(async (status) => {
        const row = await this.withStatus(TenantDocument.query(), status, today)
          .count('* as total')
          .firstOrFail()
        return [status, Number(row.$extras.total)] as const
      })
    )
    return Object.fromEntries(counts) as Record<DocumentStatus, number>
  }

  /** Restricts a query to documents in a status on `today` (a document is valid through its expiry day). */
  withStatus<Q extends DocumentQuery>(query: Q, status: StatusFilter, today: DateTime): Q {
    const day = today.toISODate()!
    const soon = today.plus({ days: REMINDER_DAYS }).toISODate()!
    if (status === 'expired') query.where('expires_on', '<', day)
    else if (status === 'expiring') query.whereBetween('expires_on', [day, soon])
    else if (status === 'valid') query.where('expires_on', '>', soon)
    else if (status === 'no_expiry') query.whereNull('expires_on')
    else if (status === 'attention') query.where('expires_on', '<=', soon)
    return query
  }

  /**
   * The daily reminders: documents expiring within 30 days (and not yet expired) are announced
   * to the tenant's users and to the operators, and expired ones once more the day after. The
   * dedupe key names the document and its expiry date, so each person hears of one expiry once,
   * and a replaced document with a new date starts afresh.
   */
  async sendReminders(trx: TransactionClientContract, today: DateTime) {
    const day = today.toISODate()!
    const expiring = await TenantDocument.query({ client: trx })
      .preload('tenant')
      .whereBetween('expires_on', [day, today.plus({ days: REMINDER_DAYS }).toISODate()!])
      .orderBy('id')
    for (const document of expiring) await this.remind(trx, document, 'expiring', today)
    const expired = await TenantDocument.query({ client: trx })
      .preload('tenant')
      .whereBetween('expires_on', [
        today.minus({ days: EXPIRED_CATCH_UP_DAYS }).toISODate()!,
        today.minus({ days: 1 }).toISODate()!,
      ])
      .orderBy('id')
    for (const document of expired) await this.remind(trx, document, 'expired', today)
    return { expiring: expiring.length, expired: expired.length }
  }

  private async remind(
    trx: TransactionClientContract,
    document: TenantDocument,
    kind: 'expiring' | 'expired',
    today: DateTime
  ) {
    const notifications = new NotificationService()
    const expiresOn = document.expiresOn!.toISODate()!
    const notice = {
      kind: `document.${kind}`,
      messageKey: `notifications.document_${kind}`,
      data: {
        tenant: document.tenant.name,
        kind: document.kind,
        title: document.title,
        expiresOn,
        days: daysUntil(document.expiresOn!, today),
      },
      dedupeKey: `document.${kind}:${document.id}:${expiresOn}`,
    }
    // Plain paths: a queue worker has no committed router to build URLs by name.
    await notifications.notifyTenant(trx, document.tenantId, {
      ...notice,
      url: `/tenant/documents/${document.id}`,
    })
    await notifications.notifyOperators(trx, { ...notice, url: `/park/documents/${document.id}` })
  }

  private storeFile(
    trx: TransactionClientContract,
    document: TenantDocument,
    file: UploadedFile,
    by?: User | null
  ) {
    return this.attachments.store(
      trx,
      file,
      { type: TenantDocument.ownerType, id: document.id, tenantId: document.tenantId },
      'documentFile',
      by?.id
    )
  }

  private fileFacts(attachment: Attachment) {
    return {
      attachmentId: attachment.id,
      name: attachment.originalName,
      sha256: attachment.sha256,
      size: attachment.size,
    }
  }

  private assertDates(input: DocumentInput) {
    if (input.issuedOn && input.expiresOn && input.expiresOn < input.issuedOn) {
      throw new DomainException('documents.expiry_before_issue', {}, { field: 'expiresOn' })
    }
  }
}
