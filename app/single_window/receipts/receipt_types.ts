/**
 * The receipt (回执) message types of the 2022-05 CEB specification: their record element, the
 * request they answer and the business keys they carry before `returnStatus` (SPEC.md §5, from
 * the 2022-05 XSDs). `match` names the keys ParkGate uses to find the declaration the receipt is
 * for; `required` are the keys a receipt must carry to be applied.
 */
export interface ReceiptType {
  /** Receipt message type, e.g. `CEB622`. */
  type: string
  /** The request it answers, e.g. `CEB621`. */
  requestType: string
  /** Record element under the root, e.g. `InventoryReturn`. */
  record: string
  /** Business keys in XSD order (before returnStatus). */
  keys: string[]
  /** Keys without which the receipt cannot be applied. */
  required: string[]
  /** The key that holds the declaration's natural number (doc_no) for the request type. */
  docKey?: string
  direction: 'import' | 'export'
}

const t = (
  type: string,
  requestType: string,
  record: string,
  keys: string[],
  direction: 'import' | 'export',
  docKey?: string
): ReceiptType => ({
  type,
  requestType,
  record,
  keys,
  required: docKey ? [docKey] : [],
  docKey,
  direction,
})

/**
 * Every receipt type of the 2022-05 package. The seven ParkGate declares (311/411/511/621 import,
 * 303/505/603 export) carry a docKey and are applied to declarations; the others parse (the
 * official samples must) and are kept, but ParkGate sends no request they could answer.
 */
export const RECEIPT_TYPES: Record<string, ReceiptType> = Object.fromEntries(
  [
    t('CEB312', 'CEB311', 'OrderReturn', ['ebpCode', 'ebcCode', 'orderNo'], 'import', 'orderNo'),
    t(
      'CEB412',
      'CEB411',
      'PaymentReturn',
      ['payCode', 'payTransactionId'],
      'import',
      'payTransactionId'
    ),
    t(
      'CEB512',
      'CEB511',
      'LogisticsReturn',
      ['logisticsCode', 'logisticsNo'],
      'import',
      'logisticsNo'
    ),
    t(
      'CEB514',
      'CEB513',
      'LogisticsStatusReturn',
      ['logisticsCode', 'logisticsNo', 'logisticsStatus'],
      'import'
    ),
    t(
      'CEB622',
      'CEB621',
      'InventoryReturn',
      ['customsCode', 'ebpCode', 'ebcCode', 'agentCode', 'copNo', 'preNo', 'invtNo'],
      'import',
      'copNo'
    ),
    t(
      'CEB624',
      'CEB623',
      'InvtCancelReturn',
      ['customsCode', 'agentCode', 'ebpCode', 'ebcCode', 'copNo', 'preNo', 'invtNo'],
      'import'
    ),
    t(
      'CEB626',
      'CEB625',
      'InvtRefundReturn',
      ['customsCode', 'agentCode', 'ebpCode', 'ebcCode', 'copNo', 'preNo', 'invtNo'],
      'import'
    ),
    t(
      'CEB712',
      'CEB711',
      'DeliveryReturn',
      ['customsCode', 'operatorCode', 'copNo', 'preNo', 'rkdNo'],
      'import'
    ),
    t('CEB304', 'CEB303', 'OrderReturn', ['ebpCode', 'ebcCode', 'orderNo'], 'export', 'orderNo'),
    t('CEB404', 'CEB403', 'ReceiptsReturn', ['ebcCode', 'orderNo', 'payNo'], 'export'),
    t(
      'CEB506',
      'CEB505',
      'LogisticsReturn',
      ['logisticsCode', 'logisticsNo'],
      'export',
      'logisticsNo'
    ),
    t(
      'CEB508',
      'CEB507',
      'ArrivalReturn',
      ['operatorCode', 'logisticsCode', 'preNo', 'copNo', 'billNo', 'msgSeqNo'],
      'export'
    ),
    t(
      'CEB510',
      'CEB509',
      'DepartureReturn',
      ['logisticsCode', 'copNo', 'preNo', 'msgSeqNo'],
      'export'
    ),
    t(
      'CEB604',
      'CEB603',
      'InventoryReturn',
      ['agentCode', 'copNo', 'preNo', 'invtNo', 'ebcCode', 'ebpCode', 'orderNo', 'statisticsFlag'],
      'export',
      'copNo'
    ),
    t('CEB606', 'CEB605', 'InvtCancelReturn', ['agentCode', 'copNo', 'preNo', 'invtNo'], 'export'),
    t(
      'CEB608',
      'CEB607',
      'WayBillReturn',
      ['agentCode', 'logisticsCode', 'copNo', 'preNo', 'billNo', 'msgSeqNo'],
      'export'
    ),
    t(
      'CEB702',
      'CEB701',
      'SummaryReturn',
      ['agentCode', 'ebcCode', 'copNo', 'preNo', 'sumNo', 'msgSeqNo'],
      'export'
    ),
    t(
      'CEB214',
      'CEB213',
      'RefundReturn',
      ['ebpCode', 'ebcCode', 'agentCode', 'coElNo', 'preNo', 'invtNo'],
      'export'
    ),
    t(
      'CEB216',
      'CEB215',
      'InvtRefundDetailReturn',
      ['operatorCode', 'logisticsCode', 'logisticsNo', 'coElNo', 'preNo'],
      'export'
    ),
  ].map((r) => [r.type, r])
)

/** The request types ParkGate sends, with the receipt that answers each. */
export const RECEIPT_FOR_REQUEST: Record<string, string> = Object.fromEntries(
  Object.values(RECEIPT_TYPES)
    .filter((r) => r.docKey)
    .map((r) => [r.requestType, r.type])
)

/** CEB513 waybill status (运单状态): the logistics enterprise's message, read for tracking. */
export const LOGISTICS_STATUS = {
  type: 'CEB513',
  record: 'LogisticsStatus',
  fields: [
    'logisticsCode',
    'logisticsName',
    'logisticsNo',
    'logisticsStatus',
    'logisticsTime',
    'note',
  ],
} as const

export const CEB_NAMESPACE = 'http://www.chinaport.gov.cn/ceb'
