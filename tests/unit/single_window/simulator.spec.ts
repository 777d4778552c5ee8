import { test } from '@japa/runner'
import { readdir, readFile, writeFile, cp } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { buildMessage, type BuiltMessage } from '#single_window/builders/message_builder'
import { prepareSigner } from '#single_window/builders/signer'
import { DEMO_PARTIES, demoImportParcel, demoExportShipment } from '#single_window/demo_data'
import { parseReceiptFile, type ReceiptRecord } from '#single_window/receipts/receipt_parser'
import { Simulator } from '#single_window/simulator/simulator'
import { validateFiles, xsdPath } from '#single_window/simulator/xsd_validator'
import { type ExchangeFolders, messageFileName } from '#single_window/transport/exchange'
import { tempFolders } from '#tests/helpers/sw_io'

const T0 = Date.parse('2026-12-01T02:00:00Z')
const TRANSFER = {
  copCode: DEMO_PARTIES.ebcCode,
  copName: DEMO_PARTIES.ebcName,
  dxpId: 'DXPENT0000000001',
}

type Doc = ReturnType<typeof demoImportParcel>[number]

/** Builds the documents as messages and drops them into OutBox, as the outbox job would. */
async function drop(folders: ExchangeFolders, docs: Doc[]) {
  await prepareSigner()
  const built: BuiltMessage[] = []
  for (const doc of docs) {
    const message = buildMessage(doc.messageType, [{ head: doc.head, lines: doc.lines }], TRANSFER)
    await folders.writeOnce(
      'OutBox',
      messageFileName(message.messageType, message.guid),
      message.xml
    )
    built.push(message)
  }
  return built
}

/** Every receipt in InBox, parsed, in returnTime order. */
async function inbox(folders: ExchangeFolders) {
  const records: ReceiptRecord[] = []
  for (const name of await folders.list('InBox')) {
    const parsed = await parseReceiptFile(folders.path('InBox', name))
    records.push(...(parsed.records as ReceiptRecord[]))
  }
  return records.sort((a, b) => a.returnTime.localeCompare(b.returnTime))
}

const chain = (records: ReceiptRecord[], type: string) =>
  records.filter((r) => r.messageType === type).map((r) => r.returnStatus)

