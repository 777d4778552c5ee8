import Department from '#core/models/department'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import ComplaintCategory from '#complaints/models/complaint_category'
import CategoryService from '#complaints/services/category_service'
import ComplaintService, { type Actor } from '#complaints/services/complaint_service'
import DepartmentService from '#core/services/department_service'

/**
 * Default complaint categories (GB/T 39678 7.3.2: a promised time and a responsible department
 * for each) and a few demo cases in different states. Does nothing when categories exist.
 */
export async function seedComplaintsDemo() {
  if (await ComplaintCategory.query().first()) return
  const service = await Department.findByOrFail('name', '综合服务部')
  const logistics = await Department.findByOrFail('name', '通关物流部')
  const safety = await Department.findByOrFail('name', '安全保障部')
  const staffUser = await User.findByOrFail('email', 'staff@parkgate.local')
  // The complaint desk's head: overdue and reopened complaints of 综合服务部 go to her.
  await new DepartmentService().update(service, {
    name: service.name,
    responsibilities: service.responsibilities,
    phone: service.phone,
    sortOrder: service.sortOrder,
    headUserId: staffUser.id,
  })

  const categories = new CategoryService()
  const defaults: Array<[string, string, number, Department]> = [
    ['服务质量与态度', 'Service quality and attitude', 5, service],
    ['收费与合同', 'Fees and contracts', 5, service],
    ['通关与物流服务', 'Customs clearance and logistics', 5, logistics],
    ['设施与物业维修', 'Facilities and repairs', 3, safety],
    ['安全隐患', 'Safety hazards', 2, safety],
    ['其他', 'Other', 5, service],
  ]
  const made: ComplaintCategory[] = []
  for (const [index, [name, nameEn, days, department]] of defaults.entries()) {
    made.push(
      await categories.create({
        name,
        nameEn,
        commitmentDays: days,
        departmentId: department.id,
        isActive: true,
        sortOrder: index + 1,
      })
    )
  }
  const [quality, fees, clearance, repairs] = made

  const complaints = new ComplaintService()
  const tenantA = await Tenant.findByOrFail('uscc', '91330100MA2H3B4C5X')
  const tenantB = await Tenant.findByOrFail('uscc', '91510100MA6D7E8F9C')
  const adminA = await User.findByOrFail('email', 'tenant-a@parkgate.local')
  const adminB = await User.findByOrFail('email', 'tenant-b@parkgate.local')
  const staff: Actor = { user: staffUser, kind: 'staff' }

  // A public complaint from the web form, waiting to be accepted.
  await complaints.submit(
    {
      channel: 'web',
      categoryId: quality.id,
      subject: '服务大厅午间无人值守',
      content: '12 点到 13 点之间到一楼服务大厅办理业务，窗口无人，也没有告示说明何时恢复。',
      complainantPhone: '13712345678',
    },
    { user: null, kind: 'complainant' }
  )

  // Tenant A: one resolved and rated, one in progress waiting for the complainant.
  const resolved = await complaints.submit(
    {
      channel: 'portal',
      categoryId: repairs.id,
      subject: 'A 栋 3 层空调漏水',
      content: 'A 栋 3 层 A-301 门口空调持续漏水，地面湿滑，存在摔倒风险，请尽快维修。',
      complainantName: adminA.fullName,
      complainantPhone: '13800138001',
      tenantId: tenantA.id,
      submittedBy: adminA.id,
    },
    { user: adminA, kind: 'complainant' }
  )
  await complaints.act(resolved.id, 'accept', {}, staff)
  await complaints.act(resolved.id, 'start', {}, staff)
  await complaints.act(
    resolved.id,
    'resolve',
    {
      result: '已更换 A-301 门口空调排水管并清理地面，经测试不再漏水。',
      correctiveMeasures: '将 A 栋空调排水管纳入季度巡检清单。',
    },
    staff
  )
  await complaints.feedback(
    resolved.id,
    { satisfaction: 5, comment: '维修及时，谢谢。', decision: 'confirm' },
    { user: adminA, kind: 'complainant' }
  )
  await complaints.callback(
    resolved.id,
    { satisfaction: 5, note: '电话回访，企业确认问题已解决。' },
    staffUser
  )

  const waiting = await complaints.submit(
    {
      channel: 'portal',
      categoryId: fees.id,
      subject: '10 月物业费账单金额有误',
      content: '10 月物业费按 1200 平方米计收，但我司租赁面积为 980 平方米，请核实并更正。',
      complainantName: adminA.fullName,
      complainantPhone: '13800138001',
      tenantId: tenantA.id,
      submittedBy: adminA.id,
    },
    { user: adminA, kind: 'complainant' }
  )
  await complaints.act(waiting.id, 'accept', {}, staff)
  await complaints.act(waiting.id, 'start', {}, staff)
  await complaints.act(waiting.id, 'await', { note: '请提供租赁合同附件中的面积确认单。' }, staff)

  // Tenant B: resolved, waiting for its verdict; and one recorded by phone, declined.
  const awaitingVerdict = await complaints.submit(
    {
      channel: 'portal',
      categoryId: clearance.id,
      subject: '查验场地排队时间过长',
      content: '本周三次到监管场所查验，每次排队超过 3 小时，影响出口时效。',
      complainantName: adminB.fullName,
      complainantPhone: '13800138002',
      tenantId: tenantB.id,
      submittedBy: adminB.id,
    },
    { user: adminB, kind: 'complainant' }
  )
  await complaints.act(awaitingVerdict.id, 'accept', {}, staff)
  await complaints.act(awaitingVerdict.id, 'start', {}, staff)
  await complaints.act(
    awaitingVerdict.id,
    'resolve',
    {
      result: '已与海关协调增加下午查验时段，并开通线上预约查验。',
      correctiveMeasures: '查验排队时长纳入每周服务质量通报。',
    },
    staff
  )
  const declined = await complaints.submit(
    {
      channel: 'phone',
      categoryId: quality.id,
      subject: '快递柜取件收费',
      content: '园区内第三方快递柜超时取件收费，希望园区取消。',
      complainantName: '冯欧',
      complainantPhone: '13800138002',
      tenantId: tenantB.id,
      recordedBy: staffUser.id,
    },
    staff
  )
  await complaints.act(
    declined.id,
    'decline',
    { reason: '快递柜由第三方公司运营，收费属其经营行为，已告知投诉人向运营公司反映。' },
    staff
  )
}
