import { Decimal } from 'decimal.js'
import type { MessageType } from '#single_window/message_types'

/**
 * Realistic demo documents (tests, seeders, the benchmark): one import parcel is an order (CEB311), its
 * payment (CEB411), waybill (CEB511) and inventory list (CEB621) that pass the three-document match;
 * one export shipment is an order (CEB303), waybill (CEB505) and inventory list (CEB603). The party
 * codes are invented 10-character demo codes, not real registrations.
 */
export interface DemoParties {
  ebcCode: string
  ebcName: string
  ebpCode: string
  ebpName: string
  logisticsCode: string
  logisticsName: string
  payCode: string
  payName: string
  agentCode: string
  agentName: string
  assureCode: string
}

export const DEMO_PARTIES: DemoParties = {
  ebcCode: '4403660A01',
  ebcName: '杭州云帆跨境电子商务有限公司',
  ebpCode: '4403660P01',
  ebpName: '云帆海淘商城',
  logisticsCode: '4403660L02',
  logisticsName: '成都蓉欧国际物流有限公司',
  payCode: '4403660Y01',
  payName: '前海通支付有限公司',
  agentCode: '4403660A01',
  agentName: '杭州云帆跨境电子商务有限公司',
  assureCode: '4403660A01',
}

export interface DemoDocument {
  messageType: MessageType
  businessMode: '9610' | '1210' | '9710' | '9810'
  head: Record<string, string>
  lines: Record<string, string>[]
}

const BUYERS = [
  ['张晓明', '110101199003071234', '13912345678'],
  ['李娜', '440305198811152347', '13722223333'],
  ['王芳', '320102199205203345', '13588889999'],
  ['陈伟', '510104198507124418', '13655556666'],
] as const

