import db from '@adonisjs/lucid/services/db'
import CalendarDay from '#core/models/calendar_day'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import type { DayKind } from '#core/services/calendar_service'

/** Operators edit the days off and make-up workdays; each change is audited. */
export default class CalendarAdminService {
  constructor(private audit = new AuditService()) {}

  async add(input: { day: string; kind: DayKind; name: string }) {
    if (await CalendarDay.findBy('day', input.day))
      throw new DomainException('calendar.day_taken', {}, { field: 'day' })
    return db.transaction(async (trx) => {
      const entry = await CalendarDay.create(input, { client: trx })
      await this.audit.record(trx, {
        action: 'calendar.day_added',
        subjectType: 'calendar_day',
        subjectId: entry.id,
        after: entry.serialize(),
      })
      return entry
    })
  }

  async remove(entry: CalendarDay) {
    await this.audit.deleteRecord(entry, 'calendar.day_removed', 'calendar_day')
  }
}
