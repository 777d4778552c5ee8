import { createWriteStream } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { DateTime } from 'luxon'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import db from '@adonisjs/lucid/services/db'
import { makeWorld, type World } from '#tests/helpers/world'
import { fileComplaint, makeCategory } from '#tests/helpers/complaints'
import FrameworkService from '#audits/services/framework_service'
import AuditService from '#audits/services/audit_service'
import DocumentService from '#audits/services/document_service'
import ObservationService from '#audits/services/observation_service'
import ConfirmationService from '#audits/services/confirmation_service'
import SampleService from '#audits/services/sample_service'
import VerdictService from '#audits/services/verdict_service'
import AuditClause from '#audits/models/audit_clause'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import AuditSampleItem from '#audits/models/audit_sample_item'

/** A fresh temporary directory for bundles. */
export function tempDir() {
  return mkdtemp(join(tmpdir(), 'pg-bundle-'))
}

/** Writes a readable (a bundle's stream) to a file. */
export async function saveTo(stream: Readable, file: string) {
  await pipeline(stream, createWriteStream(file))
  return file
}

/** Every entry of a zip with its bytes, in order (small test bundles only). */
export function readZip(file: string) {
  return new Promise<Array<{ name: string; data: Buffer }>>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const out: Array<{ name: string; data: Buffer }> = []
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/** Writes entries to a new zip: how the tests forge tampered bundles. */
export async function writeZip(file: string, entries: Array<{ name: string; data: Buffer }>) {
  const zip = new yazl.ZipFile()
  for (const e of entries) zip.addBuffer(e.data, e.name)
  zip.end()
  await saveTo(zip.outputStream as Readable, file)
  return file
}

/** The bytes of the test's evidence files. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n')
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 9, 9])

/** An upload as the services take it, from bytes. */
export async function upload(name: string, content: Buffer) {
  const dir = await tempDir()
  const tmpPath = join(dir, 'upload')
  await writeFile(tmpPath, content)
  return { tmpPath, size: content.length, clientName: name } as unknown as MultipartFile
}

let frameworkSeq = 0

/** A small framework: one clause per §8 method, and the tenant register's clause. */
export function testFramework() {
  return {
    code: `TEST-${Date.now()}-${frameworkSeq++}`,
    title: '测试框架',
    version: '1',
    clauses: [
      {
        number: '5.1.2',
        textZh: '应明确各部门职责。',
        titleEn: 'Department responsibilities',
        obligation: 'shall',
        methods: [{ method: 'records', verifiedBy: '8.1.1.2' }],
      },
      {
        number: '5.3.1',
        textZh: '入驻企业应不少于 15 家。',
        titleEn: 'At least 15 tenants',
        obligation: 'shall',
        methods: [{ method: 'records', verifiedBy: '8.1.3.1' }],
      },
      {
        number: '5.4.1',
        textZh: '宜配备公共设施。',
        titleEn: 'Shared facilities',
        obligation: 'should',
        methods: [{ method: 'onsite', verifiedBy: '8.1.4.1' }],
      },
      {
        number: '6.1.1',
        textZh: '应提供通关咨询服务。',
        titleEn: 'Customs clearance guidance',
        obligation: 'shall',
        methods: [{ method: 'confirmation', verifiedBy: '8.2.1.1' }],
      },
      {
        number: '7.3.1',
        textZh: '应建立投诉处理机制。',
        titleEn: 'Complaint handling',
        obligation: 'shall',
        methods: [{ method: 'process', verifiedBy: '8.3.3' }],
      },
    ],
  }
}

/**
 * An audit of the test framework in review with every kind of evidence: a document (5.1.2), an
 * observation with a photo (5.4.1), a confirmation answered by tenant A (6.1.1), a judged sample
 * of complaints (7.3.1), verdicts on every clause and a finding for the nonconformity.
 */
export async function makeAuditWorld(existing?: World) {
  const world = existing ?? (await makeWorld())
  const { framework } = await new FrameworkService().import(testFramework())
  const clauses = await AuditClause.query().where('frameworkId', framework.id).orderBy('position')
  const id = (n: string) => clauses.find((c) => c.number === n)!.id
  const year = DateTime.now().setZone('Asia/Shanghai').year
  const audit = await new AuditService().create(
    {
      frameworkId: framework.id,
      title: '2026 年度园区服务评价',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      evaluatorIds: [world.evaluator.id],
    },
    world.operator
  )
  await new AuditService().transition(audit, 'start', world.operator)
  const document = await new DocumentService().upload(
    audit,
    await upload('部门职责.pdf', PDF),
    { title: '部门职责说明', clauseIds: [id('5.1.2'), id('5.3.1')], effectiveOn: `${year}-01-01` },
    world.operator
  )
  await new ObservationService().record(
    audit,
    {
      clauseId: id('5.4.1'),
      text: '会议室、展厅已配备。',
      observedOn: `${year}-03-02`,
      place: 'A 座 1 楼',
    },
    [await upload('展厅.jpg', JPEG)],
    world.evaluator
  )
  const confirmation = await new ConfirmationService().send(
    audit,
    { clauseId: id('6.1.1'), question: '期间内园区是否为贵司提供通关指导？', audience: 'all' },
    world.evaluator
  )
  const recipient = await AuditConfirmationRecipient.query()
    .where('confirmationId', confirmation.id)
    .where('tenantId', world.tenantA.id)
    .firstOrFail()
  await new ConfirmationService().answer(
    recipient.id,
    { answer: 'yes', comment: '有专人指导' },
    world.adminA
  )
  const category = await makeCategory(world)
  await fileComplaint(category)
  await fileComplaint(category, { subject: '空调不制冷' })
  const sample = await new SampleService().draw(
    audit,
    { clauseId: id('7.3.1'), recordKind: 'complaints', size: 2, seed: 'seed-1' },
    world.evaluator
  )
  for (const item of await AuditSampleItem.query().where('sampleId', sample.id)) {
    await new SampleService().judge(item.id, { result: 'pass', note: '按时办结' }, world.evaluator)
  }
  const verdicts = new VerdictService()
  await verdicts.set(
    audit,
    id('5.1.2'),
    { verdict: 'conforming', observation: '职责清晰' },
    world.evaluator
  )
  await verdicts.set(audit, id('5.3.1'), { verdict: 'conforming' }, world.evaluator)
  await verdicts.set(
    audit,
    id('5.4.1'),
    { verdict: 'minor', observation: '展厅未开放' },
    world.evaluator
  )
  await verdicts.set(audit, id('6.1.1'), { verdict: 'conforming' }, world.evaluator)
  await verdicts.set(audit, id('7.3.1'), { verdict: 'not_applicable' }, world.evaluator)
  const existingFinding = await db.from('audit_findings').where('audit_id', audit.id).first()
  if (!existingFinding) {
    await verdicts.openFinding(
      audit,
      {
        clauseId: id('5.4.1'),
        description: '展厅周末未开放',
        ownerUserId: world.operator.id,
        dueOn: `${year}-12-31`,
      },
      world.evaluator
    )
  }
  return { world, framework, clauses, id, audit, document, confirmation, sample }
}
