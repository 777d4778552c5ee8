import { DateTime } from 'luxon'
import sinon from 'sinon'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import ComplaintCategory from '#complaints/models/complaint_category'
import Complaint from '#complaints/models/complaint'
import ComplaintService from '#complaints/services/complaint_service'
import { holidays2026 } from '#database/seed_data/holidays_2026'
import type { World } from '#tests/helpers/world'

/** The 2026 holidays in the working-day calendar (tests start from migrations only). */
export async function seedHolidays() {
  const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  await db
    .table('calendar_days')
    .multiInsert(holidays2026().map((d) => ({ ...d, created_at: now, updated_at: now })))
}

/** A category handled by the world's department within `days` working days. */
export function makeCategory(world: World, days = 5, name = '服务质量') {
  return ComplaintCategory.create({
    name,
    nameEn: 'Service quality',
    commitmentDays: days,
    departmentId: world.department.id,
    isActive: true,
    sortOrder: 1,
  })
}

/** Freezes the clock (Date only, so the HTTP server keeps working) at an instant in Shanghai. */
export function freezeAt(isoInShanghai: string) {
  return sinon.useFakeTimers({
    now: DateTime.fromISO(isoInShanghai, { zone: 'Asia/Shanghai' }).toMillis(),
    toFake: ['Date'],
  })
}

/** A complaint from the public form as a test's starting point. */
export function fileComplaint(
  category: ComplaintCategory,
  overrides: Partial<Parameters<ComplaintService['submit']>[0]> = {}
) {
  return new ComplaintService().submit(
    {
      channel: 'web',
      categoryId: category.id,
      subject: '停车场收费不透明',
      content: '园区停车场收费标准没有公示，多收了费用。',
      complainantName: '张先生',
      complainantPhone: '13912345678',
      ...overrides,
    },
    { user: null, kind: 'complainant' }
  )
}

/** Moves a complaint along the workflow as an operator would, up to `to`. */
export async function advance(complaint: Complaint, world: World, to: 'in_progress' | 'resolved') {
  const service = new ComplaintService()
  const actor = { user: world.staff, kind: 'staff' as const }
  await service.act(complaint.id, 'accept', {}, actor)
  await service.act(complaint.id, 'start', {}, actor)
  if (to === 'resolved') {
    await service.act(complaint.id, 'resolve', { result: '已退还多收费用并公示收费标准。' }, actor)
  }
  return Complaint.findOrFail(complaint.id)
}

/** The public endpoints are rate-limited per address; every test starts with a clean slate. */
export function clearLimits() {
  return limiter.clear()
}
