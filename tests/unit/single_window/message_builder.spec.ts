import { test } from '@japa/runner'
import { XMLParser } from 'fast-xml-parser'
import { buildMessage } from '#single_window/builders/message_builder'
import { prepareSigner, verifyEnveloped } from '#single_window/builders/signer'
import { signAll } from '#single_window/builders/sign_pool'
import { demoExportShipment, demoImportParcel } from '#single_window/demo_data'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import { MESSAGE_TYPES, OUTGOING_TYPES } from '#single_window/message_types'
import { xmllint } from '#tests/helpers/single_window'

const transfer = {
  copCode: '4403660A01',
  copName: '杭州云帆跨境电子商务有限公司',
  dxpId: 'DXPENT0000660001',
}
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/

const documents = () => [
  ...demoImportParcel(1, undefined, '9610'),
  ...demoImportParcel(2, undefined, '1210'),
  ...demoExportShipment(1, undefined, '9610'),
  ...demoExportShipment(2, undefined, '9710'),
  ...demoExportShipment(3, undefined, '9810'),
]

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, preserveOrder: true })

/** Element names under a node, in document order (preserveOrder output). */
const childNames = (nodes: any[]) =>
  nodes.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text')

test.group('Single window: message builder', (group) => {
  group.setup(() => prepareSigner())

  test('every outgoing message type validates against the official 2022-05 XSD', async ({
    assert,
  }) => {
    const seen = new Set<string>()
    for (const doc of documents()) {
      const built = buildMessage(doc.messageType, [{ head: doc.head, lines: doc.lines }], transfer)
      const verdict = await xmllint(built.xml, MESSAGE_TYPES[doc.messageType].direction)
      assert.isTrue(verdict.valid, `${doc.messageType} ${doc.businessMode}: ${verdict.output}`)
      seen.add(doc.messageType)
    }
    assert.sameMembers([...seen], OUTGOING_TYPES)
  }).timeout(60000)

  test('a message with 100 records (the XSD maximum) validates; 101 is refused', async ({
    assert,
  }) => {
    const records = Array.from({ length: 100 }, (_, i) => {
      const order = demoImportParcel(i)[0]
      return { head: order.head, lines: order.lines }
    })
    const built = buildMessage('CEB311', records, transfer)
    assert.isTrue((await xmllint(built.xml, 'import')).valid)
    assert.throws(() => buildMessage('CEB311', [...records, records[0]], transfer))
  }).timeout(30000)

  test('root guid is a 36-character upper-case UUID, version 1.0, BaseTransfer from the profile', ({
    assert,
  }) => {
    const doc = demoImportParcel(3)[0]
    const built = buildMessage('CEB311', [{ head: doc.head, lines: doc.lines }], transfer)
    assert.match(built.guid, GUID)
    assert.include(
      built.xml,
      `<ceb:CEB311Message guid="${built.guid}" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">`
    )
    assert.include(built.xml, `<ceb:OrderHead><ceb:guid>${built.guid}</ceb:guid>`)
    assert.include(
      built.xml,
      '<ceb:BaseTransfer><ceb:copCode>4403660A01</ceb:copCode><ceb:copName>杭州云帆跨境电子商务有限公司</ceb:copName><ceb:dxpMode>DXP</ceb:dxpMode><ceb:dxpId>DXPENT0000660001</ceb:dxpId></ceb:BaseTransfer>'
    )
    const two = buildMessage('CEB311', [{ head: doc.head, lines: doc.lines }], transfer)
    assert.notEqual(two.guid, built.guid)
  })

  test('elements follow the XSD sequence whatever order the input has', ({ assert }) => {
    const doc = demoImportParcel(4)[3]
    const reversed = Object.fromEntries(Object.entries(doc.head).reverse())
    const built = buildMessage('CEB621', [{ head: reversed, lines: doc.lines }], transfer)
    const tree = parser.parse(built.xml)
    const root = tree.find((n: any) => n.CEB621Message).CEB621Message
    assert.deepEqual(childNames(root), ['Inventory', 'BaseTransfer', 'Signature'])
    const inventory = root[0].Inventory
    const head = inventory[0].InventoryHead
    const expected = FIELD_SPECS.CEB621.head.fields
      .map((f) => f.name)
      .filter((n) => n === 'guid' || doc.head[n])
    assert.deepEqual(childNames(head), expected)
  })

  test('text is escaped, so names with & and < stay data', async ({ assert }) => {
    const doc = demoImportParcel(5)[0]
    const head = { ...doc.head, ebcName: 'A&B <Trading> "Co"' }
    const built = buildMessage('CEB311', [{ head, lines: doc.lines }], transfer)
    assert.include(built.xml, 'A&amp;B &lt;Trading&gt;')
    assert.isTrue((await xmllint(built.xml, 'import')).valid)
  })

  test('CEB621 carries an enveloped ds:Signature that verifies, and fails once the data changes', ({
    assert,
  }) => {
    const doc = demoImportParcel(6)[3]
    const built = buildMessage('CEB621', [{ head: doc.head, lines: doc.lines }], transfer)
    assert.include(built.xml, '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">')
    assert.include(built.xml, '<ds:Reference URI="">')
    assert.include(built.xml, 'http://www.w3.org/2000/09/xmldsig#enveloped-signature')
    assert.include(built.xml, '<ds:KeyName>')
    assert.isTrue(verifyEnveloped(built.xml))
    const tampered = built.xml.replace(
      `<ceb:buyerName>${doc.head.buyerName}</ceb:buyerName>`,
      '<ceb:buyerName>冒名</ceb:buyerName>'
    )
    assert.notEqual(tampered, built.xml)
    assert.isFalse(verifyEnveloped(tampered))
  })

  test('the batch path signs on worker threads: same order, each signature verifies, XSD-valid', async ({
    assert,
  }) => {
    const docs = Array.from({ length: 12 }, (_, i) => demoImportParcel(100 + i)[3])
    const unsigned = docs.map(
      (d) =>
        buildMessage('CEB621', [{ head: d.head, lines: d.lines }], transfer, { sign: false }).xml
    )
    assert.notInclude(unsigned[0], 'ds:Signature')
    assert.isFalse((await xmllint(unsigned[0], 'import')).valid)
    const signed = await signAll(unsigned)
    assert.lengthOf(signed, docs.length)
    signed.forEach((xml, i) => {
      assert.include(xml, `<ceb:copNo>${docs[i].head.copNo}</ceb:copNo>`)
      assert.isTrue(verifyEnveloped(xml), `message ${i}`)
    })
    assert.isTrue((await xmllint(signed[11], 'import')).valid)
  }).timeout(30000)

  test('the export XSD rejects a message the builder did not make (the test can fail)', async ({
    assert,
  }) => {
    const doc = demoExportShipment(4)[2]
    const built = buildMessage('CEB603', [{ head: doc.head, lines: doc.lines }], transfer)
    const broken = built.xml.replace(/<ceb:ieFlag>E<\/ceb:ieFlag>/, '')
    const verdict = await xmllint(broken, 'export')
    assert.isFalse(verdict.valid)
    assert.include(verdict.output, 'ieFlag')
  })
})
