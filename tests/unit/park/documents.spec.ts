import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { daysUntil, documentStatus } from '#park/documents'

const today = DateTime.fromISO('2026-03-01', { zone: 'Asia/Shanghai' })
const day = (iso: string) => DateTime.fromISO(iso)

test.group('Park: document status', () => {
  test('valid through the expiry day, expiring within 30 days, expired from the day after', ({
    assert,
  }) => {
    assert.equal(documentStatus(null, today), 'no_expiry')
    assert.equal(documentStatus(day('2026-02-28'), today), 'expired')
    assert.equal(documentStatus(day('2026-03-01'), today), 'expiring')
    assert.equal(documentStatus(day('2026-03-31'), today), 'expiring')
    assert.equal(documentStatus(day('2026-04-01'), today), 'valid')
  })

  test('days are counted between calendar days, whatever the zone of either side', ({ assert }) => {
    assert.equal(daysUntil(day('2026-03-31'), today), 30)
    assert.equal(daysUntil(DateTime.fromISO('2026-03-31T23:30', { zone: 'utc' }), today), 30)
    assert.equal(daysUntil(day('2026-02-27'), today), -2)
    assert.equal(daysUntil(day('2026-12-31'), today), 305)
  })
})
