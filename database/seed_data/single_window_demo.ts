import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import SwProfile from '#single_window/models/sw_profile'
import DeclarationService, { type Actor } from '#single_window/services/declaration_service'
import TrackingService from '#single_window/tracking/tracking_service'
import {
  DEMO_PARTIES,
  demoExportShipment,
  demoImportParcel,
  type DemoDocument,
  type DemoParties,
} from '#single_window/demo_data'

/**
 * Single-window demo (issue 6): profiles for the two demo tenants — 杭州云帆 (e-commerce enterprise,
 * its own platform and payment account, declaring agent) and 成都蓉欧 (logistics) — and a few parcels
 * in various states: released (2 → 120 → 800), at the e-port (2), checked but not sent, a draft
 * that fails the three-document match, one rejected by customs (100), and an export shipment.
 * The party codes are invented demo codes. Receipts are applied as the receipt job would.
 */
export async function seedSingleWindowDemo() {
  if (await SwProfile.query().first()) return
  const tenantA = await Tenant.findBy('uscc', '91330100MA2H3B4C5X')
  const tenantB = await Tenant.findBy('uscc', '91510100MA6D7E8F9C')
  if (!tenantA || !tenantB) return
  const adminA = await User.findBy('email', 'tenant-a@parkgate.local')
  const adminB = await User.findBy('email', 'tenant-b@parkgate.local')
  const asA: Actor | null = adminA ? { id: adminA.id, email: adminA.email } : null
  const asB: Actor | null = adminB ? { id: adminB.id, email: adminB.email } : null
  const service = new DeclarationService()

  const parties: DemoParties = {
    ...DEMO_PARTIES,
    payCode: DEMO_PARTIES.ebcCode,
    payName: DEMO_PARTIES.ebcName,
  }
  await service.saveProfile(
    tenantA.id,
    {
      customsCode: parties.ebcCode,
      copCode: parties.ebcCode,
      copName: parties.ebcName,
      dxpId: 'DXPENT0000660A01',
      roles: ['ebc', 'ebp', 'payment', 'agent'],
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
    },
    asA
  )
  await service.saveProfile(
    tenantB.id,
    {
      customsCode: parties.logisticsCode,
      copCode: parties.logisticsCode,
      copName: parties.logisticsName,
      dxpId: 'DXPENT0000660L02',
      roles: ['logistics'],
    },
    asB
  )

  const create = (doc: DemoDocument) =>
    service.create(
      doc.messageType === 'CEB511' ? tenantB.id : tenantA.id,
      {
        messageType: doc.messageType,
        businessMode: doc.businessMode,
        head: doc.head,
        lines: doc.lines,
      },
      doc.messageType === 'CEB511' ? asB : asA
    )

  const receipt = async (
    declarationId: number,
    status: string,
    text: string,
    minutesAfter: number,
    base: DateTime
  ) => {
    const at = base.plus({ minutes: minutesAfter })
    const returnTime = at.setZone('Asia/Shanghai').toFormat('yyyyMMddHHmmssSSS')
    await db.transaction((trx) =>
      service.applyStatus(trx, declarationId, {
        kind: 'receipt',
        status,
        text,
        returnTime,
        occurredAt: at,
        source: 'demo-seed',
        dedupeKey: `seed:${declarationId}:${status}:${returnTime}`,
      })
    )
  }

  /** Submits and marks the message written to OutBox (the demo's earlier run did that). */
  const send = async (tenantId: number, id: number, actor: Actor | null) => {
    const { message } = await service.submit(tenantId, id, actor)
    await db
      .from('sw_messages')
      .where('id', message.id)
      .update({
        state: 'written',
        attempts: 1,
        written_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
        file_name: `${message.guid}.xml`,
      })
    return message
  }

  const base = DateTime.utc().minus({ hours: 5 })
  const parcel = async (n: number) => {
    const docs = demoImportParcel(n, parties, n % 2 === 0 ? '1210' : '9610')
    const out = []
    for (const doc of docs) out.push((await create(doc)).declaration)
    return out
  }

  // 1, 2: released. Every document sent; receipts 2 → 120 (→ 800 for the inventory list).
  for (const n of [1, 2]) {
    const [order, payment, waybill, inventory] = await parcel(n)
    for (const d of [order, payment, inventory]) await send(tenantA.id, d.id, asA)
    await send(tenantB.id, waybill.id, asB)
    for (const d of [order, payment, waybill]) {
      await receipt(d.id, '2', '新增申报成功', 1, base)
      await receipt(d.id, '120', '[Code:1800;Desc:逻辑校验通过]', 3, base)
    }
    await receipt(inventory.id, '2', `清单新增申报成功[电商企业编码：${parties.ebcCode}]`, 2, base)
    await receipt(inventory.id, '120', '[Code:1800;Desc:逻辑校验通过]', 5, base)
    await receipt(inventory.id, '800', '[Code:2600;Desc:放行]', 40, base)
    // The parcel's path through the zone (SZDB/Z 304.1 6.6), as the warehouse scanner and the release
    // receipt record it: /track shows it by the waybill number.
    const logisticsNo = inventory.logisticsNo!
    const at = (minutes: number) => base.plus({ minutes })
    const tracking = new TrackingService()
    await tracking.recordScanned(tenantA.id, [
      {
        eventId: `seed-${n}-in`,
        logisticsNo,
        stage: 'entered_zone',
        action: '入区扫描',
        occurredAt: at(20),
        place: '前海保税仓 1 号库',
      },
      {
        eventId: `seed-${n}-tally`,
        logisticsNo,
        stage: 'tallied',
        action: '理货完成',
        occurredAt: at(28),
        place: '前海保税仓 1 号库',
      },
      {
        eventId: `seed-${n}-out`,
        logisticsNo,
        stage: 'left_zone',
        action: '出区扫描',
        occurredAt: at(70),
        place: '卡口 2',
      },
    ])
    await db.transaction((trx) =>
      tracking.recordRelease(trx, {
        tenantId: tenantA.id,
        declarationId: inventory.id,
        logisticsNo,
        occurredAt: at(40).toJSDate(),
        action: '海关放行',
      })
    )
  }
  // 3: the inventory list is at the e-port (2).
  {
    const [order, payment, waybill, inventory] = await parcel(3)
    for (const d of [order, payment, inventory]) await send(tenantA.id, d.id, asA)
    await send(tenantB.id, waybill.id, asB)
    for (const d of [order, payment, waybill]) await receipt(d.id, '2', '新增申报成功', 55, base)
    await receipt(inventory.id, '2', '清单新增申报成功', 60, base)
  }
  // 4: checked, not sent yet (the demo submits it).
  await parcel(4)
  // 5: customs rejected the inventory list (100) with the reason.
  {
    const [order, payment, waybill, inventory] = await parcel(5)
    for (const d of [order, payment, inventory]) await send(tenantA.id, d.id, asA)
    await send(tenantB.id, waybill.id, asB)
    for (const d of [order, payment, waybill])
      await receipt(d.id, '120', '[Code:1800;Desc:逻辑校验通过]', 8, base)
    await receipt(inventory.id, '2', '清单新增申报成功', 10, base)
    await receipt(
      inventory.id,
      '100',
      '[Code:1300;Desc:人工退单，商品规格型号申报不规范]',
      30,
      base
    )
  }
  // 6: an inventory list whose amounts differ from the order: kept as a draft with the problems.
  {
    const docs = demoImportParcel(6, parties)
    for (const doc of docs.slice(0, 3)) await create(doc)
    const inventory = docs[3]
    await create({
      ...inventory,
      lines: inventory.lines.map((l) => ({
        ...l,
        qty: '5',
        totalPrice: String(Number(l.price) * 5),
      })),
    })
  }
  // An export shipment (9610 general export): order and inventory list checked.
  for (const doc of demoExportShipment(1, parties)) {
    if (doc.messageType === 'CEB505') continue
    await create(doc)
  }

  // The parcels were declared before their receipts came back: the services stamp the local steps
  // with the seeding time, so date them back to just before the first receipt.
  const sql = (minutes: number) => base.minus({ minutes }).toFormat('yyyy-MM-dd HH:mm:ss')
  const seeded = db
    .from('sw_declarations')
    .whereIn('tenant_id', [tenantA.id, tenantB.id])
    .select('id')
  await db
    .from('sw_declarations')
    .whereIn('tenant_id', [tenantA.id, tenantB.id])
    .update({ created_at: sql(12) })
  await db
    .from('sw_declarations')
    .whereIn('tenant_id', [tenantA.id, tenantB.id])
    .whereNotNull('submitted_at')
    .update({ submitted_at: sql(10) })
  for (const [kind, minutes] of [
    ['created', 12],
    ['submitted', 10],
    ['written', 9],
  ] as const) {
    await db
      .from('sw_declaration_events')
      .whereIn('declaration_id', seeded)
      .where('kind', kind)
      .update({ occurred_at: sql(minutes) })
  }
  await db
    .from('sw_messages')
    .whereIn('declaration_id', seeded)
    .update({ created_at: sql(10), updated_at: sql(9), written_at: sql(9) })
}
