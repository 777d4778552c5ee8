import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type User from '#core/models/user'
import { usccCheckChar } from '#core/uscc'
import { ZONE } from '#core/dates'
import { chainHash } from '#core/services/audit_service'
import { BUSINESS_MODES, ENTERPRISE_TYPES } from '#park/spaces'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const DAY = 86_400_000
const FACILITY_WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
/** The `yyyy-MM-dd` of a UTC instant. */
const dayOfMs = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** Sizes of the `large` profile (issue "Park": 5,000 tenants, 20,000 units, 60,000 leases over 10 years). */
export const LARGE = {
  tenants: 5000,
  /** Office towers × floors × units per floor, plus warehouses × floors × units per floor. */
  towers: 30,
  towerFloors: 20,
  towerUnitsPerFloor: 30,
  warehouses: 10,
  warehouseFloors: 4,
  warehouseUnitsPerFloor: 50,
  leases: 60000,
  years: 10,
  auditEntries: 20000,
  /** Share of tenants whose types include the filter the benchmark pages through. */
  ecommerceShare: 0.86,
  /** Issue "Facilities and bookings": 200 facilities, 500,000 bookings. */
  facilities: 200,
  bookings: 500000,
  /** Days ahead of today the seeded bookings reach (the benchmark books up to 8 weeks ahead). */
  bookingDaysAhead: 28,
  /** Issue "Complaints": 200,000 cases submitted over the last 5 years, up to yesterday. */
  complaints: 200000,
  complaintYears: 5,
}

/** A valid USCC for the i-th synthetic enterprise. */
function syntheticUscc(i: number) {
  let body = ''
  let n = i
  for (let k = 0; k < 8; k++) {
    body = ALPHABET[n % 31] + body
    n = Math.floor(n / 31)
  }
  const first17 = `91440300${body}L`
  return first17 + usccCheckChar(first17)
}

/** mulberry32: a small seeded PRNG, so every run builds the same park and figures compare. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  }
}

const CITIES = ['深圳', '广州', '杭州', '宁波', '义乌', '厦门', '郑州', '成都', '重庆', '苏州']
const BRANDS = [
  '云帆',
  '海拓',
  '星链',
  '远洋',
  '跨通',
  '优选',
  '速达',
  '汇丰',
  '嘉禾',
  '瑞祥',
  '恒信',
  '博纳',
  '天择',
  '华锦',
  '明途',
  '长风',
  '金桥',
  '蓝海',
  '新程',
  '鼎盛',
  '和悦',
  '启航',
  '鸿运',
  '卓越',
  '万邦',
  '聚源',
  '泰和',
  '盛世',
  '宏图',
  '锦程',
  '安达',
  '中联',
  '东方',
  '前海',
  '南粤',
  '环球',
  '易购',
  '佳品',
  '乐淘',
  '百川',
  '凯旋',
  '正通',
  '信达',
  '同创',
  '融汇',
  '广顺',
  '永盛',
  '立信',
  '飞鸿',
  '君越',
  '银河',
  '丰泽',
  '华茂',
  '通利',
  '德胜',
  '万象',
  '合众',
  '晨光',
  '朗润',
  '睿智',
]
const SUFFIXES = [
  '跨境电子商务有限公司',
  '国际贸易有限公司',
  '供应链管理有限公司',
  '电子商务有限公司',
  '国际物流有限公司',
  '进出口有限公司',
  '网络科技有限公司',
  '商贸有限公司',
  '数字科技有限公司',
  '报关服务有限公司',
]
const INDUSTRIES = [
  '跨境零售（服装、家居）',
  '3C 电子',
  '美妆个护',
  '母婴用品',
  '食品保健',
  '国际物流与海外仓',
  '跨境支付',
  '报关报检',
  '运动户外',
  '家具建材',
]
const CATEGORY_OF: Record<string, string> = {
  ecommerce_enterprise: 'ecommerce_enterprise',
  cbec_platform: 'ecommerce_platform',
  logistics: 'logistics_enterprise',
  payment: 'payment_enterprise',
  customs_broker: 'customs_broker',
  service_provider: 'service_provider',
  other: 'other',
}

type TenantStatus = 'resident' | 'moved_out' | 'admitted' | 'applicant'

interface PlannedTenant {
  id: number
  status: TenantStatus
  /** Planned stay in months from the start of the history (moved-out tenants leave by `outMonth`). */
  inMonth: number
  outMonth: number
  moveIn: string | null
  moveOut: string | null
}

interface PlannedLease {
  id: number
  unitIds: number[]
  start: string
  end: string
  startMonth: number
  /** The month the lease stopped occupying (its termination month when ended early). */
  endMonth: number
  terminatedOn: string | null
  status: 'active' | 'renewed' | 'expired' | 'terminated'
  current: boolean
  /** Follows the group's previous lease without a gap (a renewal). */
  follows: boolean
  tenantId: number
  rentFen: number
  createdDay: string
}

/** Inserts rows in chunks (one multi-row INSERT each; SQLite allows 500 terms in a compound SELECT) inside the given transaction. */
async function insertChunks(trx: any, table: string, rows: Record<string, unknown>[], size = 400) {
  for (let i = 0; i < rows.length; i += size) {
    await trx.table(table).multiInsert(rows.slice(i, i + size))
  }
}

/**
 * Inserts many rows with the same columns: on SQLite one prepared statement run row by row on
 * the transaction's own better-sqlite3 connection (no SQL to build or parse per chunk), elsewhere
 * multi-row `INSERT … VALUES (…), (…)` statements. For the hundreds of thousands of bookings and
 * their slot rows, where multiInsert's compound SELECT is too slow.
 */
