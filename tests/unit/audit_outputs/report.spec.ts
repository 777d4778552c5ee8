import { test } from '@japa/runner'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import drive from '@adonisjs/drive/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { checkIntegrity, loadReportData } from '#audits/outputs/report_data'
import { buildReportWorkbook } from '#audits/outputs/report_workbook'
import { BundleWriter } from '#audits/outputs/bundle_writer'
import { writeBundle } from '#audits/outputs/bundle'
import { verifyBundle } from '#audits/outputs/bundle_verifier'
import { makeAuditWorld, readZip, saveTo, tempDir } from '#tests/helpers/audit_outputs'

const zh = () => i18nManager.locale('zh-CN')
const en = () => i18nManager.locale('en')

async function openBook(buffer: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as any)
  return book
}

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1)

async function bundleOf(audit: Parameters<typeof writeBundle>[0], locale = zh()) {
  const file = join(await tempDir(), 'bundle.zip')
  const writer = new BundleWriter()
  const saved = saveTo(writer.stream, file)
  const manifest = await writeBundle(audit, locale, writer)
  await saved
  return { file, manifest, writer }
}

test.group('Audit outputs: report data and workbook', (group) => {
  // The providers link to their records by route name: commit the routes as the server does.
  group.setup(() => router.commit())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('conformity by chapter and verdict counts come from the verdicts', async ({ assert }) => {
    const { audit } = await makeAuditWorld()
    const data = await loadReportData(audit, zh())
    assert.deepEqual(
      data.chapters.map((c) => [c.chapter, c.clauses, c.counts.conforming, c.counts.minor, c.rate]),
      [
        ['5', 3, 2, 1, 2 / 3],
        ['6', 1, 1, 0, 1],
        // 7.3.1 is not applicable: no rate without an assessed clause.
        ['7', 1, 0, 0, null],
      ]
    )
    assert.equal(data.totals.counts.not_applicable, 1)
    assert.equal(data.totals.rate, 3 / 4)
    assert.lengthOf(data.findings, 1)
    assert.equal(data.findings[0].clauseNumber, '5.4.1')
    const register = data.clauses.find((c) => c.number === '5.3.1')!
    assert.deepEqual(
      register.live.map((l) => [l.key, l.result.count]),
      [['park.tenants', 2]]
    )
    // 7.3.1 is under 7.3: the complaint archive stands for it.
    const complaints = data.clauses.find((c) => c.number === '7.3.1')!
    assert.deepEqual(
      complaints.live.map((l) => [l.key, l.result.count]),
      [['complaints.archive', 2]]
    )
    assert.equal(data.clauses.find((c) => c.number === '6.1.1')!.confirmations[0].yes, 1)
    assert.equal(data.clauses.find((c) => c.number === '7.3.1')!.samples[0].pass, 2)
  })

  test('the workbook has a summary, one row per clause and the findings, in Chinese', async ({
    assert,
  }) => {
    const { audit } = await makeAuditWorld()
    const data = await checkIntegrity(await loadReportData(audit, zh()))
    const book = await openBook(await buildReportWorkbook(data, zh()))
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['概览', '条款', '不符合项']
    )
    const summary = book.getWorksheet('概览')!
    const rows: unknown[][] = []
    let chapterRow = 0
    summary.eachRow((row, n) => {
      rows.push(values(row))
      if (values(row)[0] === '5 服务保障') chapterRow = n
    })
    const chapter5 = values(summary.getRow(chapterRow))
    assert.deepEqual(chapter5.slice(1, 4), [3, 2, 1])
    assert.closeTo(chapter5[8] as number, 2 / 3, 1e-9)
    assert.equal(summary.getRow(chapterRow).getCell(9).numFmt, '0.0%')
    assert.deepEqual(
      rows.find((r) => r[0] === '不符合项数'),
      ['不符合项数', 1]
    )

    const clauses = book.getWorksheet('条款')!
    assert.deepEqual(values(clauses.getRow(1)).slice(0, 7), [
      '条款号',
      '英文标题',
      '要求',
      '要求类型',
      '验证方法（第 8 章）',
      '证据状态',
      '评价结论',
    ])
    assert.equal(clauses.rowCount, 6)
    const first = values(clauses.getRow(2))
    assert.equal(first[0], '5.1.2')
    assert.equal(first[2], '应明确各部门职责。')
    assert.equal(first[4], '归档并管理 (8.1.1.2)')
    assert.equal(first[6], '符合')
    assert.equal(first[7], '职责清晰')
    assert.include(first[9] as string, '部门职责说明')
    assert.notInclude(first[9] as string, '已篡改')
    assert.include(values(clauses.getRow(6))[9] as string, '抽样 投诉（种子 seed-1）：2 条，通过 2')

    const findings = book.getWorksheet('不符合项')!
    assert.equal(findings.rowCount, 2)
    assert.deepEqual(values(findings.getRow(2)).slice(0, 3), [
      '5.4.1',
      '轻微不符合',
      '展厅周末未开放',
    ])
  })

  test('in English the headers and vocabularies are English', async ({ assert }) => {
    const { audit } = await makeAuditWorld()
    const book = await openBook(await buildReportWorkbook(await loadReportData(audit, en()), en()))
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['Summary', 'Clauses', 'Findings']
    )
    const row = values(book.getWorksheet('Clauses')!.getRow(2))
    assert.deepEqual(
      [row[3], row[4], row[6]],
      ['shall', 'Records archived (8.1.1.2)', 'Conforming']
    )
  })

  test('a document whose stored bytes changed is flagged tampered in the report', async ({
    assert,
  }) => {
    const { audit, document } = await makeAuditWorld()
    await drive.use().put(document.storageKey, '%PDF-1.4 forged')
    const data = await checkIntegrity(await loadReportData(audit, zh()))
    assert.equal(data.documents[0].integrity, 'tampered')
    const book = await openBook(await buildReportWorkbook(data, zh()))
    assert.include(values(book.getWorksheet('条款')!.getRow(2))[9] as string, '【已篡改')
  })
})

