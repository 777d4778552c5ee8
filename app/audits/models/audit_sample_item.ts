import { AuditSampleItemSchema } from '#database/schema'
import type { SampleResult } from '#audits/workflow'

/** One drawn record and the evaluator's pass/fail on it. */
export default class AuditSampleItem extends AuditSampleItemSchema {
  declare result: SampleResult | null
}
