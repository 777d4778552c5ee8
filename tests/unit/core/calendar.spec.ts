import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import CalendarService, { officeHours } from '#core/services/calendar_service'
import { holidays2026 } from '#database/seed_data/holidays_2026'

const calendar = new CalendarService(
  new Map(holidays2026().map((d) => [d.day, d.kind])),
  officeHours('09:00-18:00')
)
const sh = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' })
const inShanghai = (dt: DateTime) => dt.setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm')

test.group('Working-day calendar', () => {
  test('weekdays work, weekends rest, holidays and make-up days override', ({ assert }) => {
    assert.isTrue(calendar.isWorkingDay(sh('2026-11-23')))
    assert.isFalse(calendar.isWorkingDay(sh('2026-11-22')))
    assert.isFalse(calendar.isWorkingDay(sh('2026-10-01')))
    assert.isTrue(
      calendar.isWorkingDay(sh('2026-10-10')),
      'Saturday make-up workday after National Day'
    )
    assert.isTrue(calendar.isWorkingDay(sh('2026-02-14')))
  })

  test('N working days count from the first working day after acceptance', ({ assert }) => {
    assert.equal(inShanghai(calendar.addWorkingDays(sh('2026-11-23T10:00'), 1)), '2026-11-24 18:00')
    assert.equal(
      inShanghai(calendar.addWorkingDays(sh('2026-11-20T10:00'), 1)),
      '2026-11-23 18:00',
      'Friday + 1 is Monday'
    )
    // Accepted on 30 Sept: 1-7 Oct off, 8 Oct (Thu) and 9 Oct (Fri) work, 10 Oct (Sat) is a make-up day.
    assert.equal(inShanghai(calendar.addWorkingDays(sh('2026-09-30T16:00'), 3)), '2026-10-10 18:00')
  })

  test('working hours skip nights, weekends and holidays', ({ assert }) => {
    assert.equal(
      inShanghai(calendar.addWorkingHours(sh('2026-11-23T10:00'), 2)),
      '2026-11-23 12:00'
    )
    assert.equal(
      inShanghai(calendar.addWorkingHours(sh('2026-11-23T17:00'), 2)),
      '2026-11-24 10:00'
    )
    assert.equal(
      inShanghai(calendar.addWorkingHours(sh('2026-11-20T20:00'), 1)),
      '2026-11-23 10:00'
    )
    assert.equal(
      inShanghai(calendar.addWorkingHours(sh('2026-09-30T17:30'), 9)),
      '2026-10-08 17:30'
    )
  })

  test('office hours are configurable and validated', ({ assert }) => {
    const early = new CalendarService(new Map(), officeHours('08:30-17:30'))
    assert.equal(inShanghai(early.addWorkingHours(sh('2026-11-23T07:00'), 1)), '2026-11-23 09:30')
    assert.throws(() => officeHours('9-18'))
    assert.throws(() => officeHours('18:00-09:00'))
  })

  test('the seed matches the State Council notice', ({ assert }) => {
    const days = holidays2026()
    assert.lengthOf(
      days.filter((d) => d.kind === 'day_off'),
      3 + 9 + 3 + 5 + 3 + 3 + 7
    )
    assert.deepEqual(
      days
        .filter((d) => d.kind === 'workday')
        .map((d) => d.day)
        .sort(),
      ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']
    )
  })
})
