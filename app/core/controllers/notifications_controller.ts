import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import Notification from '#core/models/notification'
import NotificationService from '#core/services/notification_service'

const filterValidator = vine.create({
  page: vine.number().min(1).max(100000).optional(),
  unread: vine.boolean().optional(),
})

/** Everyone reads their own notifications; nobody reads anyone else's. */
export default class NotificationsController {
  async index({ request, view, auth }: HttpContext) {
    const filters = await filterValidator.validate(request.qs())
    const query = Notification.query().where('user_id', auth.getUserOrFail().id)
    if (filters.unread) query.whereNull('read_at')
    const result = await query.orderBy('id', 'desc').paginate(filters.page ?? 1, 30)
    return view.render('pages/notifications/index', {
      rows: result.all(),
      meta: result.getMeta(),
      filters: request.qs(),
    })
  }

  /** Opens a notification: marks it read and follows its link (only paths inside the app). */
  async open({ params, response, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const notification = await Notification.query()
      .where({ id: params.id, user_id: user.id })
      .firstOrFail()
    await NotificationService.markRead(user.id, [notification.id])
    const url = notification.url
    return response.redirect(
      url && url.startsWith('/') && !url.startsWith('//') ? url : '/notifications'
    )
  }

  async readAll({ response, auth, session, i18n }: HttpContext) {
    await NotificationService.markRead(auth.getUserOrFail().id, 'all')
    session.flash('success', i18n.t('notifications.all_read'))
    return response.redirect().back()
  }
}
