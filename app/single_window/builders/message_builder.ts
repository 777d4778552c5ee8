import { randomUUID } from 'node:crypto'
import { XMLBuilder } from 'fast-xml-parser'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import type { MessageSpec } from '#single_window/specs/types'
import { CEB_NS, MESSAGE_TYPES, type MessageType } from '#single_window/message_types'
import { signEnveloped } from '#single_window/builders/signer'

/** BaseTransfer: the sender's identity, from the tenant's single-window profile (SPEC §2). */
export interface BaseTransfer {
  copCode: string
  copName: string
  dxpId: string
  note?: string | null
}

/** One record: head fields and goods lines by XSD element name (values as text). */
export interface RecordInput {
  head: Record<string, string | null | undefined>
  lines?: Record<string, string | null | undefined>[]
}

export interface BuiltMessage {
  guid: string
  messageType: MessageType
  xml: string
}

/** A new message guid: 36 characters, upper-case UUID (SPEC §2). */
export const newGuid = () => randomUUID().toUpperCase()

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: false,
  suppressEmptyNode: false,
  processEntities: true,
})

/** Field names per section in XSD order, computed once (the batch path builds 100k messages). */
const ORDER = new Map<string, { head: string[]; list: string[] | null; spec: MessageSpec }>()
for (const [type, spec] of Object.entries(FIELD_SPECS)) {
  ORDER.set(type, {
    spec,
    head: spec.head.fields.map((f) => f.name),
    list: spec.list ? spec.list.fields.map((f) => f.name) : null,
  })
}
const REQUIRED = new Map<string, Set<string>>()
for (const [type, spec] of Object.entries(FIELD_SPECS)) {
  const required = new Set<string>()
  for (const f of spec.head.fields) if (f.required) required.add(`h:${f.name}`)
  for (const f of spec.list?.fields ?? []) if (f.required) required.add(`l:${f.name}`)
  REQUIRED.set(type, required)
}

/** Fields in XSD sequence order; optional empty fields are left out, required ones always written. */
function section(
  names: string[],
  values: Record<string, string | null | undefined>,
  required: Set<string>,
  prefix: 'h:' | 'l:'
) {
  const out: Record<string, string> = {}
  for (const name of names) {
    const value = values[name]
    if (value === null || value === undefined || value === '') {
      if (required.has(prefix + name)) out[`ceb:${name}`] = ''
      continue
    }
    out[`ceb:${name}`] = value
  }
  return out
}

/**
 * Builds one CEB business-node message (SPEC §2) with fast-xml-parser: root with guid/version and
 * the ceb namespace, 1..100 records with head and lines in XSD order, then BaseTransfer. Each head's
 * own `guid` is set when empty. CEB621 is signed (enveloped ds:Signature, XSD minOccurs=1).
 */
export function buildMessage(
  type: MessageType,
  records: RecordInput[],
  transfer: BaseTransfer,
  options: { guid?: string; version?: string; sign?: boolean } = {}
): BuiltMessage {
  const order = ORDER.get(type)
  if (!order) throw new Error(`unknown message type ${type}`)
  const { spec } = order
  const required = REQUIRED.get(type)!
  if (records.length < 1 || records.length > spec.recordMax) {
    throw new Error(`${type}: 1..${spec.recordMax} records, got ${records.length}`)
  }
  const guid = options.guid ?? newGuid()
  const built = records.map((record, index) => {
    const headValues = record.head.guid
      ? record.head
      : { ...record.head, guid: index === 0 ? guid : newGuid() }
    const head = section(order.head, headValues, required, 'h:')
    if (spec.flat) return head
    const out: Record<string, unknown> = { [`ceb:${spec.head.element}`]: head }
    if (order.list && spec.list) {
      out[`ceb:${spec.list.element}`] = (record.lines ?? []).map((line) =>
        section(order.list!, line, required, 'l:')
      )
    }
    return out
  })
  const baseTransfer: Record<string, string> = {
    'ceb:copCode': transfer.copCode,
    'ceb:copName': transfer.copName,
    'ceb:dxpMode': 'DXP',
    'ceb:dxpId': transfer.dxpId,
  }
  if (transfer.note) baseTransfer['ceb:note'] = transfer.note
  const root = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [`ceb:${spec.root}`]: {
      '@_guid': guid,
      '@_version': options.version ?? '1.0',
      '@_xmlns:ceb': CEB_NS,
      [`ceb:${spec.record}`]: built,
      'ceb:BaseTransfer': baseTransfer,
    },
  }
  let xml = builder.build(root) as string
  // `sign: false` leaves the signature to the caller (the batch path signs on worker threads).
  if (MESSAGE_TYPES[type].signatureRequired && options.sign !== false) xml = signEnveloped(xml)
  return { guid, messageType: type, xml }
}
