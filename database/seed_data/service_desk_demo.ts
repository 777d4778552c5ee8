import Department from '#core/models/department'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import ServiceItem from '#service_desk/models/service_item'
import ServiceRequest from '#service_desk/models/service_request'
import CatalogueService from '#service_desk/services/catalogue_service'
import RequestService, { type Actor } from '#service_desk/services/request_service'

/**
 * The services of GB/T 39678-2020 clause 6, each with its clause, responsible department (by the
 * demo department's name) and promised response (working hours) and completion (working days).
 */
export const SERVICE_CATALOGUE: Array<{
  code: string
  clause: string
  name: string
  nameEn: string
  description: string
  descriptionEn: string
  department: string
  responseHours: number
  completionDays: number
}> = [
  {
    code: 'declaration',
    clause: '6.1',
    name: '业务申报辅导',
    nameEn: 'Declaration help',
    description:
      '对接跨境电子商务平台及海关、税务等监管部门系统，协助企业完成跨境电商业务申报，采集交易数据实现一次申报（GB/T 39678 6.1.1、6.1.2）。',
    descriptionEn:
      'Connects enterprises to cross-border e-commerce platforms and the customs and tax systems, and helps them declare their business once from collected trade data (GB/T 39678 6.1.1, 6.1.2).',
    department: '通关物流部',
    responseHours: 4,
    completionDays: 3,
  },
  {
    code: 'customs_clearance',
    clause: '6.2',
    name: '通关操作指引',
    nameEn: 'Customs clearance guidance',
    description:
      '按业务模式提供进出口双向清关与通关操作指引，指导企业通过公共服务平台如实传输交易、支付、物流电子信息（GB/T 39678 6.2.1–6.2.3）。',
    descriptionEn:
      'Two-way import and export clearance and clearance guidance for each business model; guidance on transmitting order, payment and logistics data truthfully through the public service platform (GB/T 39678 6.2.1–6.2.3).',
    department: '通关物流部',
    responseHours: 4,
    completionDays: 2,
  },
  {
    code: 'tax_rebate',
    clause: '6.3',
    name: '退税协助',
    nameEn: 'Tax rebate help',
    description:
      '通过在线退税申报平台协同海关、税务部门，协助企业完成出口退（免）税业务（GB/T 39678 6.3）。',
    descriptionEn:
      'Helps enterprises complete export tax rebates through the online rebate platform, working with customs and the tax office (GB/T 39678 6.3).',
    department: '综合服务部',
    responseHours: 8,
    completionDays: 10,
  },
  {
    code: 'finance',
    clause: '6.4',
    name: '金融服务对接',
    nameEn: 'Finance',
    description:
      '对接银行及支付机构，提供账户管理、支付结算、结售汇、监管信息报送，以及担保、信贷等投融资服务（GB/T 39678 6.4.1、6.4.2）。',
    descriptionEn:
      'Introductions to banks and payment institutions for accounts, settlement, foreign exchange and regulatory reporting, and to guarantee and credit financing (GB/T 39678 6.4.1, 6.4.2).',
    department: '综合服务部',
    responseHours: 8,
    completionDays: 5,
  },
  {
    code: 'logistics_warehousing',
    clause: '6.5',
    name: '物流与仓储服务',
    nameEn: 'Logistics and warehousing',
    description:
      '保税仓、非保税仓租赁或第三方仓储对接，国际物流、快递业务对接，海外仓、集拼等一体化物流方案及全流程物流跟踪（GB/T 39678 6.5.1–6.5.4）。',
    descriptionEn:
      'Bonded and non-bonded warehouse leasing or third-party warehousing, introductions to international logistics and express carriers, integrated solutions for overseas warehouses and consolidation, and end-to-end tracking (GB/T 39678 6.5.1–6.5.4).',
    department: '通关物流部',
    responseHours: 4,
    completionDays: 5,
  },
  {
    code: 'technology',
    clause: '6.6.1',
    name: '科技服务',
    nameEn: 'Technology services',
    description:
      '网络安全、云平台、大数据、国际检测认证、市场准入等第三方服务对接，产学研项目合作（GB/T 39678 6.6.1、6.6.2）。',
    descriptionEn:
      'Third-party network security, cloud, big data, international testing and certification and market access services, and university–industry projects (GB/T 39678 6.6.1, 6.6.2).',
    department: '企业发展部',
    responseHours: 8,
    completionDays: 10,
  },
  {
    code: 'legal',
    clause: '6.7',
    name: '法律服务',
    nameEn: 'Legal services',
    description: '提供法律咨询、风险评估、诉讼代理等法律服务资源对接（GB/T 39678 6.7）。',
    descriptionEn:
      'Reliable legal resources for legal advice, risk assessment and litigation representation (GB/T 39678 6.7).',
    department: '综合服务部',
    responseHours: 8,
    completionDays: 5,
  },
  {
    code: 'intellectual_property',
    clause: '6.6.3',
    name: '知识产权服务',
    nameEn: 'Intellectual property',
    description:
      '技术顾问团队提供专利、商标、成果转化、技术转让与知识产权保护咨询（GB/T 39678 6.6.3）。',
    descriptionEn:
      'The technical advisory team helps with patents, trademarks, commercialisation, technology transfer and intellectual property protection (GB/T 39678 6.6.3).',
    department: '企业发展部',
    responseHours: 8,
    completionDays: 10,
  },
  {
    code: 'hr_recruitment',
    clause: '6.8',
    name: '人力资源与招聘',
    nameEn: 'HR and recruitment',
    description:
      '组织招聘会、团建活动，对接人力资源中介，开展电商、金融、物流、供应链专项培训与人才实训（GB/T 39678 6.8.1、6.8.2）。',
    descriptionEn:
      'Recruitment events and team activities, introductions to HR agencies, and training in e-commerce, finance, logistics and supply chain (GB/T 39678 6.8.1, 6.8.2).',
    department: '企业发展部',
    responseHours: 8,
    completionDays: 10,
  },
  {
    code: 'incubation',
    clause: '6.9',
    name: '企业孵化服务',
    nameEn: 'Incubation',
    description:
      '创业孵化系统培育中小跨境电商企业，举办项目申报、法律、财税、营销培训及企业对接会、项目推介会（GB/T 39678 6.9.1、6.9.2）。',
    descriptionEn:
      'The incubation programme for small cross-border e-commerce enterprises: training in project applications, law, tax and marketing, matchmaking and project pitch events (GB/T 39678 6.9.1, 6.9.2).',
    department: '企业发展部',
    responseHours: 16,
    completionDays: 15,
  },
  {
    code: 'product_display',
    clause: '6.10',
    name: '产品展示服务',
    nameEn: 'Product display',
    description: '提供跨境电商进出口产品展示的场所、设备和设施，协助布展（GB/T 39678 6.10）。',
    descriptionEn:
      'Space, equipment and facilities to display imported and exported products, with help setting up (GB/T 39678 6.10).',
    department: '综合服务部',
    responseHours: 8,
    completionDays: 5,
  },
]

