import { test } from '@japa/runner'
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sinon from 'sinon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#core/models/user'
import { DEMO_PARTIES } from '#single_window/demo_data'
import { Simulator } from '#single_window/simulator/simulator'
import { receiptXml, returnTimeOf } from '#single_window/simulator/receipt_writer'
import { fsOps, messageFileName, type ExchangeFolders } from '#single_window/transport/exchange'
import InboxService from '#single_window/transport/inbox_service'
import OutboxService from '#single_window/transport/outbox_service'
import TrackingService from '#single_window/tracking/tracking_service'
import { declare, OTHER, selfParties, swTenant, tempFolders } from '#tests/helpers/sw_io'

const T0 = Date.parse('2026-12-01T02:00:00Z')

async function operator() {
  return User.create({
    email: `op-${Math.random().toString(36).slice(2)}@example.test`,
    password: 'Secret#2026a',
    fullName: 'Operator',
    role: 'operator_admin',
    isActive: true,
  })
}

/** Every file under a box, subfolders included (the archive keeps a folder per day). */
async function filesIn(
  folders: ExchangeFolders,
  box: 'ArchiveBox' | 'FailBox' | 'InBox' | 'SentBox' | 'OutBox'
) {
  const entries = await readdir(folders.path(box), { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** A CEB622 receipt file for an inventory list, written straight into InBox. */
async function receipt622(
  folders: ExchangeFolders,
  name: string,
  copNo: string,
  status: string,
  at: number,
  info = 'text',
  ebcCode = DEMO_PARTIES.ebcCode
) {
  const xml = receiptXml({
    type: 'CEB622',
    guid: '0D3B5D39-7F7E-4E37-9C39-1B7B8B4F2A10',
    fields: { ebcCode, copNo, preNo: 'B20261201000000001' },
    returnStatus: status,
    returnTime: returnTimeOf(at),
    returnInfo: info,
  })
  await writeFile(folders.path('InBox', name), xml)
}

test.group('Outbox and inbox', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sinon.restore())

  test('the outbox writes each pending message once, named from its guid, and marks it written', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Outbox Co')
    await declare(tenant.id, 1, parties)
    const outbox = new OutboxService({ folders })
    const first = await outbox.flush()
    assert.equal(first.written, 4)
    const messages = await db.from('sw_messages').where('tenant_id', tenant.id).orderBy('id')
    const names = messages.map((m) => messageFileName(m.message_type, m.guid)).sort()
    assert.deepEqual(await folders.list('OutBox'), names)
    for (const m of messages) {
      assert.equal(m.state, 'written')
      assert.equal(m.file_name, messageFileName(m.message_type, m.guid))
      assert.equal(await readFile(folders.path('OutBox', m.file_name), 'utf8'), m.xml)
    }
    assert.deepEqual(await folders.list('TempBox'), [])
    const again = await outbox.flush()
    assert.deepEqual(again, { written: 0, alreadyThere: 0, failed: 0, gaveUp: 0 })
    const events = await db.from('sw_declaration_events').where('kind', 'written')
    assert.lengthOf(events, 4)
  })

  test('a message whose file the client already took is not written again', async ({ assert }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Crash Co')
    await declare(tenant.id, 2, parties)
    await new OutboxService({ folders }).flush()
    // The client took the files; then a crash lost the "written" mark of one row.
    for (const name of await folders.list('OutBox')) await folders.move('OutBox', name, 'SentBox')
    const row = await db.from('sw_messages').where('tenant_id', tenant.id).first()
    await db.from('sw_messages').where('id', row.id).update({ state: 'pending' })
    const result = await new OutboxService({ folders }).flush()
    assert.deepEqual(result, { written: 0, alreadyThere: 1, failed: 0, gaveUp: 0 })
    assert.deepEqual(await folders.list('OutBox'), [])
    assert.equal((await db.from('sw_messages').where('id', row.id).first()).state, 'written')
  })

  test('when the disk fails, messages stay pending with the error and are written on the retry', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Disk Co')
    await declare(tenant.id, 3, parties)
    const write = sinon
      .stub(fsOps, 'writeFile')
      .rejects(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
    const failed = await new OutboxService({ folders }).flush()
    assert.equal(failed.failed, 4)
    assert.equal(failed.written, 0)
    assert.deepEqual(await folders.list('OutBox'), [])
    const rows = await db.from('sw_messages').where('tenant_id', tenant.id)
    for (const r of rows) {
      assert.equal(r.state, 'pending')
      assert.equal(r.attempts, 1)
      assert.include(r.last_error, 'EIO')
    }
    write.restore()
    const retried = await new OutboxService({ folders }).flush()
    assert.equal(retried.written, 4)
    assert.lengthOf(await folders.list('OutBox'), 4)
    for (const r of await db.from('sw_messages').where('tenant_id', tenant.id)) {
      assert.equal(r.state, 'written')
      assert.isNull(r.last_error)
    }
  })

  test('without a file-system flush the outbox fsyncs file by file, and a file already there is kept', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Fsync Co')
    await declare(tenant.id, 11, parties)
    sinon.stub(fsOps, 'syncFileSystem').rejects(new Error('sync: unrecognized option -f'))
    const [first] = await db.from('sw_messages').where('tenant_id', tenant.id).orderBy('id')
    // Someone put a file of that name into OutBox: link(2) refuses to replace it.
    await writeFile(
      folders.path('OutBox', messageFileName(first.message_type, first.guid)),
      'theirs'
    )
    const result = await new OutboxService({ folders }).flush()
    assert.deepEqual([result.written, result.alreadyThere, result.failed], [3, 1, 0])
    assert.equal(
      await readFile(
        folders.path('OutBox', messageFileName(first.message_type, first.guid)),
        'utf8'
      ),
      'theirs'
    )
    assert.deepEqual(await folders.list('TempBox'), [])
  })

  test('end to end: declare → outbox → simulator → inbox → statuses through 800, released on the tracking timeline', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Loop Co')
    const [order, payment, waybill, inventory] = await declare(tenant.id, 4, parties)
    await new OutboxService({ folders }).flush()
    const simulator = new Simulator({ folders, seed: 3 })
    const inboxService = new InboxService({ folders })
    await simulator.step(T0)
    // Step by step, as the scheduled jobs would: the status climbs in the order of the receipts.
    const seen: string[] = []
    for (const at of [5_000, 30_000, 200_000]) {
      await simulator.step(T0 + at)
      await inboxService.run()
      seen.push((await db.from('sw_declarations').where('id', inventory.id).first()).status)
    }
    assert.deepEqual(seen, ['2', '120', '800'])
    const status = async (id: number) =>
      (await db.from('sw_declarations').where('id', id).first()).status
    assert.equal(await status(order.id), '120')
    assert.equal(await status(payment.id), '120')
    assert.equal(await status(waybill.id), '120')
    const row = await db.from('sw_declarations').where('id', inventory.id).first()
    assert.equal(row.status_text, '[Code:2600;Desc:放行]')
    assert.match(row.status_return_time, /^\d{17}$/)
    assert.match(row.invt_no, /I/)
    const events = await db
      .from('sw_declaration_events')
      .where('declaration_id', inventory.id)
      .where('kind', 'receipt')
      .orderBy('occurred_at')
    assert.deepEqual(
      events.map((e) => e.status),
      ['2', '120', '800']
    )
    const timeline = await TrackingService.timeline(inventory.logisticsNo!)
    assert.deepEqual(
      timeline.map((e) => e.stage),
      ['released']
    )
    assert.deepEqual(await folders.list('InBox'), [])
    assert.lengthOf(await filesIn(folders, 'ArchiveBox'), 9)
    const logged = await db.from('sw_inbox_files').where('state', 'archived')
    assert.lengthOf(logged, 9)
    assert.isTrue(logged.every((l) => l.tenant_id === tenant.id))
  })

  test('the same receipt twice changes nothing, and the second file is archived, not lost', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Twice Co')
    const [, , , inventory] = await declare(tenant.id, 5, parties)
    await receipt622(folders, 'r1.xml', inventory.copNo!, '120', T0)
    const first = await new InboxService({ folders }).run()
    assert.equal(first.applied, 1)
    const before = await db.from('sw_declarations').where('id', inventory.id).first()
    const [archived] = await filesIn(folders, 'ArchiveBox')
    await copyFile(archived, folders.path('InBox', 'r1.xml'))
    const second = await new InboxService({ folders }).run()
    assert.deepEqual([second.applied, second.duplicates, second.archived], [0, 1, 1])
    const after = await db.from('sw_declarations').where('id', inventory.id).first()
    assert.deepEqual(after, before)
    assert.lengthOf(
      await db
        .from('sw_declaration_events')
        .where({ declaration_id: inventory.id, kind: 'receipt' }),
      1
    )
    assert.lengthOf(await filesIn(folders, 'ArchiveBox'), 2)
  })

  test('receipts apply in order of returnTime: an older one arriving late joins the timeline only', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Order Co')
    const [, , , inventory] = await declare(tenant.id, 6, parties)
    // Both in one run, the newer file first by name: the order is the returnTime's.
    await receipt622(
      folders,
      'a.xml',
      inventory.copNo!,
      '800',
      T0 + 60_000,
      '[Code:2600;Desc:放行]'
    )
    await receipt622(folders, 'b.xml', inventory.copNo!, '120', T0 + 10_000)
    await new InboxService({ folders }).run()
    assert.equal((await db.from('sw_declarations').where('id', inventory.id).first()).status, '800')
    // A later run with an even older receipt.
    await receipt622(folders, 'c.xml', inventory.copNo!, '2', T0)
    await new InboxService({ folders }).run()
    const row = await db.from('sw_declarations').where('id', inventory.id).first()
    assert.equal(row.status, '800')
    const events = await db
      .from('sw_declaration_events')
      .where({ declaration_id: inventory.id, kind: 'receipt' })
      .orderBy('return_time')
    assert.deepEqual(
      events.map((e) => e.status),
      ['2', '120', '800']
    )
  })

  test('unknown status codes are kept as they are', async ({ assert }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Unknown Code Co')
    const [, , , inventory] = await declare(tenant.id, 7, parties)
    await receipt622(folders, 'odd.xml', inventory.copNo!, '18', T0, 'placeholder')
    await new InboxService({ folders }).run()
    const row = await db.from('sw_declarations').where('id', inventory.id).first()
    assert.equal(row.status, '18')
    assert.equal(row.status_text, 'placeholder')
  })

  test('a receipt for an unknown declaration goes to the FailBox with the reason, and operators are told', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const op = await operator()
    await receipt622(folders, 'stray.xml', 'NO-SUCH-COPNO', '120', T0)
    const result = await new InboxService({ folders }).run()
    assert.deepEqual([result.failed, result.applied], [1, 0])
    assert.deepEqual(await folders.list('FailBox'), ['stray.xml', 'stray.xml.reason.txt'])
    const reason = await readFile(folders.path('FailBox', 'stray.xml.reason.txt'), 'utf8')
    assert.include(reason, 'unknown_declaration')
    assert.include(reason, 'NO-SUCH-COPNO')
    const note = await db
      .from('notifications')
      .where({ user_id: op.id, kind: 'sw.receipt_unknown' })
      .first()
    assert.exists(note)
    assert.equal(note.message_key, 'sw_status.notify.unknown_declaration')
    const logged = await db.from('sw_inbox_files').where('file_name', 'stray.xml').first()
    assert.equal(logged.state, 'failed')
    assert.equal(logged.reason_code, 'unknown_declaration')
  })

  test('a file with one good and one unknown record is not half-applied', async ({ assert }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Half Co')
    const [, , , inventory] = await declare(tenant.id, 8, parties)
    await receipt622(folders, 'mixed.xml', inventory.copNo!, '120', T0)
    const xml = await readFile(folders.path('InBox', 'mixed.xml'), 'utf8')
    const record = /<InventoryReturn>[\s\S]*<\/InventoryReturn>/.exec(xml)![0]
    await writeFile(
      folders.path('InBox', 'mixed.xml'),
      xml.replace(record, record + record.replace(inventory.copNo!, 'NO-SUCH'))
    )
    await new InboxService({ folders }).run()
    assert.equal(
      (await db.from('sw_declarations').where('id', inventory.id).first()).status,
      'queued'
    )
    assert.include(await folders.list('FailBox'), 'mixed.xml')
  })

  test('hostile and unreadable files go to the FailBox with their reason; nothing is deleted', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    await operator()
    await writeFile(
      folders.path('InBox', 'bomb.xml'),
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><CEB622Message>&b;</CEB622Message>'
    )
    await writeFile(folders.path('InBox', 'html.xml'), '<html/>')
    await writeFile(folders.path('InBox', 'big.xml'), Buffer.alloc(2048, 'a'))
    const result = await new InboxService({ folders, maxBytes: 1024 }).run()
    assert.equal(result.failed, 3)
    const failbox = await folders.list('FailBox')
    for (const name of ['bomb.xml', 'html.xml', 'big.xml']) {
      assert.include(failbox, name)
      assert.include(failbox, `${name}.reason.txt`)
    }
    assert.include(
      await readFile(folders.path('FailBox', 'bomb.xml.reason.txt'), 'utf8'),
      'doctype'
    )
    assert.include(
      await readFile(folders.path('FailBox', 'html.xml.reason.txt'), 'utf8'),
      'wrong_root'
    )
    assert.include(
      await readFile(folders.path('FailBox', 'big.xml.reason.txt'), 'utf8'),
      'too_large'
    )
    assert.lengthOf(await db.from('sw_inbox_files').where('state', 'failed'), 3)
  })

  test('a receipt carrying another tenant’s codes never changes this tenant’s declaration', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const a = await swTenant('Tenant A', selfParties(DEMO_PARTIES))
    const b = await swTenant('Tenant B', OTHER)
    const [, , , invA] = await declare(a.tenant.id, 9, a.parties)
    const [, , , invB] = await declare(b.tenant.id, 9, b.parties)
    assert.equal(invA.copNo, invB.copNo)
    await receipt622(
      folders,
      'for-b.xml',
      invB.copNo!,
      '800',
      T0,
      '[Code:2600;Desc:放行]',
      OTHER.ebcCode
    )
    await new InboxService({ folders }).run()
    assert.equal((await db.from('sw_declarations').where('id', invB.id).first()).status, '800')
    assert.equal((await db.from('sw_declarations').where('id', invA.id).first()).status, 'queued')
    const logged = await db.from('sw_inbox_files').where('file_name', 'for-b.xml').first()
    assert.equal(logged.tenant_id, b.tenant.id)
  })

  test('a CEB513 waybill status becomes a delivered event of the waybill’s tenant', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const { tenant, parties } = await swTenant('Waybill Co')
    const [, , waybill] = await declare(tenant.id, 10, parties)
    await writeFile(
      folders.path('InBox', 'status.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<ceb:CEB513Message guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
  <ceb:LogisticsStatus>
    <ceb:guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</ceb:guid>
    <ceb:appType>1</ceb:appType><ceb:appTime>20261202100000</ceb:appTime><ceb:appStatus>2</ceb:appStatus>
    <ceb:logisticsCode>${parties.logisticsCode}</ceb:logisticsCode>
    <ceb:logisticsName>${parties.logisticsName}</ceb:logisticsName>
    <ceb:logisticsNo>${waybill.logisticsNo}</ceb:logisticsNo>
    <ceb:logisticsStatus>S</ceb:logisticsStatus>
    <ceb:logisticsTime>20261202093000</ceb:logisticsTime>
  </ceb:LogisticsStatus>
</ceb:CEB513Message>`
    )
    const first = await new InboxService({ folders }).run()
    assert.equal(first.applied, 1)
    const events = await TrackingService.forTenant(tenant.id, waybill.logisticsNo!)
    assert.deepEqual(
      events.map((e) => [e.stage, e.source]),
      [['delivered', 'ceb513']]
    )
    assert.equal(events[0].occurredAt.toISO(), '2026-12-02T01:30:00.000+00:00')
  })
})
