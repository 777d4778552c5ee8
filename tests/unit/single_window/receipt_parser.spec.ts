import { test } from '@japa/runner'
import { mkdtemp, readdir, readFile, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import app from '@adonisjs/core/services/app'
import {
  parseReceipt,
  parseReceiptFile,
  ReceiptParseError,
  type ReceiptRecord,
} from '#single_window/receipts/receipt_parser'
import { RECEIPT_TYPES } from '#single_window/receipts/receipt_types'

const SAMPLES = app.makePath('resources/ceb/samples')

/** Every 2022-05 receipt sample (and the CEB513 waybill status) in the repository's copy. */
async function receiptSamples() {
  const out: string[] = []
  for (const dir of ['import', 'export']) {
    for (const name of await readdir(join(SAMPLES, dir))) {
      const type = /^CEB(\d{3})/.exec(name)?.[0]
      if (type && (RECEIPT_TYPES[type] || type === 'CEB513')) out.push(join(SAMPLES, dir, name))
    }
  }
  return out.sort()
}

const RECEIPT_622 = (status = '800', prefix = '') => {
  const p = prefix ? `${prefix}:` : ''
  const ns = prefix ? `xmlns:${prefix}` : 'xmlns'
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}CEB622Message ${ns}="http://www.chinaport.gov.cn/ceb" guid="0D3B5D39-7F7E-4E37-9C39-1B7B8B4F2A10" version="1.0">
  <${p}InventoryReturn>
    <${p}guid>0D3B5D39-7F7E-4E37-9C39-1B7B8B4F2A10</${p}guid>
    <${p}customsCode>5141</${p}customsCode>
    <${p}ebpCode>4401960001</${p}ebpCode>
    <${p}ebcCode>4401960002</${p}ebcCode>
    <${p}agentCode>4401960003</${p}agentCode>
    <${p}copNo>COP202612030001</${p}copNo>
    <${p}preNo>B20261203000000001</${p}preNo>
    <${p}invtNo>51412026I000000001</${p}invtNo>
    <${p}returnStatus>${status}</${p}returnStatus>
    <${p}returnTime>20261203153001123</${p}returnTime>
    <${p}returnInfo>[Code:2600;Desc:放行]</${p}returnInfo>
  </${p}InventoryReturn>
</${p}CEB622Message>`
}

test.group('Receipt parser', () => {
  test('every official 2022-05 receipt sample parses', async ({ assert }) => {
    const files = await receiptSamples()
    // 312 412 512 514 622 624 626 712 (import), 214 216 304 404 506 508 510 604 606 608 702 (export), 513
    assert.isAtLeast(files.length, 20)
    for (const file of files) {
      const parsed = await parseReceiptFile(file)
      assert.isAbove(parsed.records.length, 0, file)
      for (const record of parsed.records) {
        if (record.kind === 'receipt') {
          assert.match(record.returnTime, /^\d{17}$/, file)
          assert.isString(record.returnStatus)
          assert.instanceOf(record.returnAt, Date)
        } else {
          assert.equal(record.messageType, 'CEB513')
          assert.isString(record.logisticsNo)
        }
      }
    }
  })

  test('the seven receipts ParkGate applies yield their keys, default namespace or prefixed, BOM or not', async ({
    assert,
  }) => {
    const expectations: Array<[string, string, string]> = [
      ['import/CEB312Message.xml', 'orderNo', 'order20160321116420545'],
      ['import/CEB412Message.xml', 'payTransactionId', ''],
      ['import/CEB512Message.xml', 'logisticsNo', ''],
      ['import/CEB622Message.xml', 'copNo', 'cop2016032211000'],
      ['export/CEB304Message.xml', 'orderNo', ''],
      ['export/CEB506Message.xml', 'logisticsNo', ''],
      ['export/CEB604Message.xml', 'copNo', 'Cop20180507001'],
    ]
    for (const [file, key, value] of expectations) {
      const parsed = await parseReceiptFile(join(SAMPLES, file))
      const record = parsed.records[0] as ReceiptRecord
      assert.equal(record.kind, 'receipt')
      assert.equal(record.docNo, record.keys[key], file)
      assert.isNotEmpty(record.docNo, file)
      if (value) assert.equal(record.docNo, value)
    }
    // CEB604 sample: UTF-8 with a BOM and the ceb: prefix.
    const bytes = await readFile(join(SAMPLES, 'export/CEB604Message.xml'))
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const r604 = (await parseReceiptFile(join(SAMPLES, 'export/CEB604Message.xml')))
      .records[0] as ReceiptRecord
    assert.equal(r604.keys.statisticsFlag, '1')
    assert.equal(r604.returnStatus, '2')
    assert.equal(r604.requestType, 'CEB603')
  })

  test('a receipt with a prefix and one without give the same record', async ({ assert }) => {
    const a = parseReceipt(Buffer.from(RECEIPT_622()))
    const b = parseReceipt(Buffer.from(RECEIPT_622('800', 'x')))
    assert.deepEqual(a.records, b.records)
    const record = a.records[0] as ReceiptRecord
    assert.equal(record.returnStatus, '800')
    assert.equal(record.infoCode, '2600')
    assert.equal(record.infoDesc, '放行')
    assert.equal(record.keys.invtNo, '51412026I000000001')
    // 15:30:01.123 in Shanghai is 07:30:01.123 UTC.
    assert.equal(record.returnAt.toISOString(), '2026-12-03T07:30:01.123Z')
  })

  test('GB2312/GBK declared in the XML declaration is decoded', async ({ assert }) => {
    const xml = RECEIPT_622('100')
      .replace('UTF-8', 'GB2312')
      .replace('[Code:2600;Desc:放行]', '海关退单：商品信息不符')
    const gbk = iconv.encode(xml, 'gbk')
    assert.notDeepEqual(gbk, Buffer.from(xml))
    const record = parseReceipt(gbk).records[0] as ReceiptRecord
    assert.equal(record.returnInfo, '海关退单：商品信息不符')
    assert.equal(parseReceipt(gbk).encoding, 'gb2312')
  })

  test('unknown status codes are kept exactly as received', async ({ assert }) => {
    const record = parseReceipt(RECEIPT_622('0777')).records[0] as ReceiptRecord
    assert.equal(record.returnStatus, '0777')
    const negative = parseReceipt(RECEIPT_622('-301010')).records[0] as ReceiptRecord
    assert.equal(negative.returnStatus, '-301010')
  })

  test('hostile and broken input is refused with a reason: {name}')
    .with([
      {
        name: 'entity expansion',
        code: 'doctype',
        xml: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<CEB622Message xmlns="http://www.chinaport.gov.cn/ceb"><InventoryReturn><returnInfo>&lol2;</returnInfo></InventoryReturn></CEB622Message>`,
      },
      {
        name: 'external entity',
        code: 'doctype',
        xml: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><CEB622Message>&x;</CEB622Message>`,
      },
      { name: 'wrong root', code: 'wrong_root', xml: '<html><body>hello</body></html>' },
      {
        name: 'a request, not a receipt',
        code: 'wrong_root',
        xml: '<CEB621Message xmlns="http://www.chinaport.gov.cn/ceb"><Inventory/></CEB621Message>',
      },
      {
        name: 'wrong namespace',
        code: 'wrong_namespace',
        xml: RECEIPT_622().replace('http://www.chinaport.gov.cn/ceb', 'http://example.com/ceb'),
      },
      {
        name: 'prefix bound to nothing',
        code: 'malformed',
        xml: RECEIPT_622('800', 'ceb').replace(' xmlns:ceb="http://www.chinaport.gov.cn/ceb"', ''),
      },
      {
        name: 'missing returnStatus',
        code: 'missing_field',
        xml: RECEIPT_622().replace('<returnStatus>800</returnStatus>', ''),
      },
      {
        name: 'missing copNo',
        code: 'missing_field',
        xml: RECEIPT_622().replace('<copNo>COP202612030001</copNo>', ''),
      },
      {
        name: 'bad returnTime',
        code: 'invalid_field',
        xml: RECEIPT_622().replace('20261203153001123', '2026-12-03'),
      },
      { name: 'not XML', code: 'malformed', xml: 'this is not xml <<<' },
      { name: 'empty', code: 'empty', xml: '   ' },
      {
        name: 'no records',
        code: 'no_records',
        xml: '<CEB622Message xmlns="http://www.chinaport.gov.cn/ceb" guid="x"></CEB622Message>',
      },
    ])
    .run(({ assert }, row) => {
      try {
        parseReceipt(Buffer.from(row.xml))
        assert.fail('parsed')
      } catch (error) {
        assert.instanceOf(error, ReceiptParseError)
        // An unbound prefix is either malformed for the validator or a wrong namespace.
        if (row.name === 'prefix bound to nothing') {
          assert.include(['malformed', 'wrong_namespace'], (error as ReceiptParseError).code)
        } else assert.equal((error as ReceiptParseError).code, row.code)
      }
    })

  test('invalid UTF-8 is refused, not patched', async ({ assert }) => {
    const bytes = Buffer.concat([
      Buffer.from(RECEIPT_622().slice(0, 200)),
      Buffer.from([0xc3, 0x28]),
    ])
    assert.throws(() => parseReceipt(bytes), /bad_encoding/)
  })

  test('a 50 MB file is refused without being read into memory', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'pg-receipt-'))
    const path = join(dir, 'huge.xml')
    const handle = await open(path, 'w')
    // A sparse 50 MB file: the size is real, the disk is not used.
    await handle.truncate(50 * 1024 * 1024)
    await handle.close()
    const before = process.memoryUsage().rss
    await assert.rejects(() => parseReceiptFile(path), /too_large/)
    assert.isBelow(process.memoryUsage().rss - before, 20 * 1024 * 1024)
  })
})