/** Seeds the catalogue (GB/T 39678 6) through the audited service; skips codes already there. */
export async function seedServiceCatalogue() {
  const catalogue = new CatalogueService()
  for (const [index, entry] of SERVICE_CATALOGUE.entries()) {
    if (await ServiceItem.findBy('code', entry.code)) continue
    const department = await Department.findByOrFail('name', entry.department)
    await catalogue.create({
      ...entry,
      departmentId: department.id,
      isActive: true,
      sortOrder: (index + 1) * 10,
    })
  }
}

/** The catalogue and a few demo requests in different states. Does nothing when requests exist. */
export async function seedServiceDeskDemo() {
  await seedServiceCatalogue()
  if (await ServiceRequest.query().first()) return

  const item = (code: string) => ServiceItem.findByOrFail('code', code)
  const staffUser = await User.findByOrFail('email', 'staff@parkgate.local')
  const tenantA = await Tenant.findByOrFail('uscc', '91330100MA2H3B4C5X')
  const tenantB = await Tenant.findByOrFail('uscc', '91510100MA6D7E8F9C')
  const adminA = await User.findByOrFail('email', 'tenant-a@parkgate.local')
  const adminB = await User.findByOrFail('email', 'tenant-b@parkgate.local')
  const staff: Actor = { user: staffUser, kind: 'staff' }
  const asA: Actor = { user: adminA, kind: 'tenant' }
  const asB: Actor = { user: adminB, kind: 'tenant' }
  const requests = new RequestService()

  // Tenant A: one waiting for assignment, one in progress, one confirmed and rated.
  await requests.submit(
    {
      serviceItemId: (await item('tax_rebate')).id,
      subject: '9 月出口退税申报咨询',
      details: '我司 9 月有 12 票 9610 出口报关单，想了解无纸化退税申报所需材料和时间。',
    },
    tenantA.id,
    asA
  )
  const clearance = await requests.submit(
    {
      serviceItemId: (await item('customs_clearance')).id,
      subject: '1210 保税进口模式通关流程',
      details: '计划开展 1210 保税进口业务，请提供备案、申报、出区的操作指引。',
    },
    tenantA.id,
    asA
  )
  await requests.act(clearance.id, 'assign', { assigneeId: staffUser.id }, staff)
  await requests.act(clearance.id, 'start', {}, staff)
  await requests.act(clearance.id, 'note', { note: '已电话沟通，约定周四现场讲解。' }, staff)

  const display = await requests.submit(
    {
      serviceItemId: (await item('product_display')).id,
      subject: '新品展示位申请',
      details: '希望在展示中心申请 2 个展位，展示 11 月上新的家居用品，为期两周。',
    },
    tenantA.id,
    asA
  )
  await requests.act(display.id, 'assign', { assigneeId: staffUser.id }, staff)
  await requests.act(display.id, 'start', {}, staff)
  await requests.act(
    display.id,
    'complete',
    { result: '已安排展示中心 A3、A4 展位，布展时间为周一上午。' },
    staff
  )
  await requests.act(display.id, 'confirm', { rating: 5, comment: '安排及时，谢谢。' }, asA)

  // Tenant B: completed and waiting for its rating; one assigned.
  const warehouse = await requests.submit(
    {
      serviceItemId: (await item('logistics_warehousing')).id,
      subject: '保税仓 500 平方米租赁',
      details: '需租赁保税仓约 500 平方米，存放跨境进口母婴用品，请提供可用库位与报价。',
    },
    tenantB.id,
    asB
  )
  await requests.act(warehouse.id, 'assign', { assigneeId: staffUser.id }, staff)
  await requests.act(warehouse.id, 'start', {}, staff)
  await requests.act(
    warehouse.id,
    'complete',
    { result: '已提供 B2 保税仓 520 平方米库位方案及报价单，待企业确认。' },
    staff
  )
  const hr = await requests.submit(
    {
      serviceItemId: (await item('hr_recruitment')).id,
      subject: '参加 12 月园区招聘会',
      details: '我司需招聘 3 名跨境运营专员，希望参加 12 月园区专场招聘会。',
    },
    tenantB.id,
    asB
  )
  await requests.act(hr.id, 'assign', { assigneeId: staffUser.id }, staff)
}
