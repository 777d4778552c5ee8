import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { todayInShanghai } from '#core/dates'
import type Audit from '#audits/models/audit'
import AuditClause from '#audits/models/audit_clause'
import AuditFramework from '#audits/models/audit_framework'
import AuditService from '#audits/services/audit_service'
import FrameworkService from '#audits/services/framework_service'
import type { World } from '#tests/helpers/world'

/**
 * A five-clause framework in the shape of GB/T 39678 (one clause per §8 method), so the web tests
 * can issue an audit after judging every clause in a few requests.
 */
export const SMALL_FRAMEWORK = {
  code: 'TEST-39678',
  title: '测试条款目录',
  titleEn: 'Test catalogue',
  version: '2020',
  source: 'tests',
  clauses: [
    {
      number: '5.1.1',
      textZh: '应建立运营配套服务管理制度。',
      titleEn: 'Service management rules',
      obligation: 'shall',
      methods: [{ method: 'records', verifiedBy: '8.1.1' }],
    },
    {
      number: '5.3.2',
      textZh: '应设置功能区并保持环境整洁。',
      titleEn: 'Functional areas and environment',
      obligation: 'shall',
      methods: [{ method: 'onsite', verifiedBy: '8.1.3.1' }],
    },
    {
      number: '6.2.1',
      textZh: '应为入驻企业提供通关业务指导。',
      titleEn: 'Customs clearance guidance',
      obligation: 'shall',
      methods: [
        { method: 'onsite', verifiedBy: '8.2.2' },
        { method: 'confirmation', verifiedBy: '8.2.2' },
      ],
    },
    {
      number: '6.6.1',
      textZh: '宜提供科技服务。',
      titleEn: 'Technology services',
      obligation: 'should',
      methods: [{ method: 'confirmation', verifiedBy: '8.2.6' }],
    },
    {
      number: '7.3.4',
      textZh: '应建立完整的投诉处理经过及结果的档案。',
      titleEn: 'Complaint archive',
      obligation: 'shall',
      methods: [
        { method: 'records', verifiedBy: '8.3.3' },
        { method: 'process', verifiedBy: '8.3.3' },
      ],
    },
  ],
}

export async function importSmallFramework() {
  const existing = await AuditFramework.findBy('code', SMALL_FRAMEWORK.code)
  if (existing) return existing
  const { framework } = await new FrameworkService().import(SMALL_FRAMEWORK)
  return framework
}

/** An audit of the small framework in `state`, the world's evaluator assigned. */
export async function makeAudit(
  world: World,
  state: 'planning' | 'fieldwork' | 'review' = 'fieldwork',
  title = '2026 年度服务规范评价'
) {
  const framework = await importSmallFramework()
  const service = new AuditService()
  const audit = await service.create(
    {
      frameworkId: framework.id,
      title,
      // This year: records the tests create now fall in the period.
      periodFrom: todayInShanghai().startOf('year').toISODate()!,
      periodTo: todayInShanghai().endOf('year').toISODate()!,
      evaluatorIds: [world.evaluator.id],
    },
    world.operator
  )
  if (state !== 'planning') await service.transition(audit, 'start', world.operator)
  if (state === 'review') await service.transition(audit, 'review', world.evaluator)
  await audit.refresh()
  return audit
}

export function clauseOf(audit: Audit, number: string) {
  return AuditClause.query().where({ frameworkId: audit.frameworkId, number }).firstOrFail()
}

/** A small real PDF (its magic bytes are what the upload check reads). */
export async function pdfFile(name = 'policy.pdf', body = 'ParkGate evidence') {
  const dir = join(tmpdir(), 'parkgate-auweb')
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`)
  await writeFile(
    path,
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n% ${body}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
  )
  return path
}

/** A 1×1 PNG photo. */
export async function pngFile(name = 'site.png') {
  const dir = join(tmpdir(), 'parkgate-auweb')
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`)
  await writeFile(
    path,
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64'
    )
  )
  return path
}
