import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { TenantDocumentSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import Attachment from '#core/models/attachment'
import User from '#core/models/user'
import { todayInShanghai } from '#core/dates'
import { type DocumentKind, STATUS_TONES, daysUntil, documentStatus } from '#park/documents'

/** One of a tenant's documents (licence, registration, record …) and its current file. */
export default class TenantDocument extends TenantDocumentSchema {
  /** The attachments' owner type of a document's files (all versions). */
  static ownerType = 'tenant_document'

  declare kind: DocumentKind

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => Attachment)
  declare attachment: BelongsTo<typeof Attachment>

  @belongsTo(() => User, { foreignKey: 'uploadedBy' })
  declare uploader: BelongsTo<typeof User>

  /** Status today in Shanghai: expired, expiring (within 30 days), valid or no_expiry. */
  get status() {
    return documentStatus(this.expiresOn, todayInShanghai())
  }

  get statusTone() {
    return STATUS_TONES[this.status]
  }

  /** Days left until the expiry date (negative once expired); null when it never expires. */
  get daysLeft() {
    return this.expiresOn ? daysUntil(this.expiresOn, todayInShanghai()) : null
  }
}
