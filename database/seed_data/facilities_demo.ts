import { DateTime } from 'luxon'
import User from '#core/models/user'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import FacilityService, { type FacilityInput } from '#facilities/services/facility_service'
import BookingService from '#facilities/services/booking_service'
import type { OpeningHours } from '#facilities/facilities'

const days = (
  open: string,
  close: string,
  on = ['mon', 'tue', 'wed', 'thu', 'fri']
): OpeningHours =>
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
      d,
      on.includes(d) ? { open, close } : null,
    ])
  ) as OpeningHours

const ALL_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** The demo park's facilities (GB/T 39678 5.4, 6.5.1, 6.10, 5.6.3.2). */
const FACILITIES: FacilityInput[] = [
  {
    name: 'A栋 1号会议室',
    facilityType: 'meeting_room',
    location: 'A栋 3层 301',
    capacity: 12,
    description: '投影、视频会议设备齐全。',
    openingHours: { ...days('08:00', '20:00'), sat: { open: '09:00', close: '17:00' } },
    needsApproval: false,
    bookable: true,
    freeHoursPerMonth: 4,
    pricePerHourFen: 8000,
    minMinutes: 30,
    maxMinutes: 240,
    cancelCutoffHours: 2,
  },
  {
    name: '多功能培训室',
    facilityType: 'training_room',
    location: 'B栋 2层 201',
    capacity: 60,
    description: '可用于跨境电商人才培训和政策宣讲。',
    openingHours: days('08:30', '21:00', ALL_WEEK),
    needsApproval: true,
    bookable: true,
    freeHoursPerMonth: 2,
    pricePerHourFen: 30000,
    minMinutes: 60,
    maxMinutes: 480,
    cancelCutoffHours: 24,
  },
  {
    name: '跨境商品展示厅',
    facilityType: 'product_display_area',
    location: 'A栋 1层大厅',
    capacity: 80,
    description: null,
    openingHours: days('09:00', '18:00'),
    needsApproval: true,
    bookable: true,
    freeHoursPerMonth: 0,
    pricePerHourFen: 20000,
    minMinutes: 120,
    maxMinutes: 540,
    cancelCutoffHours: 48,
  },
  {
    name: '直播间 A',
    facilityType: 'live_streaming_room',
    location: 'C栋 4层 402',
    capacity: 6,
    description: '补光灯、声卡、绿幕。',
    openingHours: days('09:00', '24:00', ALL_WEEK),
    needsApproval: false,
    bookable: true,
    freeHoursPerMonth: 6,
    pricePerHourFen: 12000,
    minMinutes: 60,
    maxMinutes: 360,
    cancelCutoffHours: 12,
  },
  {
    name: '3号装卸月台',
    facilityType: 'loading_dock',
    location: '仓储区东侧',
    capacity: 2,
    description: null,
    openingHours: days('06:00', '22:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    needsApproval: false,
    bookable: true,
    freeHoursPerMonth: 10,
    pricePerHourFen: 5000,
    minMinutes: 30,
    maxMinutes: 180,
    cancelCutoffHours: 2,
  },
  {
    name: '医务急救室',
    facilityType: 'first_aid_room',
    location: 'A栋 1层 105',
    capacity: 4,
    description: '园区急救点，不对外预约。',
    openingHours: days('08:00', '18:00'),
    needsApproval: false,
    bookable: false,
    freeHoursPerMonth: 0,
    pricePerHourFen: 0,
    minMinutes: 30,
    maxMinutes: 60,
    cancelCutoffHours: 0,
  },
  {
    name: '保税仓 B 区',
    facilityType: 'bonded_warehouse',
    location: '保税仓储区 B',
    capacity: 20,
    description: '按租约使用，暂不按小时预约。',
    openingHours: days('00:00', '24:00', ALL_WEEK),
    needsApproval: true,
    bookable: false,
    freeHoursPerMonth: 0,
    pricePerHourFen: 0,
    minMinutes: 240,
    maxMinutes: 1440,
    cancelCutoffHours: 48,
  },
]

/**
 * Demo facilities with some history (checked-in bookings of the past weeks), upcoming bookings,
 * a pending one, a weekly series with a conflict and a maintenance block. Does nothing when
 * facilities already exist, so running the seeder again is safe.
 */
export async function seedFacilities() {
  if (await Facility.query().first()) return
  const operator = await User.findByOrFail('email', 'operator@parkgate.local')
  const tenantA = await User.findBy('email', 'tenant-a@parkgate.local')
  const tenantB = await User.findBy('email', 'tenant-b@parkgate.local')
  const register = new FacilityService()
  const created: Facility[] = []
  for (const input of FACILITIES) created.push(await register.create(input, [], operator.id))
  if (!tenantA?.tenantId || !tenantB?.tenantId) return
  const [meeting, training, , live, dock] = created
  const monday = DateTime.now().setZone(ZONE).startOf('week')
  const at = (week: number, weekday: number, hour: number, minute = 0) =>
    monday.plus({ weeks: week, days: weekday - 1 }).set({ hour, minute })
  const request = (
    user: User,
    facility: Facility,
    startsAt: DateTime,
    minutes: number,
    purpose: string
  ) => ({
    facilityId: facility.id,
    tenantId: user.tenantId!,
    userId: user.id,
    startsAt,
    minutes,
    purpose,
  })

  // The past weeks: bookings that took place (booked and checked in at their time).
  for (let week = -6; week <= -1; week++) {
    const plan: Array<[User, Facility, DateTime, number, string]> = [
      [tenantA, meeting, at(week, 2, 10), 120, '周例会'],
      [tenantB, live, at(week, 4, 14), 180, '新品直播'],
      [tenantA, dock, at(week, 1, 8), 90, '出口货物装车'],
    ]
    if (week % 2 === 0) plan.push([tenantB, meeting, at(week, 3, 15), 90, '客户洽谈'])
    for (const [user, facility, startsAt, minutes, purpose] of plan) {
      const then = new BookingService(undefined, () => startsAt.minus({ minutes: 10 }).toUTC())
      const booking = await then.book(request(user, facility, startsAt, minutes, purpose))
      await then.checkIn(booking.id)
    }
  }

  // What lies ahead.
  const bookings = new BookingService()
  await bookings.book(request(tenantA, meeting, at(1, 1, 9), 120, '季度经营分析会'))
  await bookings.book(request(tenantB, meeting, at(1, 2, 14), 60, '供应商面谈'))
  await bookings.book(request(tenantB, training, at(1, 2, 14), 120, '跨境电商合规培训'))
  await bookings.book(request(tenantB, live, at(2, 5, 10), 120, '直播排练'))
  await bookings.bookWeekly(request(tenantA, live, at(1, 5, 10), 120, '每周直播带货'), 4)
  await register.addBlock(
    meeting.id,
    { startsAt: at(1, 3, 12), endsAt: at(1, 3, 14), reason: '空调检修' },
    operator.id
  )
}
