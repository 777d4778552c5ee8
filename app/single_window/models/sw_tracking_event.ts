import { SwTrackingEventSchema } from '#database/schema'
import type { TrackingStage, TrackingSource } from '#single_window/tracking/stages'

/** One logistics event of a waybill (SZDB/Z 304.1 6.6): stage, action, time and place. */
export default class SwTrackingEvent extends SwTrackingEventSchema {
  declare stage: TrackingStage
  declare source: TrackingSource
}
