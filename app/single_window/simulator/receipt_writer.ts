import { DateTime } from 'luxon'
import { CEB_NAMESPACE, RECEIPT_TYPES } from '#single_window/receipts/receipt_types'

/** The receipt fields in XSD sequence order per receipt type (2022-05 XSDs; SPEC.md §5, §11). */
const FIELD_ORDER: Record<string, string[]> = {
  CEB312: ['guid', 'ebpCode', 'ebcCode', 'orderNo'],
  CEB412: ['guid', 'payCode', 'payTransactionId'],
  CEB512: ['guid', 'logisticsCode', 'logisticsNo'],
  CEB622: ['guid', 'customsCode', 'ebpCode', 'ebcCode', 'agentCode', 'copNo', 'preNo', 'invtNo'],
  CEB304: ['guid', 'ebpCode', 'ebcCode', 'orderNo'],
  CEB506: ['guid', 'logisticsCode', 'logisticsNo'],
  CEB604: [
    'guid',
    'agentCode',
    'copNo',
    'preNo',
    'invtNo',
    'ebcCode',
    'ebpCode',
    'orderNo',
    'statisticsFlag',
  ],
}

export const SIMULATED_RECEIPTS = Object.keys(FIELD_ORDER)

const escape = (value: string) =>
  value.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'
  )

/** returnTime: YYYYMMDDhhmmssSSS in Asia/Shanghai (SPEC.md §2). */
export function returnTimeOf(ms: number) {
  return DateTime.fromMillis(ms, { zone: 'Asia/Shanghai' }).toFormat('yyyyMMddHHmmssSSS')
}

export interface ReceiptSpec {
  type: string
  guid: string
  fields: Record<string, string>
  returnStatus: string
  returnTime: string
  returnInfo: string
}

/**
 * A receipt as the e-port writes it: default CEB namespace, no prefix (as the official receipt
 * samples), one record, fields in XSD order. Optional fields without a value are left out.
 */
export function receiptXml(spec: ReceiptSpec) {
  const definition = RECEIPT_TYPES[spec.type]
  const order = FIELD_ORDER[spec.type]
  if (!definition || !order) throw new Error(`no receipt writer for ${spec.type}`)
  const parts: string[] = []
  for (const field of order) {
    const value = field === 'guid' ? spec.guid : spec.fields[field]
    if (value === undefined || value === '') continue
    parts.push(`    <${field}>${escape(value)}</${field}>`)
  }
  parts.push(`    <returnStatus>${escape(spec.returnStatus)}</returnStatus>`)
  parts.push(`    <returnTime>${spec.returnTime}</returnTime>`)
  parts.push(`    <returnInfo>${escape(spec.returnInfo.slice(0, 1000))}</returnInfo>`)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${spec.type}Message xmlns="${CEB_NAMESPACE}" guid="${spec.guid}" version="1.0">`,
    `  <${definition.record}>`,
    ...parts,
    `  </${definition.record}>`,
    `</${spec.type}Message>`,
    '',
  ].join('\n')
}
