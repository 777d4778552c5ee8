import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import AuditLog from '#core/models/audit_log'
import Attachment from '#core/models/attachment'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import BookingService from '#facilities/services/booking_service'
import { makeWorld } from '#tests/helpers/world'
import { makeFacility } from '#tests/helpers/facilities'

// A 1×1 PNG: the attachment service decides the type by these bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)

const facilityForm = (overrides: Record<string, string> = {}) => ({
  'name': '路演厅',
  'facilityType': 'product_display_area',
  'location': 'A栋 1层',
  'capacity': '80',
  'description': '可布置展台',
  'hours[mon][open]': '09:00',
  'hours[mon][close]': '18:00',
  'hours[sat][open]': '10:00',
  'hours[sat][close]': '16:30',
  'needsApproval': 'true',
  'bookable': 'true',
  'freeHoursPerMonth': '3',
  'pricePerHour': '150.50',
  'minMinutes': '60',
  'maxMinutes': '480',
  'cancelCutoffHours': '24',
  ...overrides,
})

test.group('Facilities: the register', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator registers a facility with opening hours, prices in fen and a photo', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client
      .post('/facilities')
      .fields(facilityForm())
      .file('photos[]', PNG, { filename: 'hall.png' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('success', '设施“路演厅”已保存。')
    const facility = await Facility.findByOrFail('name', '路演厅')
    assert.equal(facility.pricePerHourFen, 15050)
    assert.isTrue(facility.needsApproval)
    assert.isTrue(facility.bookable)
    assert.deepEqual(facility.hours.mon, { open: '09:00', close: '18:00' })
    assert.deepEqual(facility.hours.sat, { open: '10:00', close: '16:30' })
    assert.isNull(facility.hours.tue)
    const photo = await Attachment.query()
      .where({ ownerType: 'facility', ownerId: String(facility.id) })
      .firstOrFail()
    assert.equal(photo.mimeType, 'image/png')
    assert.isOk(
      await AuditLog.query()
        .where({ action: 'facility.created', subjectId: String(facility.id) })
        .first()
    )
    // Tenants see the facility and its photo (served through the facility, not the attachment route).
    const image = await client
      .get(`/facilities/${facility.id}/photos/${photo.id}`)
      .loginAs(world.adminA)
    image.assertStatus(200)
    image.assertHeader('content-type', 'image/png')
    ;(await client.get(`/facilities/${facility.id}`).loginAs(world.adminA)).assertTextIncludes(
      '路演厅'
    )

    // A tenant cannot remove it; an operator can.
    const refused = await client
      .delete(`/facilities/${facility.id}/photos/${photo.id}`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    refused.assertStatus(403)
    const removed = await client
      .delete(`/facilities/${facility.id}/photos/${photo.id}`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    removed.assertFlashMessage('success', '照片已删除。')
    assert.isNull(await Attachment.find(photo.id))
  })

  test('an executable passed off as a photo is refused and nothing is stored', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const response = await client
      .post('/facilities')
      .fields(facilityForm())
      .file('photos[]', Buffer.from('MZ\x90\x00 an executable renamed to png'), {
        filename: 'room.png',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    response.assertFieldErrors('photos.0', ['照片只接受 PNG、JPEG 或 WebP 图片。'])
    assert.isNull(await Facility.findBy('name', '路演厅'))
    assert.lengthOf(await Attachment.query().where('ownerType', 'facility'), 0)
  })

  test('bad input gives translated field errors and stores nothing', async ({ client, assert }) => {
    const world = await makeWorld()
    const send = (form: Record<string, string>) =>
      client.post('/facilities').form(form).loginAs(world.staff).withCsrfToken().redirects(0)
    const missing = await send(facilityForm({ name: '', capacity: '0', facilityType: 'spaceship' }))
    missing.assertFieldErrors('name', ['请填写名称。'])
    missing.assertFieldErrors('capacity', ['容纳人数不能小于 1。'])
    missing.assertFieldErrors('facilityType', ['请选择有效的设施类型。'])
    const reversed = await send(facilityForm({ 'hours[mon][close]': '08:00' }))
    reversed.assertFieldErrors('hours.mon.close', ['结束时间必须晚于开始时间。'])
    const half = await send(facilityForm({ 'hours[mon][close]': '' }))
    half.assertFieldErrors('hours.mon.close', ['请同时填写开始和结束时间，或两项都留空。'])
    const lengths = await send(facilityForm({ minMinutes: '120', maxMinutes: '60' }))
    lengths.assertFieldErrors('maxMinutes', ['最长预约时长不能短于最短预约时长。'])
    assert.lengthOf(await Facility.all(), 0)
  })

  test('operators edit; tenants and evaluators read only; visitors log in', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const room = await makeFacility({ name: '旧名称' })
    for (const user of [world.adminA, world.memberA, world.evaluator]) {
      ;(await client.get('/facilities').loginAs(user)).assertStatus(200)
      ;(await client.get('/facilities/create').loginAs(user).redirects(0)).assertStatus(403)
      const put = await client
        .put(`/facilities/${room.id}`)
        .form(facilityForm({ name: '新名称' }))
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      put.assertStatus(403)
    }
    ;(await client.get('/facilities').redirects(0)).assertHeader('location', '/login')
    assert.equal((await Facility.findOrFail(room.id)).name, '旧名称')
    await client
      .put(`/facilities/${room.id}`)
      .form(facilityForm({ name: '新名称' }))
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.equal((await Facility.findOrFail(room.id)).name, '新名称')
  })
})

test.group('Facilities: utilisation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('booked hours against opening hours per facility and tenant, with the same figures in Excel', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const hours = { open: '09:00', close: '19:00' }
    // Ten hours a day on weekdays: fifty a week.
    const room = await makeFacility({
      name: '培训室',
      openingHours: JSON.stringify({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }),
      maxMinutes: 600,
    })
    const monday = DateTime.fromISO('2026-03-02', { zone: ZONE })
    const past = new BookingService(undefined, () => monday.minus({ days: 1 }))
    const request = (
      tenantId: number,
      userId: number,
      day: number,
      hour: number,
      minutes: number
    ) => ({
      facilityId: room.id,
      tenantId,
      userId,
      startsAt: monday.plus({ days: day }).set({ hour }),
      minutes,
      purpose: '培训',
    })
    await past.book(request(world.tenantA.id, world.adminA.id, 0, 9, 300))
    await past.book(request(world.tenantB.id, world.adminB.id, 2, 14, 120))
    const cancelled = await past.book(request(world.tenantB.id, world.adminB.id, 3, 9, 240))
    await past.cancel(cancelled.id, { id: world.staff.id, isOperator: true })

    const page = await client
      .get('/facility-utilisation?period=week&until=2026-03-04')
      .loginAs(world.staff)
    page.assertStatus(200)
    page.assertTextIncludes('7.0 / 50.0')
    page.assertTextIncludes('14.0%')

    const response = await client
      .get('/facility-utilisation.xlsx?period=week&until=2026-03-04')
      .loginAs(world.evaluator)
    response.assertStatus(200)
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    const byFacility = book.getWorksheet('按设施')!
    const row = byFacility
      .getSheetValues()
      .find((r: any) => Array.isArray(r) && r[1] === '培训室' && r[2] === '2026-03-02') as any[]
    assert.deepEqual(row.slice(3, 6), [7, 50, 0.14])
    const byTenant = book.getWorksheet('按企业（已预约小时）')!
    const tenants = byTenant
      .getSheetValues()
      .filter((r: any) => Array.isArray(r))
      .slice(1) as any[][]
    assert.deepEqual(
      tenants.map((r) => [r[1], r[r.length - 1]]),
      [
        ['Alpha Trading', 5],
        ['Beta Logistics', 2],
      ]
    )
    for (const user of [world.adminA, world.memberA]) {
      ;(await client.get('/facility-utilisation').loginAs(user).redirects(0)).assertStatus(403)
    }
  })
})