const GOODS = [
  {
    itemNo: 'YF-MF-001',
    name: '婴儿配方奶粉',
    gcode: '1901101000',
    gmodel: '900克/罐 1段 牛奶基',
    unit: '122',
    unit1: '035',
    qty1Per: '0.9',
    price: '228.00',
    country: '609',
  },
  {
    itemNo: 'YF-SK-017',
    name: '保湿面霜',
    gcode: '3304990099',
    gmodel: '50毫升/瓶 保湿 玻尿酸',
    unit: '142',
    unit1: '035',
    qty1Per: '0.05',
    price: '189.50',
    country: '116',
  },
  {
    itemNo: 'YF-VT-203',
    name: '维生素C咀嚼片',
    gcode: '2106909090',
    gmodel: '120片/瓶 橙味',
    unit: '142',
    unit1: '035',
    qty1Per: '0.2',
    price: '96.00',
    country: '601',
  },
] as const

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** The four import documents of parcel `n` (deterministic), 1–2 goods lines, under the ¥5,000 limit. */
export function demoImportParcel(
  n: number,
  parties: DemoParties = DEMO_PARTIES,
  mode: '9610' | '1210' = '9610',
  day = '20261201'
): DemoDocument[] {
  const [buyerName, firstId, phone] = BUYERS[n % BUYERS.length]
  // Parcels under 4 share the four named buyers; later ones get their own (invented) ID numbers, so a
  // 100,000-parcel benchmark stays within the personal annual limit.
  const buyerId = n < BUYERS.length ? firstId : `${firstId.slice(0, 9)}${pad(n % 1e8, 8)}X`
  const orderNo = `YF${day}${pad(n, 6)}`
  const logisticsNo = `RO${day}${pad(n, 8)}`
  const payNo = `PAY${day}${pad(n, 8)}`
  const copNo = `INV${day}${pad(n, 6)}`
  const count = 1 + (n % 2)
  const picked = Array.from({ length: count }, (_, i) => GOODS[(n + i) % GOODS.length])
  const orderLines = picked.map((g, i) => {
    const qty = String(1 + ((n + i) % 2))
    const total = new Decimal(g.price).times(qty).toFixed(2)
    return { g, qty, total, gnum: String(i + 1) }
  })
  const goodsValue = orderLines.reduce((sum, l) => sum.plus(l.total), new Decimal(0))
  const freight = new Decimal('12.00')
  const taxTotal = goodsValue.plus(freight).times('0.091').toDecimalPlaces(2)
  const paid = goodsValue.plus(freight).plus(taxTotal)
  const address = '广东省深圳市南山区科技园科苑路15号'
  const appTime = `${day}103000`
  const common = { appType: '1', appTime, appStatus: '2' }
  const order: DemoDocument = {
    messageType: 'CEB311',
    businessMode: mode,
    head: {
      ...common,
      orderType: 'I',
      orderNo,
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
      ebcCode: parties.ebcCode,
      ebcName: parties.ebcName,
      goodsValue: goodsValue.toFixed(2),
      freight: freight.toFixed(2),
      discount: '0',
      taxTotal: taxTotal.toFixed(2),
      acturalPaid: paid.toFixed(2),
      currency: '142',
      buyerRegNo: `yf_user_${pad(n % 97, 4)}`,
      buyerName,
      buyerTelephone: phone,
      buyerIdType: '1',
      buyerIdNumber: buyerId,
      payCode: parties.payCode,
      payName: parties.payName,
      payTransactionId: payNo,
      consignee: buyerName,
      consigneeTelephone: phone,
      consigneeAddress: address,
      consigneeDistrict: '440305',
    },
    lines: orderLines.map((l) => ({
      gnum: l.gnum,
      itemNo: l.g.itemNo,
      itemName: l.g.name,
      gmodel: l.g.gmodel,
      barCode: '无',
      unit: l.g.unit,
      qty: l.qty,
      price: l.g.price,
      totalPrice: l.total,
      currency: '142',
      country: l.g.country,
    })),
  }
  const payment: DemoDocument = {
    messageType: 'CEB411',
    businessMode: mode,
    head: {
      ...common,
      payCode: parties.payCode,
      payName: parties.payName,
      payTransactionId: payNo,
      orderNo,
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
      payerIdType: '1',
      payerIdNumber: buyerId,
      payerName: buyerName,
      telephone: phone,
      amountPaid: paid.toFixed(2),
      currency: '142',
      payTime: `${day}102812`,
    },
    lines: [],
  }
  const weight = orderLines.reduce(
    (sum, l) => sum.plus(new Decimal(l.g.qty1Per).times(l.qty)),
    new Decimal('0.3')
  )
  const waybill: DemoDocument = {
    messageType: 'CEB511',
    businessMode: mode,
    head: {
      ...common,
      logisticsCode: parties.logisticsCode,
      logisticsName: parties.logisticsName,
      logisticsNo,
      billNo: mode === '9610' ? '78412345670' : '',
      orderNo,
      freight: freight.toFixed(2),
      insuredFee: '0',
      currency: '142',
      weight: weight.toFixed(3),
      packNo: '1',
      goodsInfo: picked.map((g) => g.name).join('、'),
      consignee: buyerName,
      consigneeAddress: address,
      consigneeTelephone: phone,
    },
    lines: [],
  }
  const net = orderLines.reduce(
    (sum, l) => sum.plus(new Decimal(l.g.qty1Per).times(l.qty)),
    new Decimal(0)
  )
  const inventory: DemoDocument = {
    messageType: 'CEB621',
    businessMode: mode,
    head: {
      ...common,
      orderNo,
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
      ebcCode: parties.ebcCode,
      ebcName: parties.ebcName,
      logisticsNo,
      logisticsCode: parties.logisticsCode,
      logisticsName: parties.logisticsName,
      copNo,
      assureCode: parties.assureCode,
      emsNo: mode === '1210' ? 'T5349W000001' : '',
      ieFlag: 'I',
      declTime: day,
      customsCode: '5349',
      portCode: '5349',
      ieDate: day,
      buyerIdType: '1',
      buyerIdNumber: buyerId,
      buyerName,
      buyerTelephone: phone,
      consigneeAddress: address,
      agentCode: parties.agentCode,
      agentName: parties.agentName,
      areaCode: mode === '1210' ? '4403660W01' : '',
      areaName: mode === '1210' ? '前海保税仓储有限公司' : '',
      tradeMode: mode,
      trafMode: mode === '9610' ? '5' : 'Y',
      trafNo: mode === '9610' ? 'CZ3086' : '',
      voyageNo: mode === '9610' ? 'CZ3086' : '',
      billNo: mode === '9610' ? '78412345670' : '',
      country: mode === '1210' ? '142' : picked[0].country,
      freight: freight.toFixed(2),
      insuredFee: '0',
      currency: '142',
      packNo: '1',
      grossWeight: weight.toFixed(3),
      netWeight: net.toFixed(3),
    },
    lines: orderLines.map((l) => ({
      gnum: l.gnum,
      itemRecordNo: mode === '1210' ? `${l.g.itemNo}-R` : '',
      itemNo: l.g.itemNo,
      itemName: l.g.name,
      gcode: l.g.gcode,
      gname: l.g.name,
      gmodel: l.g.gmodel,
      barCode: '无',
      country: l.g.country,
      currency: '142',
      qty: l.qty,
      unit: l.g.unit,
      qty1: new Decimal(l.g.qty1Per).times(l.qty).toFixed(),
      unit1: l.g.unit1,
      price: l.g.price,
      totalPrice: l.total,
    })),
  }
  return [order, payment, waybill, inventory]
}

