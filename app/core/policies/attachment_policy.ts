import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Attachment from '#core/models/attachment'
import { ownsTenantRecord } from '#core/tenancy'

/**
 * Owner types whose files are the enterprise's own papers: only that tenant and the operators
 * read them, evaluators do not (they see the park's records, not a tenant's licences).
 */
const TENANT_PRIVATE_OWNERS = new Set(['tenant_document'])

/** A file is served only to those who may see the record that owns it. */
export default class AttachmentPolicy extends BasePolicy {
  view(user: User, attachment: Attachment) {
    if (user.isOperator) return true
    if (user.isEvaluator) return !TENANT_PRIVATE_OWNERS.has(attachment.ownerType)
    return ownsTenantRecord(user, attachment)
  }
}
