/** Unit types and statuses of the park's spaces (GB/T 39678 6.5.1 and 6.10 name the warehouses and showrooms). */
export const UNIT_TYPES = [
  'office',
  'bonded_warehouse',
  'general_warehouse',
  'showroom',
  'live_streaming_room',
  'shop',
  'other',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const UNIT_STATUSES = ['vacant', 'leased', 'reserved', 'maintenance'] as const
export type UnitStatus = (typeof UNIT_STATUSES)[number]
