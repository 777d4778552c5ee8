import { Decimal } from 'decimal.js'
import type { BusinessMode, MessageType } from '#single_window/message_types'
import type { CheckProblem } from '#single_window/checks/problem'

type Values = Record<string, string | null | undefined>

const DEC = /^-?\d+(?:\.\d+)?$/
/** A decimal when the text is one, else null (the field check reports the bad text). */
const d = (value: string | null | undefined) =>
  value !== null && value !== undefined && DEC.test(value) ? new Decimal(value) : null

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').trim() === (b ?? '').trim()

/** Amounts equal as decimals (12.5 == 12.50000); both missing counts as equal. */
const sameAmount = (a: string | null | undefined, b: string | null | undefined) => {
  const x = d(a)
  const y = d(b)
  return x && y ? x.eq(y) : x === y
}

/** ¥5,000 per order and ¥26,000 per buyer per calendar year (retail import personal limits). */
export const ORDER_LIMIT = new Decimal(5000)
export const ANNUAL_LIMIT = new Decimal(26000)

/** Lines: gnum numbered 1, 2, 3 … once each (SPEC §11: "从1开始连续序号"); totalPrice = qty × price. */
function checkLines(lines: Values[], out: CheckProblem[], priced: boolean) {
  const seen = new Set<string>()
  for (const [i, line] of lines.entries()) {
    const gnum = line.gnum ?? ''
    if (gnum !== '' && gnum !== String(i + 1)) {
      out.push({
        field: 'gnum',
        line: i + 1,
        key: 'check.gnum_sequence',
        data: { expected: i + 1 },
        level: 'error',
      })
    }
    if (seen.has(gnum))
      out.push({ field: 'gnum', line: i + 1, key: 'check.gnum_duplicate', level: 'error' })
    seen.add(gnum)
    if (!priced) continue
    const qty = d(line.qty)
    const price = d(line.price)
    const total = d(line.totalPrice)
    // Customs compares the line total with quantity × unit price; a rounding difference below one
    // fen is tolerated (prices carry up to 5 decimals, totals are usually in fen).
    if (qty && price && total && qty.times(price).minus(total).abs().gte('0.01')) {
      out.push({
        field: 'totalPrice',
        line: i + 1,
        key: 'check.line_total',
        data: { expected: qty.times(price).toFixed() },
        level: 'error',
      })
    }
  }
}

const sumTotals = (lines: Values[]) =>
  lines.reduce((sum, line) => sum.plus(d(line.totalPrice) ?? 0), new Decimal(0))

/**
 * The rules of one document beyond the XSD facets (SPEC §4, §8): the order's paid amount formula,
 * line totals, the business mode's required fields, the declaration's mode in `tradeMode`.
 */
