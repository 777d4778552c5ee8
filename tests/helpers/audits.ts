import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import type { Assert } from '@japa/assert'
import User from '#core/models/user'
import type { UploadedFile } from '#core/services/attachment_service'
import AuditClause from '#audits/models/audit_clause'
import type Audit from '#audits/models/audit'
import FrameworkService from '#audits/services/framework_service'
import AuditService from '#audits/services/audit_service'
import { GBT39678_FILE } from '#database/seed_data/audits_demo'
import { makeWorld, PASSWORD } from '#tests/helpers/world'

/** A file on disk shaped like an upload. */
export async function uploadOf(name: string, content: string | Buffer): Promise<UploadedFile> {
  const dir = await mkdtemp(join(tmpdir(), 'pg-audit-'))
  const tmpPath = join(dir, 'upload')
  await writeFile(tmpPath, content)
  return { tmpPath, size: Buffer.byteLength(content), clientName: name }
}

export const pdf = (text = 'evidence') => `%PDF-1.4\n% ${text}\n%%EOF\n`

/** Asserts `run` is refused with the i18n key `key` (and, when given, the HTTP status). */
export async function assertRefused(
  assert: Assert,
  run: () => Promise<unknown>,
  key: string,
  status?: number
) {
  try {
    await run()
  } catch (error: any) {
    assert.equal(error.message, key)
    if (status !== undefined) assert.equal(error.status, status)
    return error
  }
  assert.fail(`expected a refusal with ${key}`)
}

/**
 * The world plus the GB/T 39678-2020 catalogue, a second (unassigned) evaluator and an audit of
 * 2026 in planning with the world's evaluator assigned.
 */
export async function makeAuditWorld() {
  const world = await makeWorld()
  const { framework } = await new FrameworkService().importFile(app.makePath(GBT39678_FILE))
  const outsider = await User.create({
    email: 'eval2@example.test',
    password: PASSWORD,
    fullName: 'eval2',
    role: 'evaluator',
    isActive: true,
  })
  const audit = await new AuditService().create(
    {
      frameworkId: framework.id,
      title: '2026 年度评价',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      evaluatorIds: [world.evaluator.id],
    },
    world.operator
  )
  const clause = (number: string) =>
    AuditClause.query().where({ frameworkId: framework.id, number }).firstOrFail()
  return { ...world, framework, audit, outsider, clause }
}

export type AuditWorld = Awaited<ReturnType<typeof makeAuditWorld>>

/** Moves the audit to fieldwork. */
export async function startFieldwork(world: AuditWorld, audit: Audit = world.audit) {
  return new AuditService().transition(audit, 'start', world.operator)
}
