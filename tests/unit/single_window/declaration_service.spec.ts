import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { Decimal } from 'decimal.js'
import DeclarationService from '#single_window/services/declaration_service'
import SwMessage from '#single_window/models/sw_message'
import SwDeclaration from '#single_window/models/sw_declaration'
import { demoImportParcel, DEMO_PARTIES, type DemoDocument } from '#single_window/demo_data'
import { makeTenant } from '#tests/helpers/world'
import { giveProfile, OTHER_PARTIES, selfParties, xmllint } from '#tests/helpers/single_window'
import { verifyEnveloped } from '#single_window/builders/signer'

const service = new DeclarationService()
const input = (doc: DemoDocument) => ({
  messageType: doc.messageType,
  businessMode: doc.businessMode,
  head: doc.head,
  lines: doc.lines,
})

/** A tenant that is every party of its parcels, with its profile. */
async function declarer(name = '云帆') {
  const tenant = await makeTenant(name)
  await giveProfile(tenant, DEMO_PARTIES)
  return tenant
}

const parties = selfParties(DEMO_PARTIES)

test.group('Single window: DeclarationService', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create runs every check: a complete parcel is "checked", with DECIMAL amounts as strings', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const docs = demoImportParcel(11, parties)
    const results = []
    for (const doc of docs) results.push(await service.create(tenant.id, input(doc)))
    const inventory = results[3]
    assert.deepEqual(inventory.problems, [])
    assert.equal(inventory.declaration.status, 'checked')
    const stored = await SwDeclaration.findOrFail(results[0].declaration.id)
    assert.equal(stored.docNo, docs[0].head.orderNo)
    assert.strictEqual(stored.amount, docs[0].head.acturalPaid.replace(/\.?0+$/, ''))
    assert.typeOf(stored.amount, 'string')
    const lines = await db.from('sw_declaration_lines').where('declaration_id', stored.id)
    assert.lengthOf(lines, docs[0].lines.length)
    const events = await db.from('sw_declaration_events').where('declaration_id', stored.id)
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created']
    )
  })

  test('an inventory list without its order, payment and waybill is kept as a draft with the problems', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const inventory = demoImportParcel(12, parties)[3]
    const result = await service.create(tenant.id, input(inventory))
    assert.equal(result.declaration.status, 'draft')
    assert.includeMembers(
      result.problems.map((p) => p.key),
      ['match.order_missing', 'match.payment_missing', 'match.waybill_missing']
    )
    await assert.rejects(
      () => service.submit(tenant.id, result.declaration.id),
      /sw.errors.check_failed/
    )
    const count = await db
      .from('sw_messages')
      .where('declaration_id', result.declaration.id)
      .count('* as n')
    assert.equal(Number(count[0].n), 0)
    const reloaded = await SwDeclaration.findOrFail(result.declaration.id)
    assert.equal(reloaded.status, 'draft')
  })

  test('submit: status, outbox message and event in one transaction; the message validates and is signed', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const docs = demoImportParcel(13, parties)
    const created: SwDeclaration[] = []
    for (const doc of docs) created.push((await service.create(tenant.id, input(doc))).declaration)
    const { declaration, message } = await service.submit(tenant.id, created[3].id)
    assert.equal(declaration.status, 'queued')
    assert.equal(declaration.lastGuid, message.guid)
    const row = await SwMessage.findByOrFail('guid', message.guid)
    assert.equal(row.state, 'pending')
    assert.equal(row.messageType, 'CEB621')
    assert.equal(row.tenantId, tenant.id)
    assert.include(row.xml, `<ceb:copNo>${docs[3].head.copNo}</ceb:copNo>`)
    assert.include(row.xml, `guid="${message.guid}"`)
    assert.isTrue((await xmllint(row.xml, 'import')).valid)
    assert.isTrue(verifyEnveloped(row.xml))
    const events = await db
      .from('sw_declaration_events')
      .where('declaration_id', declaration.id)
      .orderBy('id')
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created', 'submitted']
    )
    await assert.rejects(
      () => service.submit(tenant.id, created[3].id),
      /sw.errors.already_submitted/
    )
    assert.equal(
      await db
        .from('sw_messages')
        .where('declaration_id', declaration.id)
        .count('* as n')
        .then((r) => Number(r[0].n)),
      1
    )
  }).timeout(20000)

  test('a failure while writing the outbox row leaves the declaration unsent (one transaction)', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const docs = demoImportParcel(14, parties)
    const order = (await service.create(tenant.id, input(docs[0]))).declaration
    const first = await service.submit(tenant.id, order.id)
    // Same guid again: the unique index on sw_messages.guid fails the insert after the status update.
    await db.from('sw_declarations').where('id', order.id).update({ status: '100' })
    const inherited = SwMessage.create.bind(SwMessage)
    ;(SwMessage as any).create = (values: any, options: any) =>
      inherited({ ...values, guid: first.message.guid }, options)
    try {
      await assert.rejects(() => service.submit(tenant.id, order.id))
    } finally {
      delete (SwMessage as any).create
    }
    const reloaded = await SwDeclaration.findOrFail(order.id)
    assert.equal(reloaded.status, '100')
    assert.equal(reloaded.lastGuid, first.message.guid)
    const events = await db
      .from('sw_declaration_events')
      .where('declaration_id', order.id)
      .where('kind', 'submitted')
    assert.lengthOf(events, 1)
  })

  test('a rejected declaration (100) may be corrected and sent again', async ({ assert }) => {
    const tenant = await declarer()
    const order = (await service.create(tenant.id, input(demoImportParcel(15, parties)[0])))
      .declaration
    const first = await service.submit(tenant.id, order.id)
    await db.from('sw_declarations').where('id', order.id).update({ status: '100' })
    const second = await service.submit(tenant.id, order.id)
    assert.notEqual(second.message.guid, first.message.guid)
  })

  test('update corrects a rejected declaration (checks again) but never one that is in flight', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const doc = demoImportParcel(22, parties)[0]
    const order = (await service.create(tenant.id, input(doc))).declaration
    await service.submit(tenant.id, order.id)
    await assert.rejects(
      () => service.update(tenant.id, order.id, input(doc)),
      /sw.errors.not_editable/
    )
    await db.from('sw_declarations').where('id', order.id).update({ status: '100' })
    const broken = { ...doc, head: { ...doc.head, buyerName: '' } }
    const bad = await service.update(tenant.id, order.id, input(broken))
    assert.equal(bad.declaration.status, 'draft')
    assert.include(
      bad.problems.map((p) => `${p.field}:${p.key}`),
      'buyerName:check.required'
    )
    const renamed = { ...doc, head: { ...doc.head, orderNo: 'OTHER-1' } }
    await assert.rejects(
      () => service.update(tenant.id, order.id, input(renamed)),
      /sw.errors.doc_no_fixed/
    )
    const fixed = await service.update(
      tenant.id,
      order.id,
      input({
        ...doc,
        lines: [doc.lines[0]],
        head: {
          ...doc.head,
          goodsValue: doc.lines[0].totalPrice,
          acturalPaid: new Decimal(doc.lines[0].totalPrice)
            .plus(doc.head.freight)
            .plus(doc.head.taxTotal)
            .toFixed(),
        },
      })
    )
    assert.equal(fixed.declaration.status, 'checked', JSON.stringify(fixed.problems))
    assert.lengthOf(await db.from('sw_declaration_lines').where('declaration_id', order.id), 1)
    const other = await makeTenant('海贝')
    await giveProfile(other, OTHER_PARTIES)
    await assert.rejects(
      () => service.update(other.id, order.id, input(doc)),
      /sw.errors.not_found/
    )
  })

  test('the match picks the order of the same platform: order numbers are unique per platform only', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const docs = demoImportParcel(23, parties)
    for (const doc of docs.slice(0, 3)) await service.create(tenant.id, input(doc))
    // Another platform's order with the same number, created later, with other amounts.
    const other = await makeTenant('海贝')
    await giveProfile(other, OTHER_PARTIES)
    const theirs = demoImportParcel(24, selfParties(OTHER_PARTIES))[0]
    await service.create(
      other.id,
      input({ ...theirs, head: { ...theirs.head, orderNo: docs[0].head.orderNo } })
    )
    const result = await service.create(tenant.id, input(docs[3]))
    assert.deepEqual(result.problems, [])
  })

  test('isolation: another tenant can neither see, check nor submit the declaration', async ({
    assert,
  }) => {
    const owner = await declarer()
    const other = await makeTenant('海贝')
    await giveProfile(other, OTHER_PARTIES)
    const order = (await service.create(owner.id, input(demoImportParcel(16, parties)[0])))
      .declaration
    await assert.rejects(() => service.find(other.id, order.id), /sw.errors.not_found/)
    await assert.rejects(() => service.check(other.id, order.id), /sw.errors.not_found/)
    await assert.rejects(() => service.submit(other.id, order.id), /sw.errors.not_found/)
    assert.equal((await SwDeclaration.findOrFail(order.id)).status, 'checked')
    assert.equal(
      await db
        .from('sw_messages')
        .count('* as n')
        .then((r) => Number(r[0].n)),
      0
    )
  })

  test("isolation: a tenant cannot declare in another tenant's name", async ({ assert }) => {
    await declarer()
    const other = await makeTenant('海贝')
    await giveProfile(other, OTHER_PARTIES)
    // The document names 云帆 as the e-commerce enterprise, but 海贝 declares it.
    const result = await service.create(other.id, input(demoImportParcel(17, parties)[0]))
    assert.equal(result.declaration.status, 'draft')
    assert.include(
      result.problems.map((p) => `${p.field}:${p.key}`),
      'ebcCode:check.not_own_party'
    )
    await assert.rejects(() => service.submit(other.id, result.declaration.id), /check_failed/)
  })

  test('a tenant without a profile cannot declare', async ({ assert }) => {
    const tenant = await makeTenant('无备案')
    await assert.rejects(
      () => service.create(tenant.id, input(demoImportParcel(18, parties)[0])),
      /sw.errors.no_profile/
    )
    assert.equal(
      await db
        .from('sw_declarations')
        .count('* as n')
        .then((r) => Number(r[0].n)),
      0
    )
  })

  test('the same document number twice is refused with a translated error; nothing changes', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const doc = demoImportParcel(19, parties)[0]
    await service.create(tenant.id, input(doc))
    await assert.rejects(() => service.create(tenant.id, input(doc)), /sw.errors.duplicate/)
    assert.equal(
      await db
        .from('sw_declarations')
        .where('tenant_id', tenant.id)
        .count('* as n')
        .then((r) => Number(r[0].n)),
      1
    )
  })

  test('annual limit counts inventory lists already sent for the same buyer this year', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const docs = demoImportParcel(20, parties)
    for (const doc of docs.slice(0, 3)) await service.create(tenant.id, input(doc))
    // Earlier this year the buyer already declared ¥25,950 (released); this parcel is ¥96.
    const [earlier] = await db
      .table('sw_declarations')
      .insert({
        tenant_id: tenant.id,
        message_type: 'CEB621',
        direction: 'import',
        business_mode: '9610',
        doc_no: 'EARLIER-1',
        buyer_id_number: docs[3].head.buyerIdNumber,
        amount: '25950',
        header: '{}',
        status: '800',
        submitted_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
        created_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
        updated_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
      })
      .returning('id')
    assert.exists(earlier)
    const result = await service.create(tenant.id, input(docs[3]))
    assert.include(
      result.problems.map((p) => p.key),
      'limit.annual'
    )
    assert.equal(result.declaration.status, 'draft')
    // A rejected earlier declaration does not count.
    await db.from('sw_declarations').where('doc_no', 'EARLIER-1').update({ status: '100' })
    const again = await service.check(tenant.id, result.declaration.id)
    assert.notInclude(
      again.problems.map((p) => p.key),
      'limit.annual'
    )
    assert.equal(again.declaration.status, 'checked')
  })

  test('applyStatus: receipts apply in returnTime order and the same receipt twice changes nothing', async ({
    assert,
  }) => {
    const tenant = await declarer()
    const order = (await service.create(tenant.id, input(demoImportParcel(21, parties)[0])))
      .declaration
    await service.submit(tenant.id, order.id)
    const apply = (status: string, returnTime: string, key: string) =>
      db.transaction((trx) =>
        service.applyStatus(trx, order.id, {
          kind: 'receipt',
          status,
          text: `status ${status}`,
          returnTime,
          occurredAt: DateTime.utc(),
          source: 'CEB312_test.xml',
          dedupeKey: key,
        })
      )
    assert.isTrue(await apply('120', '20261201103000123', 'r-120'))
    assert.isTrue(await apply('2', '20261201102959000', 'r-2'))
    assert.isFalse(await apply('120', '20261201103000123', 'r-120'))
    const reloaded = await SwDeclaration.findOrFail(order.id)
    assert.equal(reloaded.status, '120')
    assert.equal(reloaded.statusReturnTime, '20261201103000123')
    const receipts = await db
      .from('sw_declaration_events')
      .where('declaration_id', order.id)
      .where('kind', 'receipt')
    assert.lengthOf(receipts, 2)
  })

  test('profile: saved and audited; no roles is a translated error', async ({ assert }) => {
    const tenant = await makeTenant('备案')
    await assert.rejects(
      () =>
        service.saveProfile(tenant.id, {
          customsCode: '1',
          copCode: '1',
          copName: 'x',
          dxpId: 'd',
          roles: [],
        }),
      /sw.errors.profile_roles/
    )
    const profile = await giveProfile(tenant, OTHER_PARTIES, ['ebc'])
    assert.deepEqual(profile.roleList, ['ebc'])
    const audit = await db
      .from('audit_logs')
      .where('action', 'sw.profile.create')
      .where('tenant_id', tenant.id)
    assert.lengthOf(audit, 1)
  })
})
