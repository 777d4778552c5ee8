import { open } from 'node:fs/promises'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import iconv from 'iconv-lite'
import {
  CEB_NAMESPACE,
  LOGISTICS_STATUS,
  RECEIPT_TYPES,
  type ReceiptType,
} from '#single_window/receipts/receipt_types'

/** Why a receipt file was refused; each code has words in sw_status.json (`fail.<code>`). */
export type ReceiptFailure =
  | 'too_large'
  | 'empty'
  | 'unsupported_encoding'
  | 'bad_encoding'
  | 'doctype'
  | 'malformed'
  | 'wrong_root'
  | 'wrong_namespace'
  | 'no_records'
  | 'too_many_records'
  | 'missing_field'
  | 'invalid_field'

/** A receipt file that cannot be read: the code, and a plain reason for the FailBox note. */
export class ReceiptParseError extends Error {
  constructor(
    public code: ReceiptFailure,
    public detail: string
  ) {
    super(`${code}: ${detail}`)
    this.name = 'ReceiptParseError'
  }
}

/** One receipt record (`…Return`): the keys of the original document and the status. */
export interface ReceiptRecord {
  kind: 'receipt'
  /** Receipt message type, e.g. `CEB622`. */
  messageType: string
  /** The request type it answers, e.g. `CEB621`. */
  requestType: string
  direction: 'import' | 'export'
  /** The record's guid (the e-port's). */
  guid: string
  /** Business keys (copNo, orderNo, logisticsNo …) as received; absent keys are not set. */
  keys: Record<string, string>
  /** The declaration's natural number from the keys, when ParkGate declares this type. */
  docNo: string | null
  /** As received, never reinterpreted: '2', '120', '800', '-301010', or a code nobody knows. */
  returnStatus: string
  /** As received: YYYYMMDDhhmmssSSS (Asia/Shanghai). */
  returnTime: string
  /** returnTime as a UTC instant. */
  returnAt: Date
  returnInfo: string
  /** `Code:`/`Desc:` pulled out of returnInfo when it has them (SPEC.md §6.3; unofficial). */
  infoCode: string | null
  infoDesc: string | null
}

/** One CEB513 waybill status record (运单状态). */
export interface LogisticsStatusRecord {
  kind: 'logistics_status'
  messageType: 'CEB513'
  guid: string
  logisticsCode: string
  logisticsName: string
  logisticsNo: string
  /** Fixed `S` (signed for) in the spec; kept as received. */
  logisticsStatus: string
  /** As received: YYYYMMDDhhmmss (Asia/Shanghai). */
  logisticsTime: string
  occurredAt: Date
  note: string
}

export interface ParsedReceiptFile {
  /** e.g. `CEB622` or `CEB513`. */
  messageType: string
  guid: string | null
  encoding: string
  records: Array<ReceiptRecord | LogisticsStatusRecord>
}

/** Largest receipt file read (bytes): 100 records of ≤ 1,000-character texts are < 1 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
/** SPEC.md §2: receipts hold `<…Return>{1..100}`; a little slack for lenient senders. */
const MAX_RECORDS = 1000

const ROOT = /^CEB(\d{3})(Message)?$/
const ENCODING_DECL = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Everything may repeat; records are read as lists, fields as their first value.
  isArray: (_name, _jpath, isLeaf, isAttribute) => !isAttribute && !isLeaf,
})

/**
 * Reads a receipt file with a hard size limit: the file is never read past `maxBytes` (a 50 MB
 * file is refused after one stat and at most maxBytes + 1 bytes).
 */
export async function readReceiptFile(path: string, maxBytes = DEFAULT_MAX_BYTES) {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) throw new ReceiptParseError('too_large', `${size} bytes > ${maxBytes}`)
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1)
    let read = 0
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    if (read > maxBytes) throw new ReceiptParseError('too_large', `more than ${maxBytes} bytes`)
    return buffer.subarray(0, read)
  } finally {
    await handle.close()
  }
}

/** Parses a receipt file from disk (see parseReceipt). */
export async function parseReceiptFile(path: string, maxBytes = DEFAULT_MAX_BYTES) {
  return parseReceipt(await readReceiptFile(path, maxBytes), maxBytes)
}

/**
 * Decodes the bytes: a BOM (UTF-8/UTF-16) wins, else the XML declaration's encoding (GB2312/GBK/
 * GB18030 through iconv-lite), else UTF-8. Malformed UTF-8 is refused, not replaced.
 */
