import { DateTime } from 'luxon'
import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import User from '#core/models/user'
import AuditFramework from '#audits/models/audit_framework'
import Audit from '#audits/models/audit'
import AuditClause from '#audits/models/audit_clause'
import FrameworkService from '#audits/services/framework_service'
import AuditService from '#audits/services/audit_service'
import DocumentService from '#audits/services/document_service'
import ObservationService from '#audits/services/observation_service'
import ConfirmationService from '#audits/services/confirmation_service'
import SampleService from '#audits/services/sample_service'
import { todayInShanghai } from '#core/dates'

export const GBT39678_FILE = 'resources/frameworks/gbt39678-2020.json'
export const GBT39678_CODE = 'GB/T 39678-2020'

/** A small but real PDF, so the demo documents pass the type check and hash like any upload. */
function demoPdf(title: string) {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
  )
}

/** The GB/T 39678-2020 catalogue, imported once from its committed data file. */
export async function seedFramework() {
  const existing = await AuditFramework.findBy('code', GBT39678_CODE)
  if (existing) return existing
  const { framework } = await new FrameworkService().importFile(app.makePath(GBT39678_FILE))
  return framework
}

/**
 * The demo audit of the demo park: this year's audit against GB/T 39678-2020, in fieldwork, with
 * the demo evaluator assigned, a few documents, an on-site observation, a confirmation sent to all
 * tenants and a sample of complaints. Does nothing when it exists.
 */
export async function seedAuditsDemo() {
  const framework = await seedFramework()
  const operator = await User.findBy('email', 'operator@parkgate.local')
  const evaluator = await User.findBy('email', 'evaluator@parkgate.local')
  if (!operator || !evaluator) return
  if (await Audit.query().where('framework_id', framework.id).first()) return
  const today = todayInShanghai()
  const audits = new AuditService()
  const audit = await audits.create(
    {
      frameworkId: framework.id,
      title: `${today.year} 年度园区服务评价（GB/T 39678-2020）`,
      periodFrom: today.startOf('year').toISODate()!,
      periodTo: today.endOf('year').toISODate()!,
      evaluatorIds: [evaluator.id],
    },
    operator
  )
  const clause = async (number: string) =>
    AuditClause.query().where({ frameworkId: framework.id, number }).firstOrFail()

  const dir = await mkdtemp(join(tmpdir(), 'pg-audit-demo-'))
  const documents = new DocumentService()
  const docs: Array<[string, string[], string, string | null]> = [
    ['组织架构与部门职责', ['5.1.1', '5.1.2'], `${today.year}-01-01`, null],
    ['园区管理制度汇编与内部工作手册', ['5.1.3'], `${today.year}-01-01`, null],
    ['突发事件处理预案', ['5.6.3.1'], `${today.year - 1}-03-01`, `${today.year}-06-30`],
    ['投诉处理制度', ['7.3.1', '7.3.2'], `${today.year}-01-01`, null],
  ]
  for (const [title, numbers, effectiveOn, expiresOn] of docs) {
    const path = join(dir, `${title}.pdf`)
    const bytes = demoPdf(title)
    await writeFile(path, bytes)
    const clauseIds = []
    for (const number of numbers) clauseIds.push((await clause(number)).id)
    await documents.upload(
      audit,
      { tmpPath: path, size: bytes.length, clientName: `${title}.pdf` },
      { title, clauseIds, effectiveOn, expiresOn },
      operator
    )
  }
  await rm(dir, { recursive: true, force: true })

  await audits.transition(audit, 'start', operator)
  await new ObservationService().record(
    audit,
    {
      clauseId: (await clause('5.3.3')).id,
      text: '园区设有办公区、设备设施配套区、公共配套区和生活配套区，标识清楚。',
      observedOn: DateTime.min(today, today.startOf('year').plus({ months: 10 })).toISODate()!,
      place: 'A 栋、B 栋及公共配套区',
    },
    [],
    evaluator
  )
  await new ConfirmationService().send(
    audit,
    {
      clauseId: (await clause('6.7')).id,
      question: '园区是否为贵企业提供或引荐了可靠的法律咨询服务？',
      audience: 'all',
    },
    evaluator
  )
  await new SampleService()
    .draw(
      audit,
      { clauseId: (await clause('7.3.2')).id, recordKind: 'complaints', size: 5, seed: 'demo' },
      evaluator
    )
    // A demo database without complaints this year simply has no sample.
    .catch(() => null)
}