test.group('Joint-debugging simulator', () => {
  test('a good parcel gets 2 → 120 for its documents and 2 → 120 → 800 for the inventory list', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    await drop(folders, demoImportParcel(1))
    const simulator = new Simulator({ folders, seed: 7 })
    const first = await simulator.step(T0)
    assert.equal(first.taken, 4)
    assert.equal(first.written, 0, 'nothing is due at once')
    assert.deepEqual(await folders.list('OutBox'), [])
    assert.lengthOf(await folders.list('SentBox'), 4)
    // Over time: after 3 s every "2" is due, after 10 minutes everything.
    await simulator.step(T0 + 3_000)
    assert.deepEqual([...new Set((await inbox(folders)).map((r) => r.returnStatus))], ['2'])
    await simulator.step(T0 + 600_000)
    const records = await inbox(folders)
    assert.deepEqual(chain(records, 'CEB312'), ['2', '120'])
    assert.deepEqual(chain(records, 'CEB412'), ['2', '120'])
    assert.deepEqual(chain(records, 'CEB512'), ['2', '120'])
    assert.deepEqual(chain(records, 'CEB622'), ['2', '120', '800'])
    const released = records.find((r) => r.returnStatus === '800')!
    assert.equal(released.docNo, demoImportParcel(1)[3].head.copNo)
    assert.match(released.keys.invtNo, /^\d{4}2026I\d+$/)
    assert.equal(released.returnInfo, '[Code:2600;Desc:放行]')
  })

  test('every receipt it writes validates against the official 2022-05 XSD', async ({ assert }) => {
    const folders = await tempFolders()
    await drop(folders, [...demoImportParcel(2), ...demoExportShipment(2)])
    await new Simulator({ folders }).step(T0, { flush: true })
    const names = await folders.list('InBox')
    assert.isAtLeast(names.length, 4 * 2 + 1 + 3 * 2 + 1)
    for (const direction of ['import', 'export'] as const) {
      const files = names
        .filter((n) =>
          (direction === 'import' ? /CEB(312|412|512|622)/ : /CEB(304|506|604)/).test(n)
        )
        .map((n) => folders.path('InBox', n))
      assert.isNotEmpty(files)
      const verdicts = await validateFiles(files, xsdPath(direction, app.makePath()))
      for (const v of verdicts) assert.isTrue(v.valid, `${v.file}: ${v.errors.join('; ')}`)
    }
    const records = await inbox(folders)
    assert.deepEqual(chain(records, 'CEB304'), ['2', '399'])
    assert.deepEqual(chain(records, 'CEB604'), ['2', '120', '800'])
  })

  test('the same files, seed and clock give the same receipts', async ({ assert }) => {
    const a = await tempFolders()
    await drop(a, demoImportParcel(3))
    const b = await tempFolders()
    await cp(a.path('OutBox'), b.path('OutBox'), { recursive: true })
    await new Simulator({ folders: a, seed: 42 }).step(T0, { flush: true })
    await new Simulator({ folders: b, seed: 42 }).step(T0, { flush: true })
    const namesA = await folders(a)
    assert.deepEqual(namesA, await folders(b))
    for (const name of namesA) {
      assert.equal(
        await readFile(a.path('InBox', name), 'utf8'),
        await readFile(b.path('InBox', name), 'utf8')
      )
    }
    const c = await tempFolders()
    await cp(a.path('SentBox'), c.path('OutBox'), { recursive: true })
    await new Simulator({ folders: c, seed: 43 }).step(T0, { flush: true })
    assert.notDeepEqual(await folders(c), namesA)

    async function folders(f: ExchangeFolders) {
      return (await readdir(f.path('InBox'))).sort()
    }
  })

  test('an inventory list that does not match its payment is refused with 100 and the reason', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const docs = demoImportParcel(4)
    docs[1].head.amountPaid = '1.00'
    await drop(folders, docs)
    await new Simulator({ folders }).step(T0, { flush: true })
    const records = await inbox(folders)
    assert.deepEqual(chain(records, 'CEB622'), ['2', '100'])
    const refusal = records.find((r) => r.messageType === 'CEB622' && r.returnStatus === '100')!
    assert.equal(refusal.infoCode, '1326')
    assert.include(refusal.returnInfo, '支付金额')
  })

  test('an inventory list waits for its three documents, then is refused when they never come', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const docs = demoImportParcel(5)
    await drop(folders, [docs[3]])
    const simulator = new Simulator({ folders, matchWaitMs: 60_000 })
    const first = await simulator.step(T0)
    assert.equal(first.waiting, 1)
    // The order, payment and waybill arrive in time: the list is matched and released.
    await drop(folders, docs.slice(0, 3))
    await simulator.step(T0 + 30_000)
    await simulator.step(T0 + 900_000)
    assert.deepEqual(chain(await inbox(folders), 'CEB622'), ['2', '120', '800'])

    const late = await tempFolders()
    await drop(late, [demoImportParcel(6)[3]])
    const alone = new Simulator({ folders: late, matchWaitMs: 60_000 })
    await alone.step(T0)
    await alone.step(T0 + 61_000)
    await alone.step(T0 + 900_000)
    const records = await inbox(late)
    assert.deepEqual(chain(records, 'CEB622'), ['2', '100'])
    assert.include(records[1].returnInfo, '三单对碰失败')
  })

  test('an order number declared twice gets -301010', async ({ assert }) => {
    const folders = await tempFolders()
    const order = demoImportParcel(7)[0]
    await drop(folders, [order])
    const simulator = new Simulator({ folders })
    await simulator.step(T0, { flush: true })
    await drop(folders, [order])
    await simulator.step(T0 + 600_000, { flush: true })
    const records = await inbox(folders)
    assert.deepEqual(chain(records, 'CEB312'), ['2', '120', '-301010'])
  })

  test('a message that fails the XSD is refused with 100 and xmllint’s reason', async ({
    assert,
  }) => {
    const folders = await tempFolders()
    const [message] = await drop(folders, [demoImportParcel(8)[0]])
    const name = messageFileName(message.messageType, message.guid)
    const xml = await readFile(folders.path('OutBox', name), 'utf8')
    await writeFile(
      folders.path('OutBox', name),
      xml.replace(/<ceb:currency>142<\/ceb:currency>/, '<ceb:currency>RMB1</ceb:currency>')
    )
    await new Simulator({ folders }).step(T0, { flush: true })
    const records = await inbox(folders)
    assert.deepEqual(chain(records, 'CEB312'), ['2', '100'])
    assert.include(records[1].returnInfo, 'XSD')
    assert.include(records[1].returnInfo, 'currency')
  })

  test('a file that is not a CEB message goes to the FailBox with a reason', async ({ assert }) => {
    const folders = await tempFolders()
    await writeFile(folders.path('OutBox', 'CEB311Message_junk.xml'), '<hello/>')
    const result = await new Simulator({ folders }).step(T0)
    assert.equal(result.failed, 1)
    assert.deepEqual(await folders.list('FailBox'), [
      'CEB311Message_junk.xml',
      'CEB311Message_junk.xml.reason.txt',
    ])
    assert.isNotEmpty(
      await readFile(join(folders.root, 'FailBox', 'CEB311Message_junk.xml.reason.txt'), 'utf8')
    )
  })
})