/** The three export documents of shipment `n` (B2C general export 9610 unless told). */
export function demoExportShipment(
  n: number,
  parties: DemoParties = DEMO_PARTIES,
  mode: '9610' | '1210' | '9710' | '9810' = '9610',
  day = '20261201'
): DemoDocument[] {
  const orderNo = `YFE${day}${pad(n, 6)}`
  const logisticsNo = `ROE${day}${pad(n, 8)}`
  const copNo = `EXP${day}${pad(n, 6)}`
  const appTime = `${day}150000`
  const common = { appType: '1', appTime, appStatus: '2' }
  const qty = String(2 + (n % 3))
  const price = '35.80'
  const total = new Decimal(price).times(qty).toFixed(2)
  const orderType = mode === '9710' ? 'B' : mode === '9810' ? 'W' : 'E'
  const order: DemoDocument = {
    messageType: 'CEB303',
    businessMode: mode,
    head: {
      ...common,
      orderType,
      orderNo,
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
      ebcCode: parties.ebcCode,
      ebcName: parties.ebcName,
      goodsValue: total,
      freight: '20.00',
      currency: '142',
    },
    lines: [
      {
        gnum: '1',
        itemNo: 'YFE-TS-100',
        itemName: '纯棉T恤',
        barCode: '6901234567892',
        unit: '011',
        currency: '142',
        qty,
        price,
        totalPrice: total,
      },
    ],
  }
  const waybill: DemoDocument = {
    messageType: 'CEB505',
    businessMode: mode,
    head: {
      ...common,
      logisticsCode: parties.logisticsCode,
      logisticsName: parties.logisticsName,
      logisticsNo,
      freight: '20.00',
      insuredFee: '0',
      currency: '142',
      grossWeight: new Decimal('0.25').times(qty).toFixed(2),
      packNo: '1',
      goodsInfo: '纯棉T恤',
    },
    lines: [],
  }
  const inventory: DemoDocument = {
    messageType: 'CEB603',
    businessMode: mode,
    head: {
      ...common,
      customsCode: '5349',
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
      orderNo,
      logisticsCode: parties.logisticsCode,
      logisticsName: parties.logisticsName,
      logisticsNo,
      copNo,
      ieFlag: 'E',
      portCode: '5349',
      ieDate: day,
      statisticsFlag: 'A',
      agentCode: parties.agentCode,
      agentName: parties.agentName,
      ebcCode: parties.ebcCode,
      ebcName: parties.ebcName,
      ownerCode: parties.ebcCode,
      ownerName: parties.ebcName,
      tradeMode: mode,
      trafMode: '5',
      country: '502',
      POD: '5020',
      freight: '20.00',
      fCurrency: '142',
      fFlag: '3',
      insuredFee: '0',
      iCurrency: '142',
      iFlag: '3',
      wrapType: '2',
      packNo: '1',
      grossWeight: new Decimal('0.25').times(qty).toFixed(2),
      netWeight: new Decimal('0.2').times(qty).toFixed(2),
    },
    lines: [
      {
        gnum: '1',
        itemNo: 'YFE-TS-100',
        itemName: '纯棉T恤',
        gcode: '6109100021',
        gname: '纯棉T恤',
        gmodel: '针织 100%棉 男式 L码',
        barCode: '6901234567892',
        country: '502',
        currency: '142',
        qty,
        qty1: qty,
        unit: '011',
        unit1: '011',
        price,
        totalPrice: total,
      },
    ],
  }
  return [order, waybill, inventory]
}