test.group('Audit outputs: evidence bundle', (group) => {
  // The providers link to their records by route name: commit the routes as the server does.
  group.setup(() => router.commit())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a folder per clause with its files, live exports, index and manifest; it verifies', async ({
    assert,
  }) => {
    const { audit, document, world } = await makeAuditWorld()
    const { file, manifest } = await bundleOf(audit)
    const entries = await readZip(file)
    const names = entries.map((e) => e.name)
    const pdf = `clauses/5.1.2/documents/${document.id}-部门职责.pdf`
    assert.includeMembers(names, [
      pdf,
      'clauses/5.1.2/live-park.departments.csv',
      'clauses/5.3.1/live-park.tenants.csv',
      'clauses/7.3.1/live-complaints.archive.csv',
      'clauses/5.4.1/observations.csv',
      'clauses/6.1.1/confirmations.csv',
      'clauses/7.3.1/samples.csv',
      'audit/report.xlsx',
      'index.html',
      'manifest.json',
    ])
    assert.equal(names.at(-1), 'manifest.json')
    assert.isTrue(names.some((n) => /^clauses\/5\.4\.1\/photos\/.+展厅\.jpg$/.test(n)))
    // The document supports 5.1.2 and 5.3.1: written once, in the first clause's folder.
    assert.lengthOf(
      names.filter((n) => n.endsWith('部门职责.pdf')),
      1
    )
    // The tenant register and the complaint archive, streamed from the providers' rows.
    const tenants = entries.find((e) => e.name.endsWith('live-park.tenants.csv'))!
    const csv = tenants.data.toString('utf8')
    assert.include(csv, world.tenantA.name)
    assert.include(csv, world.tenantB.uscc)
    const archive = entries.find((e) => e.name.endsWith('live-complaints.archive.csv'))!
    const lines = archive.data.toString('utf8').split('\r\n')
    assert.lengthOf(lines, 4)
    assert.include(lines[2] + lines[1], '空调不制冷')
    const answers = entries.find((e) => e.name === 'clauses/6.1.1/confirmations.csv')!
    assert.include(answers.data.toString('utf8'), '有专人指导')
    const index = entries.find((e) => e.name === 'index.html')!.data.toString('utf8')
    assert.include(index, `href="${pdf}"`)
    assert.notInclude(index, 'http://')
    assert.notInclude(index, '<script')
    assert.include(index, '所有文件与上传时的哈希一致')
    assert.equal(manifest.files.find((f) => f.path === pdf)!.tampered, false)
    const report = await verifyBundle(file)
    assert.isTrue(report.ok)
    assert.equal(report.matched, manifest.files.length)
  })

  test('a tampered document is flagged in the manifest and the index', async ({ assert }) => {
    const { audit, document } = await makeAuditWorld()
    await drive.use().put(document.storageKey, '%PDF-1.4 forged')
    const { file, manifest } = await bundleOf(audit, en())
    const line = manifest.files.find((f) => f.kind === 'document')!
    assert.isTrue(line.tampered)
    assert.equal(line.recordedSha256, document.sha256)
    const index = (await readZip(file)).find((e) => e.name === 'index.html')!.data.toString('utf8')
    assert.include(index, 'TAMPERED')
    assert.include(index, '1 file no longer matches its upload hash')
    const report = await verifyBundle(file)
    // The bundle is what storage held: intact as a bundle, with the flagged file listed.
    assert.isTrue(report.ok)
    assert.deepEqual(report.tampered, [line.path])
  })

  test('a document gone from storage is a note in the bundle, flagged missing', async ({
    assert,
  }) => {
    const { audit, document } = await makeAuditWorld()
    await drive.use().delete(document.storageKey)
    const { manifest } = await bundleOf(audit)
    const line = manifest.files.find((f) => f.kind === 'document')!
    assert.isTrue(line.missing)
    assert.match(line.path, /\.missing\.txt$/)
  })
})