export function decodeXml(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' }
  }
  const head = bytes.subarray(0, 200).toString('latin1')
  const declared = ENCODING_DECL.exec(head)?.[1]?.toLowerCase() ?? 'utf-8'
  if (declared === 'utf-8' || declared === 'utf8') return { text: utf8(bytes), encoding: 'utf-8' }
  if (!iconv.encodingExists(declared)) {
    throw new ReceiptParseError('unsupported_encoding', `encoding "${declared}"`)
  }
  return { text: iconv.decode(bytes, declared), encoding: declared }
}

function utf8(bytes: Buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ReceiptParseError('bad_encoding', 'the bytes are not valid UTF-8')
  }
}

type Node = Record<string, unknown>

/** In-scope namespace declarations: prefix ('' = default) → URI. */
function scopeOf(node: Node, parent: Map<string, string>) {
  let scope = parent
  for (const key of Object.keys(node)) {
    if (key === '@_xmlns' || key.startsWith('@_xmlns:')) {
      if (scope === parent) scope = new Map(parent)
      scope.set(key === '@_xmlns' ? '' : key.slice(8), String(node[key]))
    }
  }
  return scope
}

function split(qname: string) {
  const colon = qname.indexOf(':')
  return colon === -1
    ? { prefix: '', local: qname }
    : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) }
}

/** The element's children in the CEB namespace, by local name (prefix or default, as declared). */
function cebChildren(node: Node, scope: Map<string, string>) {
  const out = new Map<string, unknown[]>()
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue
    const { prefix, local } = split(key)
    if (scope.get(prefix) !== CEB_NAMESPACE) continue
    out.set(local, Array.isArray(value) ? value : [value])
  }
  return out
}

/** A record's leaf fields as strings (first occurrence). */
function fieldsOf(record: unknown, scope: Map<string, string>) {
  const fields = new Map<string, string>()
  if (record === null || typeof record !== 'object') return fields
  const node = record as Node
  const inner = scopeOf(node, scope)
  for (const [local, values] of cebChildren(node, inner)) {
    const first = values[0]
    if (first === null || first === undefined) fields.set(local, '')
    else if (typeof first === 'object') {
      const text = (first as Node)['#text']
      fields.set(local, text === undefined ? '' : String(text))
    } else fields.set(local, String(first))
  }
  return fields
}

/**
 * A Shanghai wall-clock time (YYYYMMDDhhmmss[SSS]) as a UTC instant. China has kept UTC+8 all
 * year since 1991, so this is arithmetic, not a time-zone lookup (luxon's parser cost more than
 * the rest of a receipt). The digits are checked by rebuilding the date.
 */
function shanghai(value: string, format: 'yyyyMMddHHmmss' | 'yyyyMMddHHmmssSSS', field: string) {
  const digits = format.length
  if (value.length !== digits || !/^\d+$/.test(value)) {
    throw new ReceiptParseError('invalid_field', `${field} "${value}" is not ${format}`)
  }
  const n = (from: number, to: number) => Number(value.slice(from, to))
  const [y, mo, d, h, mi, sec] = [n(0, 4), n(4, 6), n(6, 8), n(8, 10), n(10, 12), n(12, 14)]
  const ms = digits === 17 ? n(14, 17) : 0
  const at = Date.UTC(y, mo - 1, d, h - 8, mi, sec, ms)
  const local = new Date(at + 8 * 3_600_000)
  if (
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    sec > 59
  ) {
    throw new ReceiptParseError('invalid_field', `${field} "${value}" is not a valid time`)
  }
  return new Date(at)
}

/** `[Code:1800;Desc:逻辑校验通过]` → code and description (SPEC.md §6.3). */
export function splitInfo(info: string) {
  const match = /\[?\s*Code\s*:\s*(-?\d+)\s*;\s*Desc\s*:\s*([^\]]*)\]?/i.exec(info)
  return match ? { code: match[1], desc: match[2].trim() } : { code: null, desc: null }
}

/**
 * Parses a CEB receipt (or a CEB513 waybill status) namespace-aware: the root and every field
 * must be in `http://www.chinaport.gov.cn/ceb`, with a prefix or as the default namespace
 * (SPEC.md §2: samples use both). A DOCTYPE is refused before parsing, so no entity can expand.
 * Throws ReceiptParseError with the reason; nothing is half-read.
 */
