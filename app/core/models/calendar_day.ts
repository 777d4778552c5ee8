import { CalendarDaySchema } from '#database/schema'
import type { DayKind } from '#core/services/calendar_service'

/** A day off or make-up workday that overrides the Monday-to-Friday rule. */
export default class CalendarDay extends CalendarDaySchema {
  declare kind: DayKind
}
