import { DateTime } from 'luxon'
import { ZONE } from '#core/dates'
import Facility from '#facilities/models/facility'
import type { FacilityType } from '#facilities/facilities'

const ALL_DAY = { open: '00:00', close: '24:00' }

/** A bookable meeting room open round the clock unless told otherwise; no approval, no free hours. */
export async function makeFacility(overrides: Partial<Record<string, unknown>> = {}) {
  return Facility.create({
    name: `会议室 ${Math.random().toString(36).slice(2, 8)}`,
    facilityType: 'meeting_room' as FacilityType,
    location: 'A栋 3层',
    capacity: 10,
    openingHours: JSON.stringify({
      mon: ALL_DAY,
      tue: ALL_DAY,
      wed: ALL_DAY,
      thu: ALL_DAY,
      fri: ALL_DAY,
      sat: ALL_DAY,
      sun: ALL_DAY,
    }),
    needsApproval: false,
    bookable: true,
    freeHoursPerMonth: 0,
    pricePerHourFen: 10000,
    minMinutes: 30,
    maxMinutes: 240,
    cancelCutoffHours: 24,
    ...overrides,
  } as any)
}

/** A Monday at least a week ahead (Shanghai), so every slot on it lies in the future. */
export function nextMonday() {
  return DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 2 })
}

/** The booking form as a tenant sends it. */
export function bookingForm(
  facility: Facility,
  day: DateTime,
  startTime: string,
  minutes: number,
  extra: Record<string, string> = {}
) {
  return {
    facilityId: String(facility.id),
    date: day.toISODate()!,
    startTime,
    minutes: String(minutes),
    purpose: '项目例会',
    ...extra,
  }
}
