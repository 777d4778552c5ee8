/**
 * The outgoing CEB message types this module builds (SPEC §3) and what each one is: its XSD file,
 * the record wrapper, head and list elements, the natural key (doc_no) and the receipt that answers it.
 */
export type MessageType = 'CEB311' | 'CEB411' | 'CEB511' | 'CEB621' | 'CEB303' | 'CEB505' | 'CEB603'
export type Direction = 'import' | 'export'
export type BusinessMode = '9610' | '1210' | '9710' | '9810'
export type ProfileRole = 'ebc' | 'ebp' | 'logistics' | 'payment' | 'agent'

export const PROFILE_ROLES: ProfileRole[] = ['ebc', 'ebp', 'logistics', 'payment', 'agent']

export interface MessageTypeInfo {
  type: MessageType
  direction: Direction
  /** The record element inside the message (Order, Payment, Logistics, Inventory). */
  record: string
  head: string
  /** Goods-line element, when the record has lines. */
  list: string | null
  /** Head field holding the natural key stored as doc_no. */
  docNoField: string
  receipt: string
  /** Which profile role may declare it (SPEC §3 "sender"). */
  roles: ProfileRole[]
  /** import XSD: ExtendMessage before ds:Signature; export XSD: ds:Signature before ExtendMessage. */
  signatureRequired: boolean
  modes: BusinessMode[]
}

export const MESSAGE_TYPES: Record<MessageType, MessageTypeInfo> = {
  CEB311: {
    type: 'CEB311',
    direction: 'import',
    record: 'Order',
    head: 'OrderHead',
    list: 'OrderList',
    docNoField: 'orderNo',
    receipt: 'CEB312',
    roles: ['ebc', 'ebp', 'logistics'],
    signatureRequired: false,
    modes: ['9610', '1210'],
  },
  CEB411: {
    type: 'CEB411',
    direction: 'import',
    record: 'Payment',
    head: 'PaymentHead',
    list: null,
    docNoField: 'payTransactionId',
    receipt: 'CEB412',
    roles: ['payment'],
    signatureRequired: false,
    modes: ['9610', '1210'],
  },
  CEB511: {
    type: 'CEB511',
    direction: 'import',
    record: 'Logistics',
    head: 'LogisticsHead',
    list: null,
    docNoField: 'logisticsNo',
    receipt: 'CEB512',
    roles: ['logistics'],
    signatureRequired: false,
    modes: ['9610', '1210'],
  },
  CEB621: {
    type: 'CEB621',
    direction: 'import',
    record: 'Inventory',
    head: 'InventoryHead',
    list: 'InventoryList',
    docNoField: 'copNo',
    receipt: 'CEB622',
    roles: ['ebc', 'agent'],
    signatureRequired: true,
    modes: ['9610', '1210'],
  },
  CEB303: {
    type: 'CEB303',
    direction: 'export',
    record: 'Order',
    head: 'OrderHead',
    list: 'OrderList',
    docNoField: 'orderNo',
    receipt: 'CEB304',
    roles: ['ebc', 'ebp'],
    signatureRequired: false,
    modes: ['9610', '1210', '9710', '9810'],
  },
  CEB505: {
    type: 'CEB505',
    direction: 'export',
    record: 'Logistics',
    head: 'LogisticsHead',
    list: null,
    docNoField: 'logisticsNo',
    receipt: 'CEB506',
    roles: ['logistics'],
    signatureRequired: false,
    modes: ['9610', '1210', '9710', '9810'],
  },
  CEB603: {
    type: 'CEB603',
    direction: 'export',
    record: 'Inventory',
    head: 'InventoryHead',
    list: 'InventoryList',
    docNoField: 'copNo',
    receipt: 'CEB604',
    roles: ['ebc', 'agent'],
    signatureRequired: false,
    modes: ['9610', '1210', '9710', '9810'],
  },
}

export const OUTGOING_TYPES = Object.keys(MESSAGE_TYPES) as MessageType[]

export const isMessageType = (value: unknown): value is MessageType =>
  typeof value === 'string' && value in MESSAGE_TYPES

/** Local states before customs answers; anything else is a customs returnStatus as received. */
export const LOCAL_STATUSES = ['draft', 'checked', 'queued'] as const
export type LocalStatus = (typeof LOCAL_STATUSES)[number]

/** The CEB namespace of every business-node message (SPEC §1). */
export const CEB_NS = 'http://www.chinaport.gov.cn/ceb'
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#'