export function parseReceipt(
  input: Buffer | string,
  maxBytes = DEFAULT_MAX_BYTES
): ParsedReceiptFile {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length
  if (size > maxBytes) throw new ReceiptParseError('too_large', `${size} bytes > ${maxBytes}`)
  const { text, encoding } =
    typeof input === 'string'
      ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
      : decodeXml(input)
  if (!text.trim()) throw new ReceiptParseError('empty', 'the file is empty')
  // Entity expansion ("billion laughs") and external entities need a DTD: receipts have none.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ReceiptParseError('doctype', 'a DOCTYPE or ENTITY declaration is not allowed')
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new ReceiptParseError(
      'malformed',
      `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`
    )
  }
  const doc = parser.parse(text) as Node
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'))
  if (roots.length !== 1) throw new ReceiptParseError('malformed', 'not exactly one root element')
  const rootName = roots[0]
  const rootValue = doc[rootName]
  const root = (Array.isArray(rootValue) ? rootValue[0] : rootValue) as Node
  const { prefix, local } = split(rootName)
  const rootMatch = ROOT.exec(local)
  const type = rootMatch ? `CEB${rootMatch[1]}` : null
  const definition: ReceiptType | undefined = type ? RECEIPT_TYPES[type] : undefined
  if (
    !type ||
    (!definition && type !== LOGISTICS_STATUS.type) ||
    typeof root !== 'object' ||
    !root
  ) {
    throw new ReceiptParseError('wrong_root', `root element <${rootName}> is not a CEB receipt`)
  }
  const scope = scopeOf(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]))
  if (scope.get(prefix) !== CEB_NAMESPACE) {
    throw new ReceiptParseError('wrong_namespace', `<${rootName}> is not in ${CEB_NAMESPACE}`)
  }
  const guid = root['@_guid'] === undefined ? null : String(root['@_guid'])
  const children = cebChildren(root, scope)
  const recordName = definition ? definition.record : LOGISTICS_STATUS.record
  const list = children.get(recordName) ?? []
  if (!list.length) throw new ReceiptParseError('no_records', `no <${recordName}> in <${rootName}>`)
  if (list.length > MAX_RECORDS)
    throw new ReceiptParseError('too_many_records', `${list.length} records`)

  const records = list.map((raw, index) => {
    const fields = fieldsOf(raw, scope)
    const need = (name: string) => {
      const value = fields.get(name)
      if (value === undefined || value === '') {
        throw new ReceiptParseError('missing_field', `<${recordName}> #${index + 1} has no ${name}`)
      }
      return value
    }
    if (!definition) {
      const logisticsTime = need('logisticsTime')
      return {
        kind: 'logistics_status',
        messageType: 'CEB513',
        guid: fields.get('guid') ?? guid ?? '',
        logisticsCode: need('logisticsCode'),
        logisticsName: fields.get('logisticsName') ?? '',
        logisticsNo: need('logisticsNo'),
        logisticsStatus: need('logisticsStatus'),
        logisticsTime,
        occurredAt: shanghai(logisticsTime, 'yyyyMMddHHmmss', 'logisticsTime'),
        note: fields.get('note') ?? '',
      } satisfies LogisticsStatusRecord
    }
    const returnStatus = need('returnStatus')
    const returnTime = need('returnTime')
    if (!/^\d{17}$/.test(returnTime)) {
      throw new ReceiptParseError(
        'invalid_field',
        `returnTime "${returnTime}" is not YYYYMMDDhhmmssSSS`
      )
    }
    const keys: Record<string, string> = {}
    for (const key of definition.keys) {
      const value = fields.get(key)
      if (value !== undefined && value !== '') keys[key] = value
    }
    for (const key of definition.required) need(key)
    const returnInfo = fields.get('returnInfo') ?? ''
    const info = splitInfo(returnInfo)
    return {
      kind: 'receipt',
      messageType: definition.type,
      requestType: definition.requestType,
      direction: definition.direction,
      guid: need('guid'),
      keys,
      docNo: definition.docKey ? keys[definition.docKey] : null,
      returnStatus,
      returnTime,
      returnAt: shanghai(returnTime, 'yyyyMMddHHmmssSSS', 'returnTime'),
      returnInfo,
      infoCode: info.code,
      infoDesc: info.desc,
    } satisfies ReceiptRecord
  })
  return { messageType: type, guid, encoding, records }
}
