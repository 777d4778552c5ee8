import { NotificationSchema } from '#database/schema'

/** One in-app notification for one user; the message is an i18n key rendered in the reader's locale. */
export default class Notification extends NotificationSchema {
  get params(): Record<string, string | number> {
    return JSON.parse(this.data || '{}')
  }

  get isRead() {
    return this.readAt !== null
  }
}