export function checkBusinessRules(
  type: MessageType,
  mode: BusinessMode,
  head: Values,
  lines: Values[]
): CheckProblem[] {
  const out: CheckProblem[] = []
  switch (type) {
    case 'CEB311': {
      checkLines(lines, out, true)
      const [goods, freight, discount, tax, paid] = [
        d(head.goodsValue),
        d(head.freight),
        d(head.discount),
        d(head.taxTotal),
        d(head.acturalPaid),
      ]
      // SPEC §4: acturalPaid = goodsValue + freight + taxTotal − discount.
      if (goods && freight && discount && tax && paid) {
        const expected = goods.plus(freight).plus(tax).minus(discount)
        if (!expected.eq(paid)) {
          out.push({
            field: 'acturalPaid',
            key: 'check.paid_formula',
            data: { expected: expected.toFixed() },
            level: 'error',
          })
        }
      }
      if (goods && lines.length && !sumTotals(lines).eq(goods)) {
        out.push({
          field: 'goodsValue',
          key: 'check.goods_value_sum',
          data: { expected: sumTotals(lines).toFixed() },
          level: 'error',
        })
      }
      break
    }
    case 'CEB303': {
      checkLines(lines, out, true)
      const goods = d(head.goodsValue)
      if (goods && lines.length && !sumTotals(lines).eq(goods)) {
        out.push({
          field: 'goodsValue',
          key: 'check.goods_value_sum',
          data: { expected: sumTotals(lines).toFixed() },
          level: 'error',
        })
      }
      const expectedType = mode === '9710' ? 'B' : mode === '9810' ? 'W' : 'E'
      if (head.orderType && head.orderType !== expectedType) {
        out.push({
          field: 'orderType',
          key: 'check.order_type_mode',
          data: { expected: expectedType, mode },
          level: 'error',
        })
      }
      break
    }
    case 'CEB511':
    case 'CEB505':
      // SPEC §4: packNo is fixed 1 for import waybills.
      if (type === 'CEB511' && head.packNo && head.packNo !== '1') {
        out.push({ field: 'packNo', key: 'check.pack_no_one', level: 'error' })
      }
      break
    case 'CEB621': {
      checkLines(lines, out, true)
      if (head.tradeMode && head.tradeMode !== mode) {
        out.push({ field: 'tradeMode', key: 'check.trade_mode', data: { mode }, level: 'error' })
      }
      if (head.packNo && head.packNo !== '1') {
        out.push({ field: 'packNo', key: 'check.pack_no_one', level: 'error' })
      }
      // XSD annotations: bonded (1210) needs the account book, the bonded-area enterprise and the
      // item record numbers, country 142; direct mail (9610) needs the conveyance, voyage and bill.
      if (mode === '1210') {
        for (const field of ['emsNo', 'areaCode', 'areaName']) {
          if (!head[field])
            out.push({ field, key: 'check.required_for_mode', data: { mode }, level: 'error' })
        }
        if (head.country && head.country !== '142') {
          out.push({ field: 'country', key: 'check.bonded_country', level: 'error' })
        }
        lines.forEach((line, i) => {
          if (!line.itemRecordNo) {
            out.push({
              field: 'itemRecordNo',
              line: i + 1,
              key: 'check.required_for_mode',
              data: { mode },
              level: 'error',
            })
          }
        })
      } else {
        for (const field of ['trafNo', 'voyageNo', 'billNo']) {
          if (!head[field])
            out.push({ field, key: 'check.required_for_mode', data: { mode }, level: 'error' })
        }
      }
      const gross = d(head.grossWeight)
      const net = d(head.netWeight)
      if (gross && net && net.gt(gross)) {
        out.push({ field: 'netWeight', key: 'check.net_over_gross', level: 'error' })
      }
      break
    }
    case 'CEB603': {
      checkLines(lines, out, true)
      if (head.tradeMode && head.tradeMode !== mode) {
        out.push({ field: 'tradeMode', key: 'check.trade_mode', data: { mode }, level: 'error' })
      }
      if (mode === '1210' && !head.iacCode) {
        out.push({
          field: 'iacCode',
          key: 'check.required_for_mode',
          data: { mode },
          level: 'error',
        })
      }
      const gross = d(head.grossWeight)
      const net = d(head.netWeight)
      if (gross && net && net.gt(gross)) {
        out.push({ field: 'netWeight', key: 'check.net_over_gross', level: 'error' })
      }
      break
    }
    default:
      break
  }
  return out
}

/** The documents of one import parcel, as far as they exist. */
export interface ParcelDocuments {
  inventory: { head: Values; lines: Values[] }
  order?: { head: Values; lines: Values[] } | null
  payment?: { head: Values } | null
  waybill?: { head: Values } | null
}

/**
 * Three-document match (三单对碰, SPEC §3, receipt codes 1322/1327/13127/13035 in §6.3): the order,
 * the payment and the waybill agree with the inventory list. Missing documents are reported too.
 */
