import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { ExchangeFolders, fsOps } from '#single_window/transport/exchange'
import { returnTimeOf, receiptXml, type ReceiptSpec } from '#single_window/simulator/receipt_writer'
import { validateFiles, xsdPath } from '#single_window/simulator/xsd_validator'

/**
 * The joint-debugging simulator (联调环境): plays the Single Window client and customs on the
 * exchange folders. It takes each file from OutBox (moving it to SentBox, as the client does),
 * validates it against the 2022-05 XSD with xmllint, applies the duplicate check and, for import
 * inventory lists, the three-document match (三单对碰, SPEC.md §3), and schedules receipts that it
 * writes into InBox when they fall due: 2 → 120 → 800 for a good inventory list, 100 with the
 * reason for a bad one, -301010 for an order number already declared (SPEC.md §6.2).
 * Everything random comes from a seeded generator and every time from the clock it is given, so
 * the same files, seed and clock give the same receipts.
 */
export interface SimulatorOptions {
  folders?: ExchangeFolders
  seed?: number
  /** Divides every delay: 10 = ten times faster than the defaults below. */
  speed?: number
  /** How long an inventory list waits for its order, payment and waybill before it is refused. */
  matchWaitMs?: number
  appRoot?: string
}

export interface StepResult {
  /** OutBox files taken this step. */
  taken: number
  /** Receipts written into InBox this step. */
  written: number
  /** OutBox files that were not CEB messages at all, moved to FailBox. */
  failed: number
  /** Receipts still scheduled for later. */
  scheduled: number
  /** Inventory lists waiting for their three documents. */
  waiting: number
}

interface OrderSeen {
  guid: string
  ebpCode: string
  ebcCode: string
  buyerName: string
  buyerIdNumber: string
  acturalPaid: string
  gnums: string[]
}
interface PaymentSeen {
  guid: string
  payTransactionId: string
  payerName: string
  payerIdNumber: string
  amountPaid: string
}
interface WaybillSeen {
  guid: string
  logisticsNo: string
  orderNo: string
}
interface Waiting {
  since: number
  head: Record<string, string>
  gnums: string[]
  guid: string
}
interface Scheduled extends ReceiptSpec {
  due: number
  seq: number
}
interface State {
  seed: number
  rng: number
  seq: number
  orders: Record<string, OrderSeen>
  payments: Record<string, PaymentSeen>
  paymentIds: Record<string, string>
  waybills: Record<string, WaybillSeen>
  logisticsNos: Record<string, string>
  inventories: Record<string, string>
  waiting: Waiting[]
  queue: Scheduled[]
}

/** Delays after taking a file, in ms at speed 1: [min, max] per step of the chain. */
const DELAYS = {
  eport: [1_000, 3_000],
  accepted: [5_000, 20_000],
  released: [30_000, 120_000],
} as const

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, _jpath, isLeaf, isAttribute) => !isAttribute && !isLeaf,
})

/** mulberry32: small, fast, seedable; the state is one 32-bit number kept in the state file. */
function nextRandom(state: State) {
  state.rng = (state.rng + 0x6d2b79f5) | 0
  let t = state.rng
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

function randomGuid(state: State) {
  const hex = Array.from({ length: 32 }, () =>
    Math.floor(nextRandom(state) * 16).toString(16)
  ).join('')
  const v = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[Math.floor(nextRandom(state) * 4)]}${hex.slice(17)}`
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`.toUpperCase()
}

/** Decimal strings compared as numbers of fen-precision without floats: "10.50" == "10.5". */
export function sameAmount(a: string | undefined, b: string | undefined) {
  const norm = (v: string | undefined) => {
    if (v === undefined || !/^-?\d+(\.\d+)?$/.test(v.trim())) return null
    const [int, frac = ''] = v.trim().split('.')
    return `${BigInt(int)}.${frac.replace(/0+$/, '')}`
  }
  const x = norm(a)
  return x !== null && x === norm(b)
}