async function insertValues(trx: any, table: string, rows: Record<string, unknown>[], size = 800) {
  if (!rows.length) return
  const columns = Object.keys(rows[0])
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `
  const values = (row: Record<string, unknown>) =>
    columns.map((column) => {
      const value = row[column]
      return typeof value === 'boolean' ? Number(value) : value
    })
  if (trx.dialect.name === 'better-sqlite3') {
    // Inside a knex transaction, acquireConnection hands back the transaction's connection.
    const connection = await trx.knexClient.client.acquireConnection()
    const statement = connection.prepare(head + tuple)
    for (const row of rows) statement.run(values(row))
    return
  }
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size)
    await trx.rawQuery(head + chunk.map(() => tuple).join(', '), chunk.flatMap(values))
  }
}

async function nextId(table: string) {
  const row = await db.from(table).max('id as max').first()
  return Number(row?.max ?? 0) + 1
}

/**
 * The `large` profile for benchmarks, on top of the demo data of a fresh database (the main
 * seeder runs once: it stops when the demo operator exists). Deterministic (seeded PRNG; the
 * history is anchored to the current month): 5,000 tenants with register data (types, modes,
 * talent, IP; residents, moved-out tenants with their dates, admitted ones and applicants),
 * 20,000 units in 40 buildings, 60,000 leases over the last 10 years — sequential per unit with
 * gaps, never overlapping, past ones expired or terminated, current ones active (renewed when a
 * successor is signed) — the users of the first 500 tenants and 20,000 audit entries.
 * Rows go in as multi-row INSERTs with explicit ids inside transactions, not model by model.
 */
export async function seedLarge(operator: User) {
  const rand = prng(20260601)
  // Calendar arithmetic on plain UTC dates: luxon in a named zone is too slow for 60,000 leases.
  const todayIso = DateTime.now().setZone(ZONE).toISODate()!
  const [year, month] = todayIso.split('-').map(Number)
  const nowMonth = LARGE.years * 12
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const monthMs = (m: number) => Date.UTC(year - LARGE.years, month - 1 + m, 1)
  const monthStart = (m: number) => dayOf(monthMs(m))
  const monthEnd = (m: number) => dayOf(monthMs(m + 1) - DAY)
  const addDays = (iso: string, days: number) => dayOf(Date.parse(iso) + days * DAY)
  const monthIndex = (iso: string) =>
    (Number(iso.slice(0, 4)) - year + LARGE.years) * 12 + Number(iso.slice(5, 7)) - month
  // 10:00 in Shanghai is 02:00 UTC; timestamps go in as Lucid writes them.
  const morning = (iso: string) => `${iso} 02:00:00`
  const stamp = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')

  // Buildings and units. The park grows with them: units never add up to more than its leasable area.
  const firstBuilding = await nextId('buildings')
  const firstUnit = await nextId('units')
  const buildings: Record<string, unknown>[] = []
  const units: Array<Record<string, any>> = []
  const addBuilding = (
    kind: 'tower' | 'warehouse',
    index: number,
    floors: number,
    perFloor: number
  ) => {
    const id = firstBuilding + buildings.length
    const code = `${kind === 'tower' ? 'T' : 'W'}${String(index).padStart(2, '0')}`
    buildings.push({
      id,
      code,
      name: kind === 'tower' ? `跨境电商大厦 ${index} 座` : `保税物流仓 ${index} 号`,
      floors,
      created_at: stamp,
      updated_at: stamp,
    })
    for (let floor = 1; floor <= floors; floor++) {
      for (let k = 1; k <= perFloor; k++) {
        let type: string
        let area: number
        if (kind === 'warehouse') {
          type = rand.chance(0.6) ? 'bonded_warehouse' : 'general_warehouse'
          area = rand.int(50000, 300000) / 100
        } else if (floor === 1) {
          type = rand.pick(['showroom', 'shop', 'live_streaming_room', 'shop'])
          area = rand.int(4000, 30000) / 100
        } else if (floor === 2 && rand.chance(0.4)) {
          type = rand.chance(0.7) ? 'live_streaming_room' : 'other'
          area = rand.int(3000, 12000) / 100
        } else {
          type = 'office'
          area = rand.int(6000, 40000) / 100
        }
        units.push({
          id: firstUnit + units.length,
          building_id: id,
          floor,
          number: `${code}-${floor}${String(k).padStart(2, '0')}`,
          unit_type: type,
          area,
          status: 'vacant',
          created_at: stamp,
          updated_at: stamp,
        })
      }
    }
  }
  for (let i = 1; i <= LARGE.towers; i++)
    addBuilding('tower', i, LARGE.towerFloors, LARGE.towerUnitsPerFloor)
  for (let i = 1; i <= LARGE.warehouses; i++)
    addBuilding('warehouse', i, LARGE.warehouseFloors, LARGE.warehouseUnitsPerFloor)

  // Lease groups: one unit, or two neighbouring units let together (a tenth of the units).
  const groups: number[][] = []
  for (let i = 0; i < units.length; i++) {
    const pair =
      i + 1 < units.length &&
      units[i].building_id === units[i + 1].building_id &&
      units[i].floor === units[i + 1].floor &&
      groups.length % 9 === 4
    if (pair) {
      groups.push([units[i].id, units[i + 1].id])
      i++
    } else {
      groups.push([units[i].id])
    }
  }
  const areaOf = new Map(units.map((u) => [u.id as number, u.area as number]))

  // Tenants: statuses interleaved so every page of the register mixes them.
  const firstTenant = await nextId('tenants')
  const planned: PlannedTenant[] = Array.from({ length: LARGE.tenants }, (_, k) => {
    const r = rand.next()
    const status: TenantStatus =
      r < 0.65 ? 'resident' : r < 0.9 ? 'moved_out' : r < 0.97 ? 'admitted' : 'applicant'
    const outMonth = rand.int(40, nowMonth - 1)
    return {
      id: firstTenant + k,
      status,
      inMonth:
        status === 'moved_out'
          ? rand.int(0, outMonth - 36)
          : Math.floor((nowMonth - 1) * rand.next() ** 1.3),
      outMonth,
      moveIn: null,
      moveOut: null,
    }
  })
  const residents = planned.filter((t) => t.status === 'resident')
  const leaseHolders = planned
    .filter((t) => t.status === 'resident' || t.status === 'moved_out')
    .sort((a, b) => a.inMonth - b.inMonth)

  // Leases: per group a chain of 3 or 4 (60,000 in all) filling the 10 years with gaps.
  const firstLease = await nextId('leases')
  const leases: PlannedLease[] = []
  const byGroup: PlannedLease[][] = []
  const leaseTarget = LARGE.leases
  const extra = leaseTarget - groups.length * 3
  for (const [g, unitIds] of groups.entries()) {
    const n = 3 + (g < extra ? 1 : 0)
    const r = rand.next()
    const renewal = r < 0.06
    const vacant = !renewal && r < 0.24
    // Month indexes, inclusive: the chain's filled part ends at `lastEnd`.
    const lastEnd = renewal
      ? nowMonth + rand.int(0, 3)
      : vacant
        ? nowMonth - rand.int(1, 30)
        : nowMonth + rand.int(1, 30)
    const filled = renewal ? n - 1 : n
    const first = rand.int(0, 8)
    const gaps = Array.from({ length: filled - 1 }, () => rand.pick([0, 0, 0, 1, 2, 3, 4, 6]))
    const span = lastEnd - first + 1 - gaps.reduce((s, x) => s + x, 0)
    const weights = Array.from({ length: filled }, () => 0.7 + 0.6 * rand.next())
    const total = weights.reduce((s, x) => s + x, 0)
    const lengths = weights.map((w) => Math.max(6, Math.floor((span * w) / total)))
    lengths[filled - 1] = Math.max(6, span - lengths.slice(0, -1).reduce((s, x) => s + x, 0))
    const spans: Array<[number, number, boolean]> = []
    let m = first
    for (let k = 0; k < filled; k++) {
      spans.push([m, m + lengths[k] - 1, k > 0 && gaps[k - 1] === 0])
      m += lengths[k] + (gaps[k] ?? 0)
    }
    if (renewal) {
      const start = spans[filled - 1][1] + 1
      spans.push([start, start + rand.pick([24, 36]) - 1, true])
    }
    const rentRate = rand.int(6000, 15000) // fen per m² per month
    const area = unitIds.reduce((s, id) => s + areaOf.get(id)!, 0)
    const chain: PlannedLease[] = []
    for (const [k, [startMonth, endMonth, follows]] of spans.entries()) {
      const start = monthStart(startMonth)
      const end = monthEnd(endMonth)
      const past = end < todayIso
      const current = start <= todayIso && !past
      let status: PlannedLease['status'] = past ? 'expired' : 'active'
      let terminatedOn: string | null = null
      let stoppedMonth = endMonth
      if (past && rand.chance(0.07)) {
        const days = (Date.parse(end) - Date.parse(start)) / DAY
        status = 'terminated'
        terminatedOn = addDays(start, Math.floor(days * (0.3 + 0.6 * rand.next())))
        stoppedMonth = monthIndex(terminatedOn)
      }
      if (renewal && k === spans.length - 2) status = 'renewed'
      chain.push({
        id: 0,
        unitIds,
        start,
        end,
        startMonth,
        endMonth: stoppedMonth,
        terminatedOn,
        status,
        current,
        follows,
        tenantId: 0,
        // Rent rises about 3% a year over the decade.
        rentFen: Math.round(area * rentRate * (1 + 0.03 * (startMonth / 12))),
        createdDay: addDays(start < todayIso ? start : todayIso, -rand.int(3, 40)),
      })
    }
    byGroup.push(chain)
    leases.push(...chain)
  }
  leases.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.unitIds[0] - b.unitIds[0]
  )
  leases.forEach((lease, k) => (lease.id = firstLease + k))

  // Every resident holds a current lease begun after its planned arrival, every moved-out tenant
  // a past lease within its stay; the rest go to tenants in the park at the time, renewals mostly
  // to the same tenant. `leases` is sorted by start, so a month's leases are one slice of it.
  const firstStarting = (m: number) => {
    let lo = 0
    let hi = leases.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (leases[mid].startMonth < m) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const claim = (
    t: PlannedTenant,
    from: number,
    to: number,
    fits: (l: PlannedLease) => boolean
  ) => {
    for (let attempt = 0; attempt < 60 && from < to; attempt++) {
      const lease = leases[rand.int(from, to - 1)]
      if (!lease.tenantId && fits(lease)) return (lease.tenantId = t.id)
    }
    return 0
  }
  for (const t of [...residents].sort((a, b) => b.inMonth - a.inMonth)) {
    claim(t, firstStarting(t.inMonth), leases.length, (l) => l.current) ||
      claim(t, 0, leases.length, (l) => l.current)
  }
  for (const t of planned.filter((p) => p.status === 'moved_out')) {
    claim(
      t,
      firstStarting(t.inMonth),
      firstStarting(t.outMonth),
      (l) => l.end < todayIso && l.endMonth <= t.outMonth
    )
  }
  // holdersBy[m]: how many lease holders had planned to be in the park by month m.
  const holdersBy = Array.from({ length: nowMonth + 40 }, () => 0)
  for (const t of leaseHolders) holdersBy[t.inMonth]++
  for (let m = 1; m < holdersBy.length; m++) holdersBy[m] += holdersBy[m - 1]
  const byId = new Map(planned.map((t) => [t.id, t]))
  const mayHold = (t: PlannedTenant, lease: PlannedLease) =>
    t.status === 'resident' ||
    (!lease.current && lease.start <= todayIso && t.outMonth >= lease.endMonth)
  for (const chain of byGroup) {
    for (const [k, lease] of chain.entries()) {
      if (lease.tenantId) continue
      const previous = k > 0 ? byId.get(chain[k - 1].tenantId)! : null
      if (previous && lease.follows && mayHold(previous, lease) && rand.chance(0.7)) {
        lease.tenantId = previous.id
        continue
      }
      const prefix = holdersBy[lease.startMonth]
      for (let attempt = 0; attempt < 40 && !lease.tenantId && prefix > 0; attempt++) {
        const candidate = leaseHolders[rand.int(0, prefix - 1)]
        if (mayHold(candidate, lease)) lease.tenantId = candidate.id
      }
      if (!lease.tenantId) lease.tenantId = rand.pick(residents).id
    }
  }

  // Move-in and move-out dates follow the tenants' leases.
  for (const lease of leases) {
    const t = byId.get(lease.tenantId)!
    if (!t.moveIn || lease.start < t.moveIn) t.moveIn = lease.start
    const stopped = lease.terminatedOn ?? lease.end
    if (t.status === 'moved_out' && (!t.moveOut || stopped > t.moveOut)) t.moveOut = stopped
  }
  for (const t of planned) {
    if (t.status === 'moved_out' && !t.moveIn) {
      t.moveIn = monthStart(t.inMonth)
      t.moveOut = addDays(monthStart(t.outMonth), 14)
    }
  }

  const password = await hash.make('ParkGate#2026')
  const tenantRows = planned.map((t, k) => {
    const i = k + 1
    const types = new Set<string>()
    if (rand.chance(LARGE.ecommerceShare)) types.add('ecommerce_enterprise')
    if (types.size === 0 || rand.chance(0.35)) types.add(rand.pick(ENTERPRISE_TYPES))
    const typeList = ENTERPRISE_TYPES.filter((x) => types.has(x))
    const modes = BUSINESS_MODES.filter((_, m) => rand.chance([0.7, 0.45, 0.3, 0.4][m]))
    const headcount = rand.int(3, 420)
    const bachelors = Math.floor(headcount * (0.3 + 0.5 * rand.next()))
    // 10 cities × 60 brands × 10 suffixes: unique names for up to 6,000 tenants.
    const name =
      CITIES[k % CITIES.length] +
      BRANDS[Math.floor(k / CITIES.length) % BRANDS.length] +
      SUFFIXES[Math.floor(k / (CITIES.length * BRANDS.length)) % SUFFIXES.length]
    const joined = t.moveIn ?? monthStart(t.inMonth)
    return {
      id: t.id,
      uscc: syntheticUscc(i),
      name,
      user_category: CATEGORY_OF[typeList[0]],
      legal_representative: `法人${i}`,
      contact_person: `联系人${i}`,
      contact_phone: `139${String(i).padStart(8, '0')}`,
      contact_email: `large-${i}@example.test`,
      status: t.status,
      enterprise_types: JSON.stringify(typeList),
      business_modes: JSON.stringify(modes),
      industry: rand.pick(INDUSTRIES),
      headcount,
      talent_bachelor_plus: bachelors,
      talent_cbec_specialists: Math.floor(bachelors * 0.4 * rand.next()),
      ip_patents: rand.chance(0.3) ? rand.int(1, 20) : 0,
      ip_trademarks: rand.chance(0.6) ? rand.int(1, 40) : 0,
      ip_software_copyrights: rand.chance(0.4) ? rand.int(1, 15) : 0,
      move_in_date: t.status === 'resident' || t.status === 'moved_out' ? t.moveIn : null,
      move_out_date: t.status === 'moved_out' ? t.moveOut : null,
      created_at: morning(addDays(joined, -30)),
      updated_at: stamp,
    }
  })

  // Units held by an occupying lease today or later are leased; a few free ones are not lettable.
  const held = new Set(
    leases.filter((l) => l.status === 'active' || l.status === 'renewed').flatMap((l) => l.unitIds)
  )
  for (const unit of units) {
    if (held.has(unit.id)) unit.status = 'leased'
    else if (rand.chance(0.1)) unit.status = rand.chance(0.5) ? 'maintenance' : 'reserved'
  }

  // Lease numbers as NumberingService gives them (LS<day signed>-<n>), and the counters to match.
  const sequence = new Map<string, number>()
  const leaseRows = leases.map((l) => {
    const day = l.createdDay.replaceAll('-', '')
    const n = (sequence.get(day) ?? 0) + 1
    sequence.set(day, n)
    const signed = morning(l.createdDay)
    return {
      id: l.id,
      number: `LS${day}-${String(n).padStart(4, '0')}`,
      tenant_id: l.tenantId,
      start_date: l.start,
      end_date: l.end,
      monthly_rent_fen: l.rentFen,
      deposit_fen: l.rentFen * 2,
      status: l.status,
      terminated_on: l.terminatedOn,
      created_at: signed,
      updated_at: l.status === 'active' ? signed : stamp,
    }
  })
  const leaseUnitRows = leases.flatMap((l) =>
    l.unitIds.map((unitId) => ({ lease_id: l.id, unit_id: unitId }))
  )

  const firstUser = await nextId('users')
  await db.transaction(async (trx) => {
    await insertChunks(trx, 'buildings', buildings)
    await insertChunks(trx, 'units', units)
    await insertChunks(trx, 'tenants', tenantRows)
    await insertChunks(trx, 'leases', leaseRows)
    await insertChunks(trx, 'lease_units', leaseUnitRows)
    await insertChunks(
      trx,
      'number_sequences',
      [...sequence].map(([day, last]) => ({ kind: 'LS', day, last_value: last }))
    )
    // The first 500 tenants have an admin and three members each, as the dashboard bench expects.
    const users = tenantRows.slice(0, 500).flatMap((t, k) =>
      [0, 1, 2, 3].map((u) => ({
        id: firstUser + k * 4 + u,
        email: `u${u}-${t.uscc.toLowerCase()}@example.test`,
        password,
        full_name: `成员 ${u}`,
        role: u === 0 ? 'tenant_admin' : 'tenant_member',
        tenant_id: t.id,
        is_active: true,
        created_at: stamp,
        updated_at: stamp,
      }))
    )
    await insertChunks(trx, 'users', users)
  })

  // The audit entries are chained exactly as AuditService.record chains them, in bulk.
  const head = await db.from('audit_chain_heads').where('id', 1).firstOrFail()
  const firstAudit = await nextId('audit_logs')
  const occurredAt = DateTime.utc().toISO()
  let prev: string = head.last_hash
  const entries = Array.from({ length: LARGE.auditEntries }, (_, k) => {
    const row: Record<string, any> = {
      id: firstAudit + k,
      occurred_at: occurredAt,
      actor_id: operator.id,
      actor_label: operator.email,
      action: 'bench.seeded',
      subject_type: 'tenant',
      subject_id: String(k),
      before_values: null,
      after_values: JSON.stringify({ n: k % 500 }),
      tenant_id: null,
      ip: null,
      request_id: null,
      prev_hash: prev,
    }
    row.hash = prev = chainHash(prev, row)
    return row
  })
  await db.transaction(async (trx) => {
    await insertChunks(trx, 'audit_logs', entries)
    await trx
      .from('audit_chain_heads')
      .where('id', 1)
      .update({ last_id: firstAudit + entries.length - 1, last_hash: prev })
  })

  const area = Number((await db.from('units').sum('area as total').first())?.total ?? 0)
  const leasable = Math.ceil(area)
  await db
    .from('park_profiles')
    .update({ leasable_area: leasable, total_area: Math.ceil(leasable * 1.25) })

  // The bookers: the resident tenants among the first 500, with the ids of their four users.
  const bookers = planned
    .slice(0, 500)
    .map((t, k) => ({
      tenantId: t.id,
      status: t.status,
      userIds: [0, 1, 2, 3].map((u) => firstUser + k * 4 + u),
    }))
    .filter((t) => t.status === 'resident')
  await seedLargeFacilities(operator, bookers)
  await seedLargeComplaints(
    operator,
    planned.filter((t) => t.status !== 'applicant').map((t) => t.id)
  )
}

/** Opening hours of the large profile's facilities (Shanghai wall time), by template. */
const WEEKDAYS_ONLY = ['mon', 'tue', 'wed', 'thu', 'fri']
const HOURS_TEMPLATES: Array<Record<string, [string, string]>> = [
  {
    ...Object.fromEntries(WEEKDAYS_ONLY.map((d) => [d, ['08:00', '20:00']])),
    sat: ['09:00', '17:00'],
  },
  Object.fromEntries(FACILITY_WEEK.map((d) => [d, ['08:30', '21:00']])),
  Object.fromEntries(WEEKDAYS_ONLY.map((d) => [d, ['09:00', '18:00']])),
  Object.fromEntries(FACILITY_WEEK.map((d) => [d, ['09:00', '24:00']])),
  Object.fromEntries(FACILITY_WEEK.slice(0, 6).map((d) => [d, ['06:00', '22:00']])),
  Object.fromEntries(FACILITY_WEEK.map((d) => [d, ['00:00', '24:00']])),
  Object.fromEntries(WEEKDAYS_ONLY.map((d) => [d, ['07:30', '19:30']])),
]

/** Facility kinds of the large profile: type, share, hours template, min/max minutes, approval. */
const FACILITY_KINDS = [
  {
    type: 'meeting_room',
    label: '会议室',
    share: 0.4,
    hours: 0,
    min: 30,
    max: 240,
    approval: 0.1,
    capacity: [6, 30],
  },
  {
    type: 'training_room',
    label: '培训室',
    share: 0.1,
    hours: 1,
    min: 60,
    max: 480,
    approval: 0.6,
    capacity: [30, 120],
  },
  {
    type: 'product_display_area',
    label: '展示厅',
    share: 0.08,
    hours: 2,
    min: 120,
    max: 540,
    approval: 0.8,
    capacity: [40, 200],
  },
  {
    type: 'live_streaming_room',
    label: '直播间',
    share: 0.15,
    hours: 3,
    min: 60,
    max: 360,
    approval: 0.2,
    capacity: [2, 10],
  },
  {
    type: 'loading_dock',
    label: '装卸月台',
    share: 0.1,
    hours: 4,
    min: 30,
    max: 180,
    approval: 0,
    capacity: [1, 4],
  },
  {
    type: 'bonded_warehouse',
    label: '保税仓位',
    share: 0.04,
    hours: 5,
    min: 240,
    max: 1440,
    approval: 0.7,
    capacity: [10, 50],
  },
  {
    type: 'general_warehouse',
    label: '普通仓位',
    share: 0.03,
    hours: 5,
    min: 240,
    max: 1440,
    approval: 0.7,
    capacity: [10, 50],
  },
  {
    type: 'other',
    label: '多功能区',
    share: 0.07,
    hours: 6,
    min: 30,
    max: 240,
    approval: 0.3,
    capacity: [5, 60],
  },
  {
    type: 'first_aid_room',
    label: '急救室',
    share: 0.03,
    hours: 2,
    min: 30,
    max: 60,
    approval: 0,
    capacity: [2, 6],
  },
] as const
const PURPOSES = [
  '周例会',
  '客户洽谈',
  '新品直播',
  '出口货物装车',
  '跨境电商培训',
  '供应商面谈',
  '样品展示',
  '面试',
  '团队培训',
  '货物暂存',
]

/**
 * 200 facilities and 500,000 bookings (issue "Facilities and bookings"), on top of the rest of
 * the large profile. Deterministic (a PRNG of its own, so the rest of the profile is unchanged).
 * Each facility's bookings are laid out day by day, one after the other inside its opening hours
 * and within its minimum and maximum length, so they never overlap; the history reaches back as
 * far as 2,500 bookings need and `bookingDaysAhead` days forward. Past ones were checked in,
 * cancelled, rejected or no-shows; future ones are approved, pending (facilities that need
 * approval), cancelled or rejected. Holding bookings (pending, approved, checked in) have their
 * `booking_slots` rows, as BookingService writes them; released ones have none. Numbers are
 * BK<day booked>-<n> with the counters to match, all booked before today.
 */
async function seedLargeFacilities(
  operator: User,
  bookers: Array<{ tenantId: number; userIds: number[] }>
) {
  const rand = prng(20260702)
  const stamp = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  const todayIso = DateTime.now().setZone(ZONE).toISODate()!
  const todayMs = Date.parse(todayIso)
  const nowMs = Date.now()
  // Shanghai is UTC+8 all year: a wall time there is 8 hours ahead of UTC.
  const SHANGHAI = 8 * 3_600_000
  const sqlUtc = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
  const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

  const firstFacility = await nextId('facilities')
  const facilities: Array<Record<string, any>> = []
  const plans: Array<{
    id: number
    hours: Array<[number, number] | null>
    minSlots: number
    maxSlots: number
    approval: boolean
    bookable: boolean
    freeMinutes: number
    priceFen: number
  }> = []
  const counters = new Map<string, number>()
  for (let k = 0; k < LARGE.facilities; k++) {
    let r = rand.next()
    const kind = FACILITY_KINDS.find((x) => (r -= x.share) < 0) ?? FACILITY_KINDS[0]
    const n = (counters.get(kind.type) ?? 0) + 1
    counters.set(kind.type, n)
    const template = HOURS_TEMPLATES[kind.hours]
    const hours = Object.fromEntries(
      FACILITY_WEEK.map((d) => [
        d,
        template[d] ? { open: template[d][0], close: template[d][1] } : null,
      ])
    )
    const bookable = kind.type !== 'first_aid_room' && !rand.chance(0.02)
    const approval = rand.chance(kind.approval)
    const free = rand.pick([0, 0, 2, 4, 6, 10])
    const price = rand.int(20, 400) * 100
    const building = rand.int(1, 30)
    const row = {
      id: firstFacility + k,
      name: `${String(building).padStart(2, '0')}座 ${kind.label} ${String(n).padStart(3, '0')}`,
      facility_type: kind.type,
      location: `跨境电商大厦 ${building} 座 ${rand.int(1, 20)} 层`,
      capacity: rand.int(kind.capacity[0], kind.capacity[1]),
      description: null,
      opening_hours: JSON.stringify(hours),
      needs_approval: approval,
      bookable,
      free_hours_per_month: free,
      price_per_hour_fen: price,
      min_minutes: kind.min,
      max_minutes: kind.max,
      cancel_cutoff_hours: rand.pick([2, 12, 24, 48]),
      created_at: stamp,
      updated_at: stamp,
    }
    facilities.push(row)
    plans.push({
      id: row.id,
      hours: FACILITY_WEEK.map((d) =>
        template[d] ? [minutesOf(template[d][0]), minutesOf(template[d][1])] : null
      ),
      minSlots: kind.min / 30,
      maxSlots: kind.max / 30,
      approval,
      bookable,
      freeMinutes: free * 60,
      priceFen: price,
    })
  }

  const firstBooking = await nextId('bookings')
  let bookingId = firstBooking
  const perFacility = Math.floor(LARGE.bookings / LARGE.facilities)
  const sequence = new Map<string, number>()
  const freeUsed = new Map<string, number>()
  let slotCount = 0
  await db.transaction(async (trx) => {
    await insertChunks(trx, 'facilities', facilities)
    for (const [f, plan] of plans.entries()) {
      const target = perFacility + (f < LARGE.bookings - perFacility * LARGE.facilities ? 1 : 0)
      // The days, going back from the last one seeded until they hold `target` bookings; each
      // open day gets as many as fit comfortably (minimum length plus about two slots each).
      const days: Array<{ ms: number; open: number; close: number; count: number }> = []
      let left = target
      for (let d = plan.bookable ? LARGE.bookingDaysAhead : -1; left > 0; d--) {
        const ms = todayMs + d * DAY
        const hours = plan.hours[(new Date(ms).getUTCDay() + 6) % 7]
        if (!hours) continue
        const slots = (hours[1] - hours[0]) / 30
        const count = Math.min(
          left,
          Math.max(1, Math.min(8, Math.floor(slots / (plan.minSlots + 2))))
        )
        days.push({ ms, open: hours[0], close: hours[1], count })
        left -= count
      }
      days.reverse()
      const bookings: Record<string, unknown>[] = []
      const slotRows: Record<string, unknown>[] = []
      for (const day of days) {
        const iso = dayOfMs(day.ms)
        const slots = (day.close - day.open) / 30
        let pos = 0
        for (let i = 0; i < day.count; i++) {
          const after = day.count - 1 - i
          const room = slots - pos - after * plan.minSlots
          const length = Math.min(
            room,
            rand.int(plan.minSlots, Math.min(plan.maxSlots, plan.minSlots + 4))
          )
          const gap = rand.int(0, Math.floor((room - length) / (after + 1)))
          const startMs = day.ms + (day.open + (pos + gap) * 30) * 60_000 - SHANGHAI
          pos += gap + length
          const endMs = startMs + length * 30 * 60_000
          const minutes = length * 30

          const booker = rand.pick(bookers)
          const r = rand.next()
          let status: string
          if (startMs <= nowMs) {
            status =
              endMs > nowMs
                ? 'checked_in'
                : r < 0.74
                  ? 'checked_in'
                  : r < 0.88
                    ? 'cancelled'
                    : r < 0.95
                      ? 'no_show'
                      : plan.approval
                        ? 'rejected'
                        : 'cancelled'
          } else if (plan.approval) {
            status =
              r < 0.6 ? 'approved' : r < 0.82 ? 'pending' : r < 0.94 ? 'cancelled' : 'rejected'
          } else {
            status = r < 0.85 ? 'approved' : 'cancelled'
          }
          // Booked 1 to 30 days ahead, always before today (today's numbers are the app's).
          const bookedMs = Math.min(
            startMs - rand.int(1, 30) * DAY,
            todayMs - DAY + rand.int(0, 600) * 60_000
          )
          const bookedDay = dayOfMs(bookedMs + SHANGHAI)
          const numberDay = bookedDay.replaceAll('-', '')
          const n = (sequence.get(numberDay) ?? 0) + 1
          sequence.set(numberDay, n)

          const month = iso.slice(0, 7)
          const key = `${booker.tenantId}:${plan.id}:${month}`
          const used = freeUsed.get(key) ?? 0
          const freeMinutes = Math.max(0, Math.min(minutes, plan.freeMinutes - used))
          if (status !== 'cancelled' && status !== 'rejected') freeUsed.set(key, used + freeMinutes)
          const billable = minutes - freeMinutes
          const decided =
            plan.approval && status !== 'pending' && !(status === 'cancelled' && r > 0.9)
          // Drawn whatever the status, so the stream does not depend on the time of day the seed runs.
          const checkInEarly = rand.int(0, 10)
          const id = bookingId++
          bookings.push({
            id,
            number: `BK${numberDay}-${String(n).padStart(4, '0')}`,
            facility_id: plan.id,
            tenant_id: booker.tenantId,
            booked_by: rand.pick(booker.userIds),
            series_id: null,
            starts_at: sqlUtc(startMs),
            ends_at: sqlUtc(endMs),
            minutes,
            month,
            purpose: rand.pick(PURPOSES),
            attendees: rand.chance(0.6) ? rand.int(1, 20) : null,
            status,
            free_minutes: freeMinutes,
            billable_minutes: billable,
            billable_amount_fen: Math.round((billable * plan.priceFen) / 60),
            decision_reason: status === 'rejected' ? '该时段另有安排' : null,
            decided_by: decided ? operator.id : null,
            decided_at: decided ? sqlUtc(bookedMs + 3_600_000) : null,
            cancelled_at:
              status === 'cancelled'
                ? sqlUtc(Math.min(bookedMs + DAY, startMs - 3_600_000, nowMs))
                : null,
            checked_in_at: status === 'checked_in' ? sqlUtc(startMs - checkInEarly * 60_000) : null,
            released_at: status === 'no_show' ? sqlUtc(startMs + 15 * 60_000) : null,
            created_at: sqlUtc(bookedMs),
            updated_at: sqlUtc(
              status === 'approved' && !decided ? bookedMs : Math.min(endMs, nowMs)
            ),
          })
          if (status === 'pending' || status === 'approved' || status === 'checked_in') {
            for (let s = 0; s < length; s++) {
              slotRows.push({
                facility_id: plan.id,
                slot_start: sqlUtc(startMs + s * 30 * 60_000),
                booking_id: id,
                block_id: null,
              })
            }
          }
        }
      }
      await insertValues(trx, 'bookings', bookings, 500)
      await insertValues(trx, 'booking_slots', slotRows, 2000)
      slotCount += slotRows.length
    }
    await insertChunks(
      trx,
      'number_sequences',
      [...sequence].map(([day, last]) => ({ kind: 'BK', day, last_value: last }))
    )
  })
  return { bookings: bookingId - firstBooking, slots: slotCount }
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
]
const SUBJECTS: Record<number, string[]> = {
  0: ['服务大厅窗口等候过久', '工作人员答复不清', '咨询电话无人接听', '办事指引与实际不符'],
  1: ['物业费账单金额有误', '押金退还迟迟未到账', '合同条款解释不一致', '水电费分摊不合理'],
  2: ['查验预约排队时间过长', '保税仓出库延误', '报关资料退回原因不明', '卡口通行缓慢'],
  3: ['空调漏水', '电梯频繁故障', '卫生间水龙头损坏', '会议室投影仪无法使用', '停车场照明不足'],
  4: ['消防通道被货物占用', '仓库电线裸露', '楼道灭火器过期', '夜间园区门禁失效'],
  5: ['园区噪音扰民', '快递柜位置不便', '食堂菜品单一', '绿化带杂草丛生'],
}
const RESULTS = [
  '已核实并整改，相关人员已完成复查。',
  '已联系责任部门处理完毕，并向投诉人说明情况。',
  '已更正并重新出具单据，差额已退回。',
  '已维修更换，经测试恢复正常。',
]
const MEASURES = ['纳入季度巡检清单。', '修订服务流程并组织培训。', '增加高峰时段值班人员。', '']
const DECLINES = [
  '不属于园区运营方职责范围，已告知向相关主管部门反映。',
  '重复投诉，已并入原案件处理。',
]
const CHANNEL_SHARES: Array<[string, number]> = [
  ['web', 0.3],
  ['portal', 0.35],
  ['phone', 0.2],
  ['walk_in', 0.08],
  ['email', 0.05],
  ['letter', 0.02],
]
const CATEGORY_SHARES = [0.22, 0.2, 0.18, 0.24, 0.06, 0.1]

/**
 * 200,000 complaints submitted over the last 5 years up to yesterday (issue "Complaints"),
 * with their history. Old cases are closed (a few declined, a handful stuck and overdue), recent
 * ones spread over every state. Deadlines are the category's working days on the app's own
 * calendar (weekends, plus the operator's overrides in calendar_days, e.g. the 2026 Spring
 * Festival), computed once per day of the period rather than per row; resolutions carry the
 * working days they took, the on-time flag and, for most closed cases, a satisfaction score.
 * Numbers are TS<day>-<n> in submission order, with number_sequences to match.
 */
async function seedLargeComplaints(operator: User, tenantIds: number[]) {
  const rand = prng(20260605)
  const HOUR = 3_600_000
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
  const categories = await db
    .from('complaint_categories')
    .orderBy('sort_order')
    .orderBy('id')
    .select('id', 'commitment_days', 'department_id')
  const staff = await db.from('users').where('email', 'staff@parkgate.local').first()
  const handlerId: number = staff?.id ?? operator.id
  const overrides = new Map<string, string>(
    (await db.from('calendar_days').select('day', 'kind')).map((r) => [
      typeof r.day === 'string' ? r.day.slice(0, 10) : DateTime.fromJSDate(r.day).toISODate()!,
      r.kind,
    ])
  )

  // The days of the period as Shanghai calendar days (plain UTC dates stand for them), and the
  // working ones: cum[d] counts the working days up to and including day d, so the Nth working
  // day after day d is workdays[cum[d] + n - 1].
  const todayIso = DateTime.now().setZone(ZONE).toISODate()!
  const today = Date.parse(todayIso)
  const nowMs = Date.now()
  const first = Date.UTC(
    Number(todayIso.slice(0, 4)) - LARGE.complaintYears,
    Number(todayIso.slice(5, 7)) - 1,
    Number(todayIso.slice(8, 10))
  )
  const days = Math.round((today - first) / DAY)
  const span = days + 60
  const cum: number[] = []
  const workdays: number[] = []
  for (let d = 0; d < span; d++) {
    const ms = first + d * DAY
    const kind = overrides.get(dayOf(ms))
    const weekday = new Date(ms).getUTCDay()
    const working = kind ? kind === 'workday' : weekday >= 1 && weekday <= 5
    if (working) workdays.push(d)
    cum.push(workdays.length)
  }
  // A Shanghai wall-clock time on day d, as UTC milliseconds (Shanghai is UTC+8, no DST).
  const local = (d: number, hour: number, minute = 0) =>
    first + d * DAY + (hour - 8) * HOUR + minute * 60_000
  const nthWorkday = (d: number, n: number) => workdays[cum[d] + n - 1]

  // Submission days spread evenly over the period (~40,000 cases a year), in order: numbers
  // follow submission.
  const submittedDays = Array.from({ length: LARGE.complaints }, () =>
    Math.floor(days * rand.next())
  ).sort((a, b) => a - b)
  const perDay = new Map<number, number>()
  for (const d of submittedDays) perDay.set(d, (perDay.get(d) ?? 0) + 1)

  const firstComplaint = await nextId('complaints')
  const firstEvent = await nextId('complaint_events')
  const sequence = new Map<string, number>()
  const complaints: Record<string, unknown>[] = []
  const events: Record<string, unknown>[] = []
  let eventCount = 0
  const pickShare = <T>(shares: Array<[T, number]>) => {
    let r = rand.next()
    for (const [value, share] of shares) if ((r -= share) < 0) return value
    return shares[shares.length - 1][0]
  }
  // Rows go in a few thousand cases at a time, in one transaction: a million rows never sit in memory.
  const flush = async (trx: any) => {
    await insertValues(trx, 'complaints', complaints.splice(0), 150)
    await insertValues(trx, 'complaint_events', events.splice(0), 500)
  }
  const trx = await db.transaction()
  try {
    for (const [k, d] of submittedDays.entries()) {
      const id = firstComplaint + k
      const dayIso = dayOf(first + d * DAY)
      const key = dayIso.replaceAll('-', '')
      const n = (sequence.get(key) ?? 0) + 1
      sequence.set(key, n)
      // Submitted between 08:00 and 22:00 Shanghai time (the same UTC day), the day's cases
      // in the order of their numbers.
      const minutes = Math.floor(((n - 1 + rand.next()) * 840) / perDay.get(d)!)
      const hour = 8 + Math.floor(minutes / 60)
      const submitted = local(d, 8, minutes)
      const c = pickCategory()
      const category = categories[c]
      const commitment = Number(category.commitment_days)
      const dueDay = nthWorkday(d, commitment)
      const due = local(dueDay, 18)
      const channel = pickShare(CHANNEL_SHARES)
      const tenantId =
        channel === 'portal' || (channel !== 'web' && rand.chance(0.5))
          ? rand.pick(tenantIds)
          : null
      const age = days - d // 1 = yesterday
      const r = rand.next()
      let status: string
      if (age > 30) status = r < 0.948 ? 'closed' : r < 0.998 ? 'declined' : 'in_progress'
      else if (age > 7)
        status =
          r < 0.78
            ? 'closed'
            : r < 0.83
              ? 'declined'
              : r < 0.92
                ? 'in_progress'
                : r < 0.96
                  ? 'awaiting_complainant'
                  : 'accepted'
      else
        status =
          r < 0.15
            ? 'submitted'
            : r < 0.3
              ? 'accepted'
              : r < 0.52
                ? 'in_progress'
                : r < 0.6
                  ? 'awaiting_complainant'
                  : r < 0.8
                    ? 'resolved'
                    : r < 0.95
                      ? 'closed'
                      : 'declined'
      // Yesterday's and the day before's cases are not resolved yet.
      if (age <= 2 && (status === 'resolved' || status === 'closed')) status = 'in_progress'
      const subjects = SUBJECTS[c] ?? SUBJECTS[5]
      const row: Record<string, any> = {
        id,
        number: `TS${key}-${String(n).padStart(4, '0')}`,
        channel,
        status,
        tenant_id: tenantId,
        submitted_by: null,
        recorded_by: ['phone', 'walk_in', 'email', 'letter'].includes(channel) ? handlerId : null,
        complainant_name:
          channel === 'web' && rand.chance(0.3)
            ? null
            : `${rand.pick(SURNAMES)}${rand.chance(0.5) ? '先生' : '女士'}`,
        complainant_phone: `1${rand.pick(['3', '5', '8'])}${String(rand.int(0, 999_999_999)).padStart(9, '0')}`,
        category_id: category.id,
        department_id: category.department_id,
        subject: rand.pick(subjects),
        content: `${rand.pick(subjects)}，已持续多日，影响正常经营，请尽快处理并答复。`,
        commitment_days: commitment,
        submitted_at: at(submitted),
        submitted_on: dayIso,
        clock_started_at: at(submitted),
        due_at: at(due),
        paused_at: null,
        paused_seconds: 0,
        accepted_at: null,
        decline_reason: null,
        handler_id: null,
        resolved_at: null,
        result: null,
        corrective_measures: null,
        resolved_on_time: null,
        handling_working_days: null,
        closed_at: null,
        close_kind: null,
        reopen_count: 0,
        escalated_at: null,
        reminder_sent_at: null,
        overdue_escalated_at: null,
        satisfaction: null,
        feedback_comment: null,
        feedback_at: null,
        callback_at: null,
        callback_by: null,
        callback_satisfaction: null,
        callback_note: null,
        created_at: at(submitted),
        updated_at: at(submitted),
      }
      const event = (
        action: string,
        from: string | null,
        to: string | null,
        ms: number,
        kind = 'staff',
        note: string | null = null
      ) =>
        events.push({
          id: firstEvent + eventCount++,
          complaint_id: id,
          action,
          from_status: from,
          to_status: to,
          actor_id: kind === 'staff' ? handlerId : null,
          actor_kind: kind,
          note,
          created_at: at(ms),
        })
      event('submitted', null, 'submitted', submitted, 'complainant')
      // Resolution: within the commitment mostly, a few working days late otherwise; never after yesterday.
      let handling = rand.chance(0.88) ? rand.int(0, commitment) : commitment + rand.int(1, 6)
      while (handling > 0 && nthWorkday(d, handling) >= days) handling--
      // Resolved the same day only when it came in by the early afternoon.
      if (handling === 0 && hour >= 15) handling = 1
      const resolvedDay = handling === 0 ? d : nthWorkday(d, handling)
      const acceptedAt = Math.min(submitted + rand.int(10, 120) * 60_000, nowMs - HOUR)
      let last = acceptedAt
      if (status === 'declined') {
        Object.assign(row, { decline_reason: rand.pick(DECLINES), updated_at: at(acceptedAt) })
        event('decline', 'submitted', 'declined', acceptedAt, 'staff', row.decline_reason)
      } else if (status !== 'submitted') {
        Object.assign(row, { accepted_at: at(acceptedAt), handler_id: handlerId })
        event('accept', 'submitted', 'accepted', acceptedAt)
        if (status !== 'accepted') {
          last = acceptedAt + 30 * 60_000
          event('start', 'accepted', 'in_progress', last)
        }
        if (status === 'awaiting_complainant') {
          last += rand.int(2, 30) * HOUR
          last = Math.min(last, nowMs - HOUR)
          row.paused_at = at(last)
          event(
            'await',
            'in_progress',
            'awaiting_complainant',
            last,
            'staff',
            '请补充相关票据照片。'
          )
        }
        if (status === 'resolved' || status === 'closed') {
          const resolved = Math.max(
            last + HOUR,
            local(resolvedDay, rand.int(10, 17), rand.int(0, 59))
          )
          Object.assign(row, {
            resolved_at: at(resolved),
            result: rand.pick(RESULTS),
            corrective_measures: rand.pick(MEASURES) || null,
            resolved_on_time: resolved <= due,
            handling_working_days: handling,
          })
          event('resolve', 'in_progress', 'resolved', resolved)
          last = resolved
          if (status === 'closed') {
            const onTime = resolved <= due
            const rated = rand.chance(0.7)
            const closed = Math.min(last + rand.int(2, 7 * 24) * HOUR, nowMs - HOUR)
            const kind = rated ? 'confirmed' : rand.chance(0.8) ? 'no_answer' : 'staff'
            if (rated) {
              const s = rand.next()
              const score = onTime
                ? s < 0.5
                  ? 5
                  : s < 0.82
                    ? 4
                    : s < 0.94
                      ? 3
                      : s < 0.98
                        ? 2
                        : 1
                : s < 0.2
                  ? 5
                  : s < 0.45
                    ? 4
                    : s < 0.75
                      ? 3
                      : s < 0.9
                        ? 2
                        : 1
              Object.assign(row, { satisfaction: score, feedback_at: at(closed) })
              event('feedback', 'resolved', 'resolved', closed, 'complainant', `${score}/5`)
            }
            Object.assign(row, { closed_at: at(closed), close_kind: kind })
            event(
              'close',
              'resolved',
              'closed',
              closed,
              kind === 'staff' ? 'staff' : kind === 'no_answer' ? 'system' : 'complainant'
            )
            if (rand.chance(0.2)) {
              const callback = Math.min(closed + rand.int(1, 72) * HOUR, nowMs - HOUR)
              Object.assign(row, {
                callback_at: at(callback),
                callback_by: handlerId,
                callback_satisfaction: row.satisfaction ?? rand.int(3, 5),
                callback_note: '电话回访，企业确认问题已解决。',
              })
              event('callback', 'closed', 'closed', callback)
              last = callback
            } else last = closed
          }
        }
        row.updated_at = at(last)
      }
      complaints.push(row)
      if (complaints.length === 5000) await flush(trx)
    }
    function pickCategory() {
      let r = rand.next()
      for (const [i, share] of CATEGORY_SHARES.entries()) {
        if (i >= categories.length) break
        if ((r -= share) < 0) return i
      }
      return categories.length - 1
    }

    await flush(trx)
    // Days before today only: the demo's complaints took today's numbers, and no other day's.
    await insertChunks(
      trx,
      'number_sequences',
      [...sequence].map(([day, last]) => ({ kind: 'TS', day, last_value: last }))
    )
    await trx.commit()
  } catch (error) {
    await trx.rollback()
    throw error
  }
}