export function threeDocumentMatch(docs: ParcelDocuments): CheckProblem[] {
  const out: CheckProblem[] = []
  const inv = docs.inventory.head
  const order = docs.order?.head
  const payment = docs.payment?.head
  const waybill = docs.waybill?.head
  const err = (field: string, key: string, data?: Record<string, unknown>, line?: number) =>
    out.push({ field, key, data, line, level: 'error' })

  if (!order) err('orderNo', 'match.order_missing', { orderNo: inv.orderNo })
  if (!payment) err('orderNo', 'match.payment_missing', { orderNo: inv.orderNo })
  if (!waybill) err('logisticsNo', 'match.waybill_missing', { logisticsNo: inv.logisticsNo })

  if (order) {
    if (!same(order.ebpCode, inv.ebpCode)) err('ebpCode', 'match.order_field', { field: 'ebpCode' })
    if (!same(order.ebcCode, inv.ebcCode)) err('ebcCode', 'match.order_field', { field: 'ebcCode' })
    // 13127: the buyer of the inventory list is the buyer of the order.
    if (!same(order.buyerName, inv.buyerName))
      err('buyerName', 'match.buyer', { field: 'buyerName' })
    if (!same(order.buyerIdNumber, inv.buyerIdNumber)) {
      err('buyerIdNumber', 'match.buyer', { field: 'buyerIdNumber' })
    }
    if (!same(order.buyerIdType, inv.buyerIdType))
      err('buyerIdType', 'match.buyer', { field: 'buyerIdType' })
    // 1322: goods lines one to one (gnum, item, quantity, total).
    const orderLines = docs.order!.lines
    const invLines = docs.inventory.lines
    if (orderLines.length !== invLines.length) {
      err('InventoryList', 'match.line_count', {
        order: orderLines.length,
        inventory: invLines.length,
      })
    }
    const byGnum = new Map(orderLines.map((l) => [l.gnum ?? '', l]))
    invLines.forEach((line, i) => {
      const ol = byGnum.get(line.gnum ?? '')
      if (!ol) {
        err('gnum', 'match.line_missing', { gnum: line.gnum }, i + 1)
        return
      }
      if (ol.itemNo && line.itemNo && !same(ol.itemNo, line.itemNo)) {
        err('itemNo', 'match.line_field', { field: 'itemNo', gnum: line.gnum }, i + 1)
      }
      if (!sameAmount(ol.qty, line.qty))
        err('qty', 'match.line_field', { field: 'qty', gnum: line.gnum }, i + 1)
      if (!same(ol.unit, line.unit))
        err('unit', 'match.line_field', { field: 'unit', gnum: line.gnum }, i + 1)
      if (!sameAmount(ol.totalPrice, line.totalPrice)) {
        err('totalPrice', 'match.line_field', { field: 'totalPrice', gnum: line.gnum }, i + 1)
      }
    })
  }

  if (payment) {
    if (!same(payment.orderNo, inv.orderNo))
      err('orderNo', 'match.payment_field', { field: 'orderNo' })
    if (!same(payment.ebpCode, inv.ebpCode))
      err('ebpCode', 'match.payment_field', { field: 'ebpCode' })
    if (order) {
      // acturalPaid equals the payment's amountPaid (issue 6; SPEC §4).
      if (!sameAmount(order.acturalPaid, payment.amountPaid)) {
        err('acturalPaid', 'match.amount_paid', {
          paid: order.acturalPaid,
          amountPaid: payment.amountPaid,
        })
      }
      // 1327: the payer is the buyer.
      if (
        !same(order.buyerName, payment.payerName) ||
        !same(order.buyerIdNumber, payment.payerIdNumber)
      ) {
        err('payerName', 'match.payer')
      }
      // 13035: the order names the payment enterprise and transaction that paid.
      if (order.payCode && !same(order.payCode, payment.payCode)) err('payCode', 'match.pay_code')
      if (order.payTransactionId && !same(order.payTransactionId, payment.payTransactionId)) {
        err('payTransactionId', 'match.pay_transaction')
      }
    }
  }

  if (waybill) {
    if (!same(waybill.logisticsCode, inv.logisticsCode)) {
      err('logisticsCode', 'match.waybill_field', { field: 'logisticsCode' })
    }
    if (!same(waybill.orderNo, inv.orderNo))
      err('orderNo', 'match.waybill_field', { field: 'orderNo' })
    // SPEC §3: consignee name, phone and address of the order equal the waybill.
    if (order) {
      for (const [of, wf] of [
        ['consignee', 'consignee'],
        ['consigneeTelephone', 'consigneeTelephone'],
        ['consigneeAddress', 'consigneeAddress'],
      ] as const) {
        if (!same(order[of], waybill[wf])) err(wf, 'match.consignee', { field: wf })
      }
    }
  }
  return out
}

/** The goods value of an inventory list that counts against the limits: the sum of line totals. */
export const inventoryValue = (lines: Values[]) => sumTotals(lines)

/**
 * Personal limits for retail import (issue 6): ¥5,000 per order, ¥26,000 per buyer per calendar
 * year including what is already declared. Over either limit is an error: customs would reject it
 * (-621005 single-transaction limit, 1313 annual quota; SPEC §6.2, §6.3).
 */
export function personalLimits(
  lines: Values[],
  declaredThisYear: Decimal | string | number
): CheckProblem[] {
  const out: CheckProblem[] = []
  const value = sumTotals(lines)
  if (value.gt(ORDER_LIMIT)) {
    out.push({
      field: 'totalPrice',
      key: 'limit.order',
      data: { value: value.toFixed(2), limit: '5000' },
      level: 'error',
    })
  }
  const year = new Decimal(declaredThisYear).plus(value)
  if (year.gt(ANNUAL_LIMIT)) {
    out.push({
      field: 'buyerIdNumber',
      key: 'limit.annual',
      data: {
        total: year.toFixed(2),
        limit: '26000',
        declared: new Decimal(declaredThisYear).toFixed(2),
      },
      level: 'error',
    })
  }
  return out
}
