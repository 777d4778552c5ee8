import { test } from '@japa/runner'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { ApiRequest } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#core/models/audit_log'
import { verifyBundle } from '#audits/outputs/bundle_verifier'
import { makeAuditWorld, readZip, tempDir } from '#tests/helpers/audit_outputs'

/** The bundle arrives as bytes, so the test can unpack and verify it. */
ApiRequest.addParser('application/zip', (res, callback) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => callback(null, Buffer.concat(chunks)))
})

const OUTPUTS = ['report.xlsx', 'report', 'bundle.zip']

test.group('Audit outputs over HTTP', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an evaluator downloads the report workbook, in Chinese by default', async ({
    client,
    assert,
  }) => {
    const { audit, world } = await makeAuditWorld()
    const response = await client.get(`/audits/${audit.id}/report.xlsx`).loginAs(world.evaluator)
    response.assertStatus(200)
    response.assertHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    )
    assert.include(response.header('content-disposition'), `audit-${audit.id}-report.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['概览', '条款', '不符合项']
    )
    assert.equal(book.getWorksheet('条款')!.rowCount, 6)
    const entry = await AuditLog.query()
      .where({ action: 'audit.report_exported', subjectId: String(audit.id) })
      .firstOrFail()
    assert.equal(entry.actorId, world.evaluator.id)
  })

  test('an operator downloads the bundle as a stream; it unpacks and verifies', async ({
    client,
    assert,
  }) => {
    const { audit, world, document } = await makeAuditWorld()
    const response = await client.get(`/audits/${audit.id}/bundle.zip`).loginAs(world.operator)
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/zip')
    assert.isUndefined(response.header('content-length'))
    const file = join(await tempDir(), 'download.zip')
    await writeFile(file, response.body() as Buffer)
    const report = await verifyBundle(file)
    assert.isTrue(report.ok)
    const names = (await readZip(file)).map((e) => e.name)
    assert.include(names, `clauses/5.1.2/documents/${document.id}-部门职责.pdf`)
    assert.include(names, 'index.html')
    // The trail entry is written once the last byte went out: it keeps the manifest's hash.
    let entry: AuditLog | null = null
    for (let i = 0; i < 50 && !entry; i++) {
      entry = await AuditLog.query()
        .where({ action: 'audit.bundle_exported', subjectId: String(audit.id) })
        .first()
      if (!entry) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    assert.equal(JSON.parse(entry!.afterValues!).manifestSha256, report.manifestSha256)
  })

  test('the print report is an A4 page with the clauses and flags a tampered document', async ({
    client,
    assert,
  }) => {
    const { audit, world, document } = await makeAuditWorld()
    await drive.use().put(document.storageKey, '%PDF-1.4 forged')
    const response = await client.get(`/audits/${audit.id}/report`).loginAs(world.evaluator)
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'size: A4')
    assert.include(html, '条款评价明细')
    assert.include(html, '应明确各部门职责。')
    assert.include(html, '【已篡改：文件与上传时的哈希不符】')
    assert.include(html, `/audits/${audit.id}/bundle.zip`)
  })

  test('tenants never get an output, anonymous visitors are sent to log in', async ({ client }) => {
    const { audit, world } = await makeAuditWorld()
    for (const output of OUTPUTS) {
      const url = `/audits/${audit.id}/${output}`
      ;(await client.get(url).loginAs(world.adminA).redirects(0)).assertStatus(403)
      ;(await client.get(url).loginAs(world.memberA).redirects(0)).assertStatus(403)
      const anonymous = await client.get(url).redirects(0)
      anonymous.assertStatus(302)
      anonymous.assertHeader('location', '/login')
    }
  })

  test('an unknown audit is a 404', async ({ client }) => {
    const { world } = await makeAuditWorld()
    for (const output of OUTPUTS) {
      ;(await client.get(`/audits/999999/${output}`).loginAs(world.evaluator)).assertStatus(404)
    }
  })

  test('a reader who chose English gets English sheets', async ({ client, assert }) => {
    const { audit, world } = await makeAuditWorld()
    await world.evaluator.merge({ locale: 'en' }).save()
    const response = await client.get(`/audits/${audit.id}/report.xlsx`).loginAs(world.evaluator)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(response.body() as any)
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['Summary', 'Clauses', 'Findings']
    )
  })
})
