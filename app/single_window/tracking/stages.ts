/**
 * The tracked stages of a waybill, from entering the zone to leaving it and delivery
 * (SZDB/Z 304.1-2018 6.6: "物流跟踪范围应至少能覆盖从货物进入试验区到出试验区"). Words in
 * resources/lang/<locale>/tracking.json (`stages.<stage>`).
 */
export const TRACKING_STAGES = [
  'entered_zone',
  'tallied',
  'inspected',
  'released',
  'left_zone',
  'delivered',
] as const
export type TrackingStage = (typeof TRACKING_STAGES)[number]

export const TRACKING_SOURCES = ['receipt', 'ceb513', 'scanner'] as const
export type TrackingSource = (typeof TRACKING_SOURCES)[number]

export function isTrackingStage(value: unknown): value is TrackingStage {
  return typeof value === 'string' && (TRACKING_STAGES as readonly string[]).includes(value)
}

/**
 * CEB513 logisticsStatus → stage. The spec fixes `S` (签收, signed for: delivered); the 2022-05
 * sample carries `R`, which ParkGate reads as the carrier's "收件/揽收" pickup when leaving the zone
 * (not in the spec: SPEC.md §3 notes only S), other codes as the carrier's own, also left_zone.
 */
export function stageOfLogisticsStatus(status: string): TrackingStage {
  return status.toUpperCase() === 'S' ? 'delivered' : 'left_zone'
}
