/** One XSD field: type and facets as the 2022-05 XSD declares them (see scripts/ceb_field_specs.mjs). */
export interface FieldSpec {
  name: string
  required: boolean
  base: 'string' | 'decimal' | 'int'
  doc: string
  label: string
  length?: number
  minLength?: number
  maxLength?: number
  totalDigits?: number
  fractionDigits?: number
  whiteSpace?: string
  enumeration?: string[]
}

export interface SectionSpec {
  element: string
  min: number
  /** -1 = unbounded */
  max: number
  fields: FieldSpec[]
}

/** One outgoing message type: root, record wrapper, head and list fields in XSD order, trailer order. */
export interface MessageSpec {
  type: string
  direction: 'import' | 'export'
  xsd: string
  root: string
  record: string
  recordMax: number
  /** The record holds the head fields directly (CEB505 Logistics), no separate head element. */
  flat: boolean
  head: SectionSpec
  list: SectionSpec | null
  /** Elements after the records in XSD order: BaseTransfer, BaseSubscribe, ExtendMessage, ds:Signature. */
  after: { ref: string; min: number; max: number }[]
}
