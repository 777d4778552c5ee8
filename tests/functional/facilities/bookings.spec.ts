import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#core/models/audit_log'
import Lease from '#park/models/lease'
import { ZONE } from '#core/dates'
import Booking from '#facilities/models/booking'
import BookingSeries from '#facilities/models/booking_series'
import BookingService from '#facilities/services/booking_service'
import FacilityService from '#facilities/services/facility_service'
import BookingNoShowJob from '#facilities/jobs/booking_no_show_job'
import { makeWorld, type World } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import { bookingForm, makeFacility, nextMonday } from '#tests/helpers/facilities'
import type Facility from '#facilities/models/facility'
import type User from '#core/models/user'
import type { ApiClient } from '@japa/api-client'

const book = (client: ApiClient, user: User, form: Record<string, string>) =>
  client.post('/bookings').form(form).loginAs(user).withCsrfToken().redirects(0)

const slotsOf = async (bookingId: number) =>
  Number(
    (await db.from('booking_slots').where('booking_id', bookingId).count('* as total').first())
      .total
  )

test.group('Facilities: booking rules', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant books a free slot for its own enterprise; the slots are held and audited', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    const response = await book(
      client,
      world.memberA,
      bookingForm(room, day, '09:00', 90, { tenantId: String(world.tenantB.id) })
    )
    response.assertStatus(302)
    const booking = await Booking.firstOrFail()
    response.assertFlashMessage('success', `预约 ${booking.number} 已成功。`)
    assert.equal(booking.tenantId, world.tenantA.id, 'the tenant comes from the session')
    assert.equal(booking.status, 'approved')
    assert.equal(
      booking.startsAt.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm'),
      `${day.toISODate()} 09:00`
    )
    assert.equal(booking.minutes, 90)
    assert.equal(await slotsOf(booking.id), 3)
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'booking.created', subjectId: String(booking.id) })
        .first()
    )
  })

  test('the database itself refuses a second holder for a slot, whatever the code checked', async ({
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const booking = await new BookingService().book({
      facilityId: room.id,
      tenantId: world.tenantA.id,
      userId: world.adminA.id,
      startsAt: nextMonday().set({ hour: 9 }),
      minutes: 30,
      purpose: '面试',
    })
    const slot = await db.from('booking_slots').where('booking_id', booking.id).firstOrFail()
    await assert.rejects(() =>
      db.table('booking_slots').insert({
        facility_id: room.id,
        slot_start: slot.slot_start,
        booking_id: null,
        block_id: null,
      })
    )
    assert.equal(Number((await db.from('booking_slots').count('* as total').first()).total), 1)
  })

  test('outside opening hours, on a closed day, in the past, too short or too long: refused, nothing stored', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const hours = { open: '08:00', close: '18:00' }
    const room = await makeFacility({
      openingHours: JSON.stringify({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }),
      minMinutes: 60,
      maxMinutes: 120,
    })
    const monday = nextMonday()
    const cases: Array<[Record<string, string>, string, string]> = [
      [
        bookingForm(room, monday, '17:30', 60),
        'startTime',
        '所选时段超出开放时间（08:00–18:00）。',
      ],
      [
        bookingForm(room, monday, '07:30', 60),
        'startTime',
        '所选时段超出开放时间（08:00–18:00）。',
      ],
      [bookingForm(room, monday.plus({ days: 5 }), '10:00', 60), 'startTime', '该设施当天不开放。'],
      [
        bookingForm(
          room,
          DateTime.now().setZone(ZONE).minus({ days: 7 }).startOf('week'),
          '10:00',
          60
        ),
        'startTime',
        '不能预约已经过去的时间。',
      ],
      [bookingForm(room, monday, '10:00', 30), 'minutes', '预约时长不能少于 60 分钟。'],
      [bookingForm(room, monday, '10:00', 150), 'minutes', '预约时长不能超过 120 分钟。'],
      [bookingForm(room, monday, '10:15', 60), 'startTime', '开始时间格式不正确。'],
      [bookingForm(room, monday, '24:00', 60), 'startTime', '开始时间格式不正确。'],
    ]
    for (const [form, field, message] of cases) {
      const response = await book(client, world.adminA, form)
      response.assertFieldErrors(field, [message])
    }
    assert.lengthOf(await Booking.all(), 0)
    assert.equal(Number((await db.from('booking_slots').count('* as total').first()).total), 0)
  })

  test('an overlapping booking is refused with "slot taken"; the adjacent slot is fine', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    await book(client, world.adminA, bookingForm(room, day, '09:00', 120))
    const clash = await book(client, world.adminB, bookingForm(room, day, '10:30', 60))
    clash.assertFlashMessage('error', '该时段已被预约，请选择其他时间。')
    assert.lengthOf(await Booking.all(), 1)
    const adjacent = await book(client, world.adminB, bookingForm(room, day, '11:00', 60))
    adjacent.assertStatus(302)
    assert.lengthOf(await Booking.query().where('tenant_id', world.tenantB.id), 1)
  })

  test('a maintenance block refuses bookings; a block over a booking is refused too', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    const blocked = await client
      .post(`/facilities/${room.id}/blocks`)
      .form({
        startsAt: `${day.toISODate()}T12:00`,
        endsAt: `${day.toISODate()}T14:00`,
        reason: '空调检修',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    blocked.assertFlashMessage('success', '维护占用已添加。')
    const refused = await book(client, world.adminA, bookingForm(room, day, '13:30', 60))
    refused.assertFlashMessage('error', '该时段设施维护中（空调检修），不能预约。')
    assert.lengthOf(await Booking.all(), 0)

    await book(client, world.adminA, bookingForm(room, day, '09:00', 60))
    const booking = await Booking.firstOrFail()
    const overBooking = await client
      .post(`/facilities/${room.id}/blocks`)
      .form({
        startsAt: `${day.toISODate()}T09:30`,
        endsAt: `${day.toISODate()}T10:30`,
        reason: '清洁',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    overBooking.assertFlashMessage(
      'error',
      `该时段已有预约（${booking.number}），请先取消或驳回这些预约。`
    )
    assert.equal(Number((await db.from('facility_blocks').count('* as total').first()).total), 1)

    // Tenants cannot block time.
    const tenantTry = await client
      .post(`/facilities/${room.id}/blocks`)
      .form({
        startsAt: `${day.toISODate()}T15:00`,
        endsAt: `${day.toISODate()}T16:00`,
        reason: '占用',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    tenantTry.assertStatus(403)
  })

  test('the tenant cancels before the cut-off and the slot is free again; too late changes nothing', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility({ cancelCutoffHours: 48 })
    const day = nextMonday()
    await book(client, world.adminA, bookingForm(room, day, '09:00', 60))
    const far = await Booking.firstOrFail()
    const cancelled = await client
      .post(`/bookings/${far.id}/cancel`)
      .loginAs(world.memberA)
      .withCsrfToken()
      .redirects(0)
    cancelled.assertFlashMessage('success', `预约 ${far.number} 已取消，时段已释放。`)
    assert.equal((await Booking.findOrFail(far.id)).status, 'cancelled')
    assert.equal(await slotsOf(far.id), 0)
    ;(await book(client, world.adminB, bookingForm(room, day, '09:00', 60))).assertStatus(302)
    assert.lengthOf(await Booking.query().where('tenant_id', world.tenantB.id), 1)

    // A booking starting within the 48-hour cut-off.
    const soon = DateTime.now().setZone(ZONE).plus({ hours: 2 }).startOf('hour')
    await book(client, world.adminA, bookingForm(room, soon, soon.toFormat('HH:mm'), 30))
    const near = await Booking.query()
      .where('status', 'approved')
      .where('tenant_id', world.tenantA.id)
      .firstOrFail()
    const tooLate = await client
      .post(`/bookings/${near.id}/cancel`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    const deadline = near.startsAt.minus({ hours: 48 }).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm')
    tooLate.assertFlashMessage(
      'error',
      `已过取消截止时间（开始前 48 小时，即 ${deadline}），不能再取消。`
    )
    assert.equal((await Booking.findOrFail(near.id)).status, 'approved')
    assert.equal(await slotsOf(near.id), 1)

    // The operator may still cancel it.
    await client
      .post(`/bookings/${near.id}/cancel`)
      .form({ reason: '园区活动' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await Booking.findOrFail(near.id)).status, 'cancelled')
  })

  test('approval: pending holds the slot; the operator approves, or rejects with a reason and frees it', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const hall = await makeFacility({ needsApproval: true })
    const day = nextMonday()
    const first = await book(client, world.adminA, bookingForm(hall, day, '09:00', 60))
    const pending = await Booking.firstOrFail()
    first.assertFlashMessage(
      'success',
      `预约 ${pending.number} 已提交，等待运营方审批，审批期间该时段为您保留。`
    )
    assert.equal(pending.status, 'pending')
    const held = await book(client, world.adminB, bookingForm(hall, day, '09:00', 60))
    held.assertFlashMessage('error', '该时段已被预约，请选择其他时间。')

    ;(
      await client
        .post(`/bookings/${pending.id}/approve`)
        .loginAs(world.adminA)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(403)
    assert.equal((await Booking.findOrFail(pending.id)).status, 'pending')

    const approved = await client
      .post(`/bookings/${pending.id}/approve`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    approved.assertFlashMessage('success', `预约 ${pending.number} 已批准。`)
    const after = await Booking.findOrFail(pending.id)
    assert.equal(after.status, 'approved')
    assert.equal(after.decidedBy, world.staff.id)

    await book(client, world.adminB, bookingForm(hall, day, '11:00', 60))
    const second = await Booking.query().where('tenant_id', world.tenantB.id).firstOrFail()
    const noReason = await client
      .post(`/bookings/${second.id}/reject`)
      .form({ reason: '' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    noReason.assertFieldErrors('reason', ['请填写驳回原因。'])
    assert.equal((await Booking.findOrFail(second.id)).status, 'pending')
    await client
      .post(`/bookings/${second.id}/reject`)
      .form({ reason: '当天有园区活动' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const rejected = await Booking.findOrFail(second.id)
    assert.equal(rejected.status, 'rejected')
    assert.equal(rejected.decisionReason, '当天有园区活动')
    assert.equal(await slotsOf(second.id), 0)
    const page = await client.get(`/bookings/${second.id}`).loginAs(world.adminB)
    page.assertTextIncludes('当天有园区活动')
  })

  test('a weekly series books each free occurrence and lists the conflicting dates with their reasons', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    await book(client, world.adminB, bookingForm(room, day.plus({ weeks: 1 }), '10:00', 60))
    await new FacilityService().addBlock(room.id, {
      startsAt: day.plus({ weeks: 2 }).set({ hour: 9 }),
      endsAt: day.plus({ weeks: 2 }).set({ hour: 12 }),
      reason: '地面翻新',
    })
    const response = await book(
      client,
      world.adminA,
      bookingForm(room, day, '09:30', 90, { weeks: '4' })
    )
    const series = await BookingSeries.firstOrFail()
    response.assertHeader('location', `/bookings/series/${series.id}`)
    const outcome = series.occurrences
    assert.lengthOf(outcome, 4)
    assert.deepEqual(
      outcome.map((o) => (o.bookingId ? 'booked' : o.reason)),
      ['booked', 'facilities.slot_taken', 'facilities.blocked', 'booked']
    )
    const booked = await Booking.query().where('tenant_id', world.tenantA.id).orderBy('starts_at')
    assert.deepEqual(
      booked.map((b) => b.startsAt.setZone(ZONE).toISODate()),
      [day.toISODate(), day.plus({ weeks: 3 }).toISODate()]
    )
    assert.isTrue(booked.every((b) => b.seriesId === series.id))
    const page = await client.get(`/bookings/series/${series.id}`).loginAs(world.memberA)
    page.assertTextIncludes('共 4 次，成功预约 2 次')
    page.assertTextIncludes(day.plus({ weeks: 1 }).toISODate()!)
    page.assertTextIncludes('该时段已被预约，请选择其他时间。')
    page.assertTextIncludes('该时段设施维护中（地面翻新），不能预约。')
    ;(await client.get(`/bookings/series/${series.id}`).loginAs(world.adminB)).assertStatus(403)
  })

  test('free hours per lease per month; the time beyond is billable at the hourly price', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility({ freeHoursPerMonth: 2, pricePerHourFen: 8000 })
    const day = nextMonday()
    await Lease.create({
      number: 'LS-TEST-1',
      tenantId: world.tenantA.id,
      startDate: day.minus({ months: 2 }),
      endDate: day.plus({ months: 6 }),
      monthlyRentFen: 100000,
      depositFen: 0,
      status: 'active',
    })
    await book(client, world.adminA, bookingForm(room, day, '09:00', 90))
    await book(client, world.adminA, bookingForm(room, day, '13:00', 90))
    await book(client, world.adminB, bookingForm(room, day, '16:00', 60))
    const [first, second] = await Booking.query()
      .where('tenant_id', world.tenantA.id)
      .orderBy('starts_at')
    const billing = (b: Booking) => [b.freeMinutes, b.billableMinutes, b.billableAmountFen]
    assert.deepEqual(billing(first), [90, 0, 0])
    assert.deepEqual(billing(second), [30, 60, 8000])
    const noLease = await Booking.query().where('tenant_id', world.tenantB.id).firstOrFail()
    assert.deepEqual(billing(noLease), [0, 60, 8000])

    // Cancelling gives the free time back for later bookings of that month.
    await client
      .post(`/bookings/${first.id}/cancel`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    await book(client, world.adminA, bookingForm(room, day.plus({ days: 1 }), '09:00', 60))
    const third = await Booking.query()
      .where('tenant_id', world.tenantA.id)
      .where('status', 'approved')
      .orderBy('starts_at', 'desc')
      .firstOrFail()
    assert.deepEqual(billing(third), [60, 0, 0])
  })

  test('check-in opens 15 minutes before the start; the no-show job releases the others once', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const start = DateTime.fromISO('2026-03-02T10:00', { zone: ZONE })
    const earlier = new BookingService(undefined, () => start.minus({ days: 1 }))
    const request = (user: User, facility: Facility) => ({
      facilityId: facility.id,
      tenantId: user.tenantId!,
      userId: user.id,
      startsAt: start,
      minutes: 60,
      purpose: '洽谈',
    })
    const other = await makeFacility()
    const attended = await earlier.book(request(world.adminA, room))
    const missed = await earlier.book(request(world.adminB, other))
    await assert.rejects(() =>
      new BookingService(undefined, () => start.minus({ minutes: 20 })).checkIn(attended.id)
    )
    await new BookingService(undefined, () => start.plus({ minutes: 5 })).checkIn(attended.id)

    const at = start.plus({ minutes: 16 }).toUTC().toISO()!
    await new BookingNoShowJob().handle({ scheduledFor: at })
    const released = await Booking.findOrFail(missed.id)
    assert.equal(released.status, 'no_show')
    assert.isNotNull(released.releasedAt)
    assert.equal(await slotsOf(missed.id), 0)
    assert.equal((await Booking.findOrFail(attended.id)).status, 'checked_in')
    assert.equal(await slotsOf(attended.id), 2)
    await new BookingNoShowJob().handle({ scheduledFor: at })
    await new BookingNoShowJob().handle({
      scheduledFor: start.plus({ minutes: 21 }).toUTC().toISO()!,
    })
    assert.lengthOf(
      await AuditLog.query().where({ action: 'booking.no_show', subjectId: String(missed.id) }),
      1
    )

    // A pending booking nobody decided on lapses at its start and frees its slots.
    const hall = await makeFacility({ needsApproval: true })
    const undecided = await earlier.book(request(world.adminA, hall))
    assert.equal(undecided.status, 'pending')
    await new BookingNoShowJob().handle({
      scheduledFor: start.plus({ minutes: 25 }).toUTC().toISO()!,
    })
    const lapsed = await Booking.findOrFail(undecided.id)
    assert.equal(lapsed.status, 'cancelled')
    assert.equal(await slotsOf(undecided.id), 0)
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'booking.lapsed', subjectId: String(undecided.id) })
        .first()
    )

    // Over HTTP, a booking next week cannot be checked in yet.
    await book(client, world.adminA, bookingForm(room, nextMonday(), '09:00', 60))
    const future = await Booking.query().where('status', 'approved').firstOrFail()
    const early = await client
      .post(`/bookings/${future.id}/check-in`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    early.assertFlashMessage(
      'error',
      `签到时间为 ${future.startsAt.minus({ minutes: 15 }).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm')} 至 ${future.startsAt.plus({ hours: 1 }).setZone(ZONE).toFormat('HH:mm')}。`
    )
    assert.equal((await Booking.findOrFail(future.id)).status, 'approved')
  })
})

test.group('Facilities: who sees and does what with bookings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const setup = async (client: ApiClient) => {
    const world = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    await book(client, world.adminA, bookingForm(room, day, '09:00', 60, { purpose: '保密会议' }))
    const booking = await Booking.firstOrFail()
    return { world, room, day, booking }
  }

  test('a booking in detail: its tenant and operators only', async ({ client, assert }) => {
    const { world, booking } = await setup(client)
    await assertAccess(client, assert, {
      url: `/bookings/${booking.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 200 },
      anonymous: 'login',
    })
  })

  test('a weekly series result: its tenant and operators only', async ({ client, assert }) => {
    const { world, room, day } = await setup(client)
    await book(client, world.adminA, bookingForm(room, day, '14:00', 60, { weeks: '2' }))
    const series = await BookingSeries.firstOrFail()
    assert.equal(series.tenantId, world.tenantA.id)
    await assertAccess(client, assert, {
      url: `/bookings/series/${series.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 200 },
      anonymous: 'login',
    })
  })

  test('cancel and check-in: another tenant is refused and nothing changes', async ({
    client,
    assert,
  }) => {
    const { world, booking } = await setup(client)
    for (const action of ['cancel', 'check-in']) {
      const refused = await client
        .post(`/bookings/${booking.id}/${action}`)
        .loginAs(world.adminB)
        .withCsrfToken()
        .redirects(0)
      refused.assertStatus(403)
    }
    assert.equal((await Booking.findOrFail(booking.id)).status, 'approved')
    await assertAccess(client, assert, {
      method: 'post',
      url: `/bookings/${booking.id}/check-in`,
      owner: { user: world.memberA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 302 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/bookings/${booking.id}/cancel`,
      owner: { user: world.memberA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 302 },
      anonymous: 'login',
    })
    const audit = await AuditLog.query().where({
      action: 'booking.cancelled',
      subjectId: String(booking.id),
    })
    assert.lengthOf(audit, 1)
    assert.equal(audit[0].actorId, world.memberA.id)
  })

  test('others see "booked" on the calendar without the tenant; operators see the name', async ({
    client,
    assert,
  }) => {
    const { world, room, day, booking } = await setup(client)
    const url = `/bookings?facilityId=${room.id}&date=${day.toISODate()}`
    const other = await client.get(url).loginAs(world.adminB)
    other.assertStatus(200)
    other.assertTextIncludes('已预约')
    other.assertTextIncludes(
      `/bookings/new?facilityId=${room.id}&amp;start=${day.toISODate()}T10%3A00`
    )
    if (other.text().includes('Alpha Trading') || other.text().includes(booking.number)) {
      throw new Error('another tenant saw who booked')
    }
    const own = await client.get(url).loginAs(world.memberA)
    own.assertTextIncludes(`/bookings/${booking.id}`)
    own.assertTextIncludes('我的预约')
    const operator = await client.get(url).loginAs(world.staff)
    operator.assertTextIncludes('Alpha Trading')
    const anonymous = await client.get(url).redirects(0)
    anonymous.assertStatus(302)
    assert.match(anonymous.header('location') ?? '', /^\/login/)
  })

  test('the list shows a tenant its own bookings only; operators cannot book for a tenant', async ({
    client,
    assert,
  }) => {
    const { world, room, day, booking } = await setup(client)
    const mine = await client.get('/bookings/list').loginAs(world.adminA)
    mine.assertTextIncludes(booking.number)
    const theirs = await client.get('/bookings/list').loginAs(world.adminB)
    assert.notInclude(theirs.text(), booking.number)
    const operator = await book(
      client,
      world.staff,
      bookingForm(room, day, '11:00', 60, { tenantId: String(world.tenantA.id) })
    )
    operator.assertStatus(403)
    assert.lengthOf(await Booking.all(), 1)
  })
})

/**
 * Real concurrency: no global transaction, so twenty requests race for one slot on SQLite and on
 * MySQL. The group cleans up what it made (the audit trail is append-only and keeps its entries).
 */
test.group('Facilities: bookings under concurrent requests', (group) => {
  group.each.teardown(async () => {
    await db.from('booking_slots').delete()
    await db.from('bookings').delete()
    await db.from('booking_series').delete()
    await db.from('facility_blocks').delete()
    await db.from('facilities').delete()
    await db.from('notifications').delete()
    await db.from('users').delete()
    await db.from('tenants').delete()
    await db.from('departments').delete()
    await db.from('number_sequences').where('kind', 'BK').delete()
  })

  test('twenty concurrent requests for the same slot give exactly one booking, never a 500', async ({
    client,
    assert,
  }) => {
    const world: World = await makeWorld()
    const room = await makeFacility()
    const day = nextMonday()
    const users = [world.adminA, world.adminB, world.memberA]
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        book(client, users[i % users.length], bookingForm(room, day, '10:00', 60 + (i % 3) * 30))
      )
    )
    assert.deepEqual([...new Set(responses.map((r) => r.status()))], [302])
    const bookings = await Booking.all()
    assert.lengthOf(bookings, 1)
    assert.equal(
      Number((await db.from('booking_slots').count('* as total').first()).total),
      bookings[0].minutes / 30
    )
    const refused = responses.filter((r) => r.flashMessage('error'))
    assert.lengthOf(refused, 19)
    assert.isTrue(
      refused.every((r) => String(r.flashMessage('error')) === '该时段已被预约，请选择其他时间。')
    )
  })
})
