import type { HttpContext } from '@adonisjs/core/http'
import CalendarDay from '#core/models/calendar_day'
import CalendarAdminService from '#core/services/calendar_admin_service'
import { calendarDayValidator } from '#core/validators/calendar_validator'

/** The operator-edited days off and make-up workdays. */
export default class CalendarController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageCalendar')
    const year = /^\d{4}$/.test(String(request.input('year')))
      ? String(request.input('year'))
      : String(new Date().getFullYear())
    const days = await CalendarDay.query().where('day', 'like', `${year}-%`).orderBy('day')
    return view.render('pages/admin/calendar/index', { days, year: Number(year) })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageCalendar')
    const entry = await new CalendarAdminService().add(
      await request.validateUsing(calendarDayValidator)
    )
    session.flash('success', i18n.t('calendar.saved'))
    return response
      .redirect()
      .toRoute('admin.calendar.index', {}, { qs: { year: entry.day.slice(0, 4) } })
  }

  async destroy({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('CoreAdminPolicy').authorize('manageCalendar')
    await new CalendarAdminService().remove(await CalendarDay.findOrFail(params.id))
    session.flash('success', i18n.t('calendar.removed'))
    return response.redirect().back()
  }
}
