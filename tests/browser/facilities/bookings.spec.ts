import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { ZONE } from '#core/dates'
import Booking from '#facilities/models/booking'
import BookingService from '#facilities/services/booking_service'
import BookingNoShowJob from '#facilities/jobs/booking_no_show_job'
import { makeWorld } from '#tests/helpers/world'
import { makeFacility, nextMonday } from '#tests/helpers/facilities'
import { cleanDatabase } from '#tests/browser/database'

test.group('Browser: facility bookings', (group) => {
  group.each.setup(cleanDatabase)

  test('a tenant books from the calendar, a weekly series reports its conflict, an operator approves, a no-show is released', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility({ name: '一号会议室' })
    const hall = await makeFacility({ name: '路演厅', needsApproval: true })
    const day = nextMonday()
    // Another enterprise already holds the second week's slot.
    await new BookingService().book({
      facilityId: room.id,
      tenantId: world.tenantB.id,
      userId: world.adminB.id,
      startsAt: day.plus({ weeks: 1 }).set({ hour: 10 }),
      minutes: 60,
      purpose: '客户来访',
    })

    await browserContext.loginAs(world.adminA)
    const page = await visit(`/bookings?facilityId=${room.id}&date=${day.toISODate()}`)
    await page.getByRole('link', { name: `预约 ${day.toISODate()} 10:00` }).click()
    await page.assertText('h1', '预约设施')
    await page.getByLabel('用途').fill('项目周会')
    await page.getByLabel('时长').selectOption('60')
    await page.getByLabel('重复').selectOption('3')
    await page.getByRole('button', { name: '提交预约' }).click()
    await page.assertText('h1', '重复预约结果')
    await page.assertTextContains('main', '共 3 次，成功预约 2 次')
    await page.assertTextContains('main', '该时段已被预约，请选择其他时间。')
    assert.lengthOf(await Booking.query().where('tenant_id', world.tenantA.id), 2)

    const hallPage = await visit(`/bookings?facilityId=${hall.id}&date=${day.toISODate()}`)
    await hallPage.getByRole('link', { name: `预约 ${day.toISODate()} 14:00` }).click()
    await hallPage.getByLabel('用途').fill('新品发布')
    await hallPage.getByRole('button', { name: '提交预约' }).click()
    await hallPage.assertTextContains('.alert-success', '等待运营方审批')
    const pending = await Booking.query().where('facility_id', hall.id).firstOrFail()
    assert.equal(pending.status, 'pending')

    await browserContext.clearCookies()
    await browserContext.loginAs(world.staff)
    const review = await visit(`/bookings/${pending.id}`)
    review.once('dialog', (dialog) => dialog.accept())
    await review.getByRole('button', { name: '批准' }).click()
    await review.assertTextContains('.alert-success', `预约 ${pending.number} 已批准。`)
    await pending.refresh()
    assert.equal(pending.status, 'approved')

    // A booking nobody turned up for is released by the job, and the operator sees it so.
    const start = DateTime.fromISO('2026-03-02T10:00', { zone: ZONE })
    const missed = await new BookingService(undefined, () => start.minus({ days: 1 })).book({
      facilityId: room.id,
      tenantId: world.tenantB.id,
      userId: world.adminB.id,
      startsAt: start,
      minutes: 60,
      purpose: '面试',
    })
    await new BookingNoShowJob().handle({ scheduledFor: start.plus({ minutes: 20 }).toISO()! })
    const released = await visit(`/bookings/${missed.id}`)
    await released.assertTextContains('.badge', '未到场')
  })
})
