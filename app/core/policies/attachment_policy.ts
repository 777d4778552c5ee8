import { BasePolicy } from '@adonisjs/bouncer'
import type User from '#core/models/user'
import type Attachment from '#core/models/attachment'
import { ownsTenantRecord } from '#core/tenancy'

/** A file is served only to those who may see the record that owns it. */
export default class AttachmentPolicy extends BasePolicy {
  view(user: User, attachment: Attachment) {
    if (user.isOperator || user.isEvaluator) return true
    return ownsTenantRecord(user, attachment)
  }
}
