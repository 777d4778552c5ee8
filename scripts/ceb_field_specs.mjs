#!/usr/bin/env node
/**
 * Generates app/single_window/specs/field_specs.ts from the official 2022-05 CEB XSDs in
 * resources/ceb/xsd: for every field of every outgoing message type (CEB311/411/511/621 import,
 * CEB303/505/603 export) its XSD base type, length facets, decimal digits, required-ness and the
 * order of the XSD sequence, plus the XSD's own documentation text and a short Chinese label cut
 * from it. Run: node scripts/ceb_field_specs.mjs (the output is committed; re-run if the XSDs change).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import * as prettier from 'prettier'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const xsdDir = join(root, 'resources/ceb/xsd')
const out = join(root, 'app/single_window/specs/field_specs.ts')

const FILES = {
  import: '海关跨境进口业务节点报文定义202205.xsd',
  export: '海关跨境出口业务节点报文定义202205.xsd',
}
const TYPES = {
  CEB311: 'import',
  CEB411: 'import',
  CEB511: 'import',
  CEB621: 'import',
  CEB303: 'export',
  CEB505: 'export',
  CEB603: 'export',
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['xs:element', 'xs:attribute'].includes(name),
})

const asArray = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const docOf = (node) => {
  const d = node?.['xs:annotation']?.['xs:documentation']
  return (typeof d === 'object' ? (d['#text'] ?? '') : (d ?? '')).toString().trim()
}

/**
 * Short Chinese labels (template header row, form labels) where the XSD documentation does not start
 * with one; the wording follows the PDF field tables (SPEC §11).
 */
const LABELS = {
  guid: '系统唯一序号',
  appType: '报送类型',
  appTime: '报送时间',
  appStatus: '业务状态',
  orderType: '订单类型',
  orderNo: '订单编号',
  ebpCode: '电商平台代码',
  ebpName: '电商平台名称',
  ebcCode: '电商企业代码',
  ebcName: '电商企业名称',
  goodsValue: '商品价格',
  freight: '运杂费',
  discount: '非现金抵扣金额',
  taxTotal: '代扣税款',
  acturalPaid: '实际支付金额',
  currency: '币制',
  buyerRegNo: '订购人注册号',
  buyerName: '订购人姓名',
  buyerTelephone: '订购人电话',
  buyerIdType: '订购人证件类型',
  buyerIdNumber: '订购人证件号码',
  payCode: '支付企业代码',
  payName: '支付企业名称',
  payTransactionId: '支付交易编号',
  batchNumbers: '商品批次号',
  consignee: '收货人姓名',
  consigneeTelephone: '收货人电话',
  consigneeAddress: '收货地址',
  consigneeDistrict: '收货地址行政区划代码',
  note: '备注',
  gnum: '商品序号',
  itemNo: '企业商品货号',
  itemName: '企业商品名称',
  gmodel: '规格型号',
  itemDescribe: '企业商品描述',
  barCode: '条形码',
  unit: '计量单位',
  qty: '数量',
  price: '单价',
  totalPrice: '总价',
  country: '国家（地区）',
  payerIdType: '支付人证件类型',
  payerIdNumber: '支付人证件号码',
  payerName: '支付人姓名',
  telephone: '支付人电话',
  amountPaid: '支付金额',
  payTime: '支付时间',
  logisticsCode: '物流企业代码',
  logisticsName: '物流企业名称',
  logisticsNo: '物流运单编号',
  billNo: '提运单号',
  insuredFee: '保价费',
  weight: '毛重',
  packNo: '件数',
  goodsInfo: '主要货物信息',
  copNo: '企业内部编号',
  preNo: '预录入编号',
  assureCode: '担保企业编号',
  emsNo: '账册编号',
  invtNo: '清单编号',
  ieFlag: '进出口标记',
  declTime: '申报日期',
  customsCode: '申报海关代码',
  portCode: '口岸海关代码',
  ieDate: '进出口日期',
  agentCode: '申报企业代码',
  agentName: '申报企业名称',
  areaCode: '区内企业代码',
  areaName: '区内企业名称',
  tradeMode: '贸易方式',
  trafMode: '运输方式',
  trafNo: '运输工具编号',
  voyageNo: '航班航次号',
  loctNo: '监管场所代码',
  licenseNo: '许可证件号',
  wrapType: '包装种类代码',
  grossWeight: '毛重',
  netWeight: '净重',
  itemRecordNo: '账册备案料号',
  gcode: '商品编码',
  gname: '商品名称',
  tradeCountry: '贸易国（地区）',
  qty1: '法定数量',
  unit1: '法定计量单位',
  qty2: '第二数量',
  unit2: '第二计量单位',
  ebcTelephone: '收发货人电话',
  statisticsFlag: '申报业务类型',
  ownerCode: '生产销售单位代码',
  ownerName: '生产销售单位名称',
  iacCode: '区内企业代码',
  iacName: '区内企业名称',
  trafName: '运输工具名称',
  totalPackageNo: '总包号',
  POD: '指运港代码',
  fCurrency: '运费币制',
  fFlag: '运费标志',
  iCurrency: '保费币制',
  iFlag: '保费标志',
  copCode: '传输企业代码',
  copName: '传输企业名称',
  dxpMode: '报文传输模式',
  dxpId: '报文传输编号',
}

