/*
 * The evidence providers (GB/T 39678-2020 §8) each feature registers with #core/evidence.
 * A feature with evidence to show adds its one import line here.
 */
import '#park/evidence'
import '#complaints/evidence'
import '#facilities/evidence'
import '#service_desk/evidence'
import '#single_window/evidence'