type Node = Record<string, unknown>
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as Node | undefined
const text = (node: Node | undefined, field: string) => {
  const v = node?.[field]
  if (v === undefined || v === null) return ''
  if (typeof v === 'object') return String((v as Node)['#text'] ?? '')
  return String(v)
}

const TYPE_OF_FILE = /^(CEB\d{3})Message[_.]/

export class Simulator {
  readonly folders: ExchangeFolders
  readonly seed: number
  readonly speed: number
  readonly matchWaitMs: number
  readonly appRoot: string
  #state: State | null = null

  constructor(options: SimulatorOptions = {}) {
    this.folders = options.folders ?? new ExchangeFolders()
    this.seed = options.seed ?? 1
    this.speed = options.speed && options.speed > 0 ? options.speed : 1
    this.matchWaitMs = options.matchWaitMs ?? 60_000
    this.appRoot = options.appRoot ?? process.cwd()
  }

  get statePath() {
    return join(this.folders.root, '.simulator', `state-${this.seed}.json`)
  }

  async #load(): Promise<State> {
    if (this.#state) return this.#state
    try {
      this.#state = JSON.parse(await readFile(this.statePath, 'utf8')) as State
    } catch {
      this.#state = {
        seed: this.seed,
        rng: this.seed | 0,
        seq: 0,
        orders: {},
        payments: {},
        paymentIds: {},
        waybills: {},
        logisticsNos: {},
        inventories: {},
        waiting: [],
        queue: [],
      }
    }
    return this.#state
  }

  async #save(state: State) {
    await fsOps.mkdir(join(this.folders.root, '.simulator'), { recursive: true })
    const temp = `${this.statePath}.tmp`
    await fsOps.writeFile(temp, JSON.stringify(state))
    await fsOps.rename(temp, this.statePath)
  }

  /**
   * One round: take every OutBox file, then write the receipts that are due at `now`. With
   * `flush`, every scheduled receipt is written now (each keeps its own returnTime, in order) and
   * inventory lists still missing a document are refused: one call plays the whole chain.
   */
  async step(now: number = Date.now(), options: { flush?: boolean } = {}): Promise<StepResult> {
    await this.folders.ensure()
    const state = await this.#load()
    const files = await this.folders.list('OutBox')
    const result: StepResult = { taken: 0, written: 0, failed: 0, scheduled: 0, waiting: 0 }
    if (files.length) {
      const taken = await this.#take(state, files, now)
      result.taken = taken.taken
      result.failed = taken.failed
    }
    this.#matchWaiting(state, now, options.flush === true)
    state.queue.sort((a, b) => a.due - b.due || a.seq - b.seq)
    const due = options.flush ? state.queue : state.queue.filter((r) => r.due <= now)
    for (const receipt of due) {
      const name = `receipt_${receipt.type}Message_${receipt.guid}_${String(receipt.seq).padStart(6, '0')}.xml`
      await this.folders.writeOnce('InBox', name, receiptXml(receipt), ['ArchiveBox', 'FailBox'])
      result.written++
    }
    const written = new Set(due)
    state.queue = state.queue.filter((r) => !written.has(r))
    result.scheduled = state.queue.length
    result.waiting = state.waiting.length
    await this.#save(state)
    return result
  }

  #delay(state: State, [min, max]: readonly [number, number]) {
    return Math.round((min + nextRandom(state) * (max - min)) / this.speed)
  }

  #schedule(state: State, due: number, spec: Omit<ReceiptSpec, 'returnTime'>) {
    state.seq++
    // Receipts of one document never share a millisecond, so their order is exact.
    state.queue.push({ ...spec, due, seq: state.seq, returnTime: returnTimeOf(due) })
  }

  /** The chain of a message's receipts, each after the previous. */
  #chain(
    state: State,
    now: number,
    type: string,
    fields: Record<string, string>,
    steps: Array<[string, string, readonly [number, number]]>
  ) {
    let at = now
    for (const [status, info, delay] of steps) {
      at += Math.max(1, this.#delay(state, delay))
      this.#schedule(state, at, {
        type,
        guid: randomGuid(state),
        fields,
        returnStatus: status,
        returnInfo: info,
      })
    }
  }

  async #take(state: State, files: string[], now: number) {
    let taken = 0
    let failed = 0
    // The client would send them in any order; orders, payments and waybills first makes the
    // three-document match deterministic for files dropped together.
    const ordered = [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    const byDirection: Record<'import' | 'export', string[]> = { import: [], export: [] }
    for (const file of ordered) {
      const type = TYPE_OF_FILE.exec(file)?.[1]
      const direction =
        type && ['CEB311', 'CEB411', 'CEB511', 'CEB621'].includes(type) ? 'import' : 'export'
      byDirection[direction].push(this.folders.path('OutBox', file))
    }
    const verdicts = new Map<string, { valid: boolean; errors: string[] }>()
    for (const direction of ['import', 'export'] as const) {
      for (const v of await validateFiles(
        byDirection[direction],
        xsdPath(direction, this.appRoot)
      )) {
        verdicts.set(v.file, v)
      }
    }
    for (const file of ordered) {
      const path = this.folders.path('OutBox', file)
      const xml = await readFile(path, 'utf8')
      let handled = false
      try {
        handled = this.#handle(
          state,
          xml,
          verdicts.get(path) ?? { valid: false, errors: ['not validated'] },
          now
        )
      } catch {
        handled = false
      }
      if (handled) {
        await this.folders.move('OutBox', file, 'SentBox')
        taken++
      } else {
        const name = await this.folders.move('OutBox', file, 'FailBox')
        await fsOps.writeFile(
          this.folders.path('FailBox', `${name}.reason.txt`),
          'not a CEB message the simulator knows\n'
        )
        failed++
      }
    }
    return { taken, failed }
  }

  /** Reads one message and schedules its receipts; false when it is not a message it knows. */
  #handle(state: State, xml: string, verdict: { valid: boolean; errors: string[] }, now: number) {
    const doc = parser.parse(xml) as Node
    const rootName = Object.keys(doc).find((k) => /^CEB\d{3}Message$/.test(k))
    if (!rootName) return false
    const type = rootName.slice(0, 6)
    const root = first(doc[rootName])
    const xsdReason = verdict.valid
      ? null
      : `[Code:0002;Desc:报文不符合XSD：${verdict.errors.slice(0, 3).join('; ')}]`
    switch (type) {
      case 'CEB311':
      case 'CEB303':
        return this.#orders(state, type, root, xsdReason, now)
      case 'CEB411':
        return this.#payments(state, root, xsdReason, now)
      case 'CEB511':
      case 'CEB505':
        return this.#waybills(state, type, root, xsdReason, now)
      case 'CEB621':
      case 'CEB603':
        return this.#inventories(state, type, root, xsdReason, now)
      default:
        return false
    }
  }

  #records(root: Node | undefined, record: string) {
    const list = root?.[record]
    return (Array.isArray(list) ? list : list ? [list] : []) as Node[]
  }

  #orders(
    state: State,
    type: string,
    root: Node | undefined,
    xsdReason: string | null,
    now: number
  ) {
    const receipt = type === 'CEB311' ? 'CEB312' : 'CEB304'
    const records = this.#records(root, 'Order')
    if (!records.length) return false
    for (const record of records) {
      const head = first(record.OrderHead) ?? record
      const orderNo = text(head, 'orderNo')
      const fields = { ebpCode: text(head, 'ebpCode'), ebcCode: text(head, 'ebcCode'), orderNo }
      const guid = text(head, 'guid')
      const ok: Array<[string, string, readonly [number, number]]> = [
        ['2', `新增申报成功[${guid}]`, DELAYS.eport],
      ]
      if (xsdReason) {
        this.#chain(state, now, receipt, fields, [...ok, ['100', xsdReason, DELAYS.accepted]])
        continue
      }
      const seen = state.orders[`${fields.ebpCode}|${orderNo}`]
      if (seen && seen.guid !== guid && text(head, 'appType') === '1') {
        // SPEC.md §6.2: -301010 "order with the same number already exists".
        this.#chain(state, now, receipt, fields, [
          ['-301010', `订单已存在相同编号的订单[orderNo:${orderNo}]`, DELAYS.eport],
        ])
        continue
      }
      const lines = this.#records(record, 'OrderList')
      state.orders[`${fields.ebpCode}|${orderNo}`] = {
        guid,
        ebpCode: fields.ebpCode,
        ebcCode: fields.ebcCode,
        buyerName: text(head, 'buyerName'),
        buyerIdNumber: text(head, 'buyerIdNumber'),
        acturalPaid: text(head, 'acturalPaid'),
        gnums: lines.map((l) => text(l, 'gnum')).sort(),
      }
      const final = receipt === 'CEB312' ? '120' : '399'
      const finalText =
        final === '120' ? '[Code:1800;Desc:逻辑校验通过]' : '[Code:2300;Desc:审核通过]'
      this.#chain(state, now, receipt, fields, [...ok, [final, finalText, DELAYS.accepted]])
    }
    return true
  }

  #payments(state: State, root: Node | undefined, xsdReason: string | null, now: number) {
    const records = this.#records(root, 'Payment')
    if (!records.length) return false
    for (const record of records) {
      const head = first(record.PaymentHead)
      const payTransactionId = text(head, 'payTransactionId')
      const fields = { payCode: text(head, 'payCode'), payTransactionId }
      const guid = text(head, 'guid')
      const ok: Array<[string, string, readonly [number, number]]> = [
        ['2', `新增申报成功[${guid}]`, DELAYS.eport],
      ]
      if (xsdReason) {
        this.#chain(state, now, 'CEB412', fields, [...ok, ['100', xsdReason, DELAYS.accepted]])
        continue
      }
      const seenGuid = state.paymentIds[payTransactionId]
      if (seenGuid && seenGuid !== guid && text(head, 'appType') === '1') {
        // SPEC.md §6.2: -401007 duplicate payment number.
        this.#chain(state, now, 'CEB412', fields, [
          ['-401007', `支付单编号重复[${payTransactionId}]`, DELAYS.eport],
        ])
        continue
      }
      state.paymentIds[payTransactionId] = guid
      state.payments[`${text(head, 'ebpCode')}|${text(head, 'orderNo')}`] = {
        guid,
        payTransactionId,
        payerName: text(head, 'payerName'),
        payerIdNumber: text(head, 'payerIdNumber'),
        amountPaid: text(head, 'amountPaid'),
      }
      this.#chain(state, now, 'CEB412', fields, [
        ...ok,
        ['120', '[Code:1800;Desc:逻辑校验通过]', DELAYS.accepted],
      ])
    }
    return true
  }

  #waybills(
    state: State,
    type: string,
    root: Node | undefined,
    xsdReason: string | null,
    now: number
  ) {
    const receipt = type === 'CEB511' ? 'CEB512' : 'CEB506'
    const records = this.#records(root, 'Logistics')
    if (!records.length) return false
    for (const record of records) {
      // CEB505 (export) has no head wrapper: the fields sit in the record itself.
      const head = first(record.LogisticsHead) ?? record
      const logisticsNo = text(head, 'logisticsNo')
      const fields = { logisticsCode: text(head, 'logisticsCode'), logisticsNo }
      const guid = text(head, 'guid')
      const ok: Array<[string, string, readonly [number, number]]> = [
        ['2', `新增申报成功[${guid}]`, DELAYS.eport],
      ]
      if (xsdReason) {
        this.#chain(state, now, receipt, fields, [...ok, ['100', xsdReason, DELAYS.accepted]])
        continue
      }
      const key = `${fields.logisticsCode}|${logisticsNo}`
      const seenGuid = state.logisticsNos[key]
      if (seenGuid && seenGuid !== guid && text(head, 'appType') === '1') {
        // SPEC.md §6.2: -504015 duplicate waybill number.
        this.#chain(state, now, receipt, fields, [
          ['-504015', `运单编号重复[${logisticsNo}]`, DELAYS.eport],
        ])
        continue
      }
      state.logisticsNos[key] = guid
      if (type === 'CEB511') {
        state.waybills[key] = { guid, logisticsNo, orderNo: text(head, 'orderNo') }
      }
      const final = receipt === 'CEB512' ? '120' : '399'
      const finalText =
        final === '120' ? '[Code:1800;Desc:逻辑校验通过]' : '[Code:2300;Desc:审核通过]'
      this.#chain(state, now, receipt, fields, [...ok, [final, finalText, DELAYS.accepted]])
    }
    return true
  }

  #inventories(
    state: State,
    type: string,
    root: Node | undefined,
    xsdReason: string | null,
    now: number
  ) {
    const records = this.#records(root, 'Inventory')
    if (!records.length) return false
    for (const record of records) {
      const node = first(record.InventoryHead)
      const head: Record<string, string> = {}
      for (const k of Object.keys(node ?? {})) if (!k.startsWith('@_')) head[k] = text(node, k)
      const gnums = this.#records(record, 'InventoryList')
        .map((l) => text(l, 'gnum'))
        .sort()
      const waiting: Waiting = { since: now, head, gnums, guid: head.guid ?? '' }
      if (type === 'CEB603') {
        this.#exportInventory(state, waiting, xsdReason, now)
        continue
      }
      if (xsdReason) {
        this.#importInventory(state, waiting, now, xsdReason)
        continue
      }
      state.waiting.push(waiting)
    }
    return true
  }

  #preNo(state: State, now: number) {
    return `B${returnTimeOf(now).slice(0, 8)}${String(state.seq + 1).padStart(9, '0')}`
  }

  #invtNo(state: State, customsCode: string, now: number, flag: 'I' | 'E') {
    return `${(customsCode || '0000').slice(0, 4)}${returnTimeOf(now).slice(0, 4)}${flag}${String(state.seq + 1).padStart(9, '0')}`.slice(
      0,
      18
    )
  }

  #exportInventory(state: State, w: Waiting, xsdReason: string | null, now: number) {
    const h = w.head
    const fields = {
      agentCode: h.agentCode ?? '',
      copNo: h.copNo ?? '',
      preNo: h.preNo || this.#preNo(state, now),
      invtNo: h.invtNo || this.#invtNo(state, h.customsCode ?? '', now, 'E'),
      ebcCode: h.ebcCode ?? '',
      ebpCode: h.ebpCode ?? '',
      orderNo: h.orderNo ?? '',
      statisticsFlag: h.statisticsFlag || 'A',
    }
    const ok: Array<[string, string, readonly [number, number]]> = [
      ['2', `清单新增申报成功[${w.guid}]`, DELAYS.eport],
    ]
    if (xsdReason)
      return this.#chain(state, now, 'CEB604', fields, [...ok, ['100', xsdReason, DELAYS.accepted]])
    this.#chain(state, now, 'CEB604', fields, [
      ...ok,
      ['120', '[Code:1800;Desc:逻辑校验通过]', DELAYS.accepted],
      ['800', '[Code:2600;Desc:放行]', DELAYS.released],
    ])
  }

  /** Three-document match for the inventory lists waiting; refuses those out of time. */
  #matchWaiting(state: State, now: number, flush: boolean) {
    const still: Waiting[] = []
    for (const w of state.waiting) {
      const problem = this.#mismatch(state, w)
      if (problem === 'missing' && !flush && now - w.since < this.matchWaitMs) {
        still.push(w)
        continue
      }
      this.#importInventory(
        state,
        w,
        now,
        problem === null ? null : problem === 'missing' ? this.#missingText(state, w) : problem
      )
    }
    state.waiting = still
  }

  #missingText(state: State, w: Waiting) {
    const h = w.head
    const missing = [
      state.orders[`${h.ebpCode}|${h.orderNo}`] ? null : `订单${h.orderNo}`,
      state.payments[`${h.ebpCode}|${h.orderNo}`] ? null : '支付单',
      state.waybills[`${h.logisticsCode}|${h.logisticsNo}`] ? null : `运单${h.logisticsNo}`,
    ].filter(Boolean)
    return `三单对碰失败：未收到${missing.join('、')}`
  }

  /** null = the order, payment and waybill agree with the list; 'missing'; or the refusal text. */
  #mismatch(state: State, w: Waiting): string | null {
    const h = w.head
    const order = state.orders[`${h.ebpCode}|${h.orderNo}`]
    const payment = state.payments[`${h.ebpCode}|${h.orderNo}`]
    const waybill = state.waybills[`${h.logisticsCode}|${h.logisticsNo}`]
    if (!order || !payment || !waybill) return 'missing'
    // Receipt texts as in SPEC.md §6.3 (1322 / 1327 / 13127; unofficial but what real receipts say).
    if (order.buyerIdNumber !== h.buyerIdNumber || order.buyerName !== h.buyerName) {
      return '[Code:13127;Desc:清单订购人和订单不一致]'
    }
    if (payment.payerIdNumber !== order.buyerIdNumber || payment.payerName !== order.buyerName) {
      return '[Code:1327;Desc:订单购买人与支付单支付人名字或身份证号码不一致]'
    }
    if (!sameAmount(payment.amountPaid, order.acturalPaid)) {
      return '[Code:1326;Desc:订单实际支付金额与支付单支付金额不一致]'
    }
    if (waybill.orderNo && waybill.orderNo !== h.orderNo)
      return '[Code:1328;Desc:运单订单编号与清单不一致]'
    if (order.gnums.join(',') !== w.gnums.join(','))
      return '[Code:1322;Desc:订单清单表体商品项不一致]'
    return null
  }

  #importInventory(state: State, w: Waiting, now: number, refusal: string | null) {
    const h = w.head
    const copKey = `${h.ebcCode}|${h.copNo}`
    const fields = {
      customsCode: h.customsCode ?? '',
      ebpCode: h.ebpCode ?? '',
      ebcCode: h.ebcCode ?? '',
      agentCode: h.agentCode ?? '',
      copNo: h.copNo ?? '',
      preNo: h.preNo || this.#preNo(state, now),
    }
    const declared: [string, string, readonly [number, number]] = [
      '2',
      `清单新增申报成功[电商企业编码：${h.ebcCode}订单编号：${h.orderNo}]`,
      DELAYS.eport,
    ]
    const seenGuid = state.inventories[copKey]
    if (!refusal && seenGuid && seenGuid !== w.guid && h.appType === '1') {
      // SPEC.md §6.2: -621004 inventory already declared.
      return this.#chain(state, now, 'CEB622', fields, [
        ['-621004', `清单已申报[copNo:${h.copNo}]`, DELAYS.eport],
      ])
    }
    if (refusal)
      return this.#chain(state, now, 'CEB622', fields, [
        declared,
        ['100', refusal, DELAYS.accepted],
      ])
    state.inventories[copKey] = w.guid
    const withInvtNo = {
      ...fields,
      invtNo: h.invtNo || this.#invtNo(state, h.customsCode ?? '', now, 'I'),
    }
    let at = now
    for (const [status, info, delay, f] of [
      [...declared, fields],
      ['120', '[Code:1800;Desc:逻辑校验通过]', DELAYS.accepted, withInvtNo],
      ['800', '[Code:2600;Desc:放行]', DELAYS.released, withInvtNo],
    ] as Array<[string, string, readonly [number, number], Record<string, string>]>) {
      at += Math.max(1, this.#delay(state, delay))
      this.#schedule(state, at, {
        type: 'CEB622',
        guid: randomGuid(state),
        fields: f,
        returnStatus: status,
        returnInfo: info,
      })
    }
  }
}

/** Orders, payments and waybills before inventory lists. */
function rank(file: string) {
  const type = TYPE_OF_FILE.exec(file)?.[1] ?? ''
  return type === 'CEB621' || type === 'CEB603' ? 1 : 0
}