function labelOf(doc, name) {
  if (LABELS[name]) return LABELS[name]
  const cut = doc.split(/[。，,；;：:（(\n-]/)[0].trim()
  return cut.length > 0 && cut.length <= 12 ? cut : name
}

function fieldOf(el) {
  const facet = (r, n) => (r?.[`xs:${n}`] ? r[`xs:${n}`].value : undefined)
  const spec = {
    name: el.name,
    required: el.minOccurs !== '0',
    base: 'string',
    doc: docOf(el),
  }
  if (el.type) {
    spec.base = el.type.replace('xs:', '')
  } else {
    const r = el['xs:simpleType']?.['xs:restriction']
    if (!r) throw new Error(`no simple type for ${el.name}`)
    spec.base = r.base.replace('xs:', '')
    for (const n of ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits']) {
      const v = facet(r, n)
      if (v !== undefined) spec[n] = Number(v)
    }
    if (r['xs:whiteSpace']) spec.whiteSpace = r['xs:whiteSpace'].value
    if (r['xs:enumeration']) spec.enumeration = asArray(r['xs:enumeration']).map((e) => e.value)
  }
  spec.label = labelOf(spec.doc, el.name)
  return spec
}

function load(direction) {
  const doc = parser.parse(readFileSync(join(xsdDir, FILES[direction]), 'utf8'))
  const elements = new Map()
  for (const el of doc['xs:schema']['xs:element']) elements.set(el.name, el)
  return elements
}

const children = (complex) => complex['xs:sequence']['xs:element']

const result = {}
const cache = {}
for (const [type, direction] of Object.entries(TYPES)) {
  const elements = (cache[direction] ??= load(direction))
  const message = elements.get(`${type}Message`)
  const seq = children(message['xs:complexType'])
  // Import XSD declares the record inline; the export XSD refers to a global element (ceb:Order).
  const recordEl = seq[0].ref
    ? { ...elements.get(seq[0].ref.replace('ceb:', '')), maxOccurs: seq[0].maxOccurs }
    : seq[0]
  const after = seq.slice(1).map((e) => ({
    ref: e.ref,
    min: Number(e.minOccurs ?? 1),
    max: e.maxOccurs === 'unbounded' ? -1 : Number(e.maxOccurs ?? 1),
  }))
  const recordChildren = children(recordEl['xs:complexType'])
  // CEB505's Logistics holds its fields directly (no LogisticsHead): a "flat" record.
  const flat = !recordChildren[0].ref
  const parts = flat
    ? []
    : recordChildren.map((e) => ({
        element: e.ref.replace('ceb:', ''),
        min: Number(e.minOccurs ?? 1),
        max: e.maxOccurs === 'unbounded' ? -1 : Number(e.maxOccurs ?? 1),
      }))
  const section = (part) => {
    const el = elements.get(part.element)
    return { ...part, fields: children(el['xs:complexType']).map(fieldOf) }
  }
  const [head, list, ...rest] = flat
    ? [{ element: recordEl.name, min: 1, max: 1, fields: recordChildren.map(fieldOf) }]
    : parts.map(section)
  if (rest.length) throw new Error(`${type}: unexpected record parts ${rest.map((p) => p.element)}`)
  result[type] = {
    type,
    direction,
    xsd: FILES[direction],
    root: `${type}Message`,
    record: recordEl.name,
    recordMax: Number(recordEl.maxOccurs ?? 1),
    flat,
    head,
    list: list ?? null,
    after,
  }
}
const base = cache.import
const baseTransfer = children(base.get('BaseTransfer')['xs:complexType']).map(fieldOf)

const header = `// GENERATED by scripts/ceb_field_specs.mjs from resources/ceb/xsd (2022-05). Do not edit by hand.
import type { MessageSpec, FieldSpec } from '#single_window/specs/types'

`
mkdirSync(dirname(out), { recursive: true })
const source =
  header +
  `export const FIELD_SPECS: Record<string, MessageSpec> = ${JSON.stringify(result, null, 2)}\n\n` +
  `export const BASE_TRANSFER_SPEC: FieldSpec[] = ${JSON.stringify(baseTransfer, null, 2)}\n`
// Formatted as the repository's prettier config would, so re-running the script changes nothing.
const options = (await prettier.resolveConfig(out)) ?? {}
writeFileSync(out, await prettier.format(source, { ...options, filepath: out }))
console.log(`wrote ${out}: ${Object.keys(result).join(', ')}`)
