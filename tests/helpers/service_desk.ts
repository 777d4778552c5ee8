import ServiceItem from '#service_desk/models/service_item'
import ServiceRequest from '#service_desk/models/service_request'
import RequestService from '#service_desk/services/request_service'
import type { World } from '#tests/helpers/world'

/** A catalogue service of the world's department with the given promises. */
export function makeServiceItem(
  world: World,
  { responseHours = 4, completionDays = 3, code = 'customs_clearance', isActive = true } = {}
) {
  return ServiceItem.create({
    code,
    clause: '6.2',
    name: `通关操作指引 ${code}`,
    nameEn: `Customs clearance guidance ${code}`,
    description: '按业务模式提供通关操作指引。',
    descriptionEn: 'Clearance guidance for each business model.',
    departmentId: world.department.id,
    responseHours,
    completionDays,
    isActive,
    sortOrder: 1,
  })
}

/** A request filed by tenant A's admin, as a test's starting point. */
export function fileRequest(
  world: World,
  item: ServiceItem,
  as: 'A' | 'B' = 'A',
  subject = '1210 保税进口通关流程'
) {
  const user = as === 'A' ? world.adminA : world.adminB
  return new RequestService().submit(
    { serviceItemId: item.id, subject, details: '请提供备案、申报、出区的操作指引。' },
    user.tenantId!,
    { user, kind: 'tenant' }
  )
}

/** Moves a request along as an operator would, up to `to`. */
export async function advanceRequest(
  request: ServiceRequest,
  world: World,
  to: 'assigned' | 'in_progress' | 'completed'
) {
  const service = new RequestService()
  const actor = { user: world.staff, kind: 'staff' as const }
  await service.act(request.id, 'assign', { assigneeId: world.staff.id }, actor)
  if (to !== 'assigned') await service.act(request.id, 'start', {}, actor)
  if (to === 'completed') {
    await service.act(request.id, 'complete', { result: '已现场讲解并提供操作手册。' }, actor)
  }
  return ServiceRequest.findOrFail(request.id)
}
