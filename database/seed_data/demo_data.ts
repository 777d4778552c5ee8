import type { Role } from '#core/roles'
import type { BusinessMode, EnterpriseType } from '#park/spaces'

/** The README's demo password, for every demo account. */
export const DEMO_PASSWORD = 'ParkGate#2026'

/** GB/T 39678 5.1.2: departments and their published responsibilities. */
export const DEMO_DEPARTMENTS = [
  {
    name: '综合服务部',
    responsibilities: '负责企业入驻受理、政策咨询、投诉处理与服务质量监督；对外公布监督电话。',
    phone: '0755-8888 0001',
    sortOrder: 1,
  },
  {
    name: '通关物流部',
    responsibilities: '负责申报辅导、通关协调、仓储租赁与物流全程跟踪服务。',
    phone: '0755-8888 0002',
    sortOrder: 2,
  },
  {
    name: '企业发展部',
    responsibilities: '负责企业孵化、人才培训、招聘对接与知识产权服务。',
    phone: '0755-8888 0003',
    sortOrder: 3,
  },
  {
    name: '安全保障部',
    responsibilities: '负责消防安全、应急预案与演练、设施设备巡检与急救室管理。',
    phone: '0755-8888 0004',
    sortOrder: 4,
  },
]

interface DemoTenant {
  application: {
    userCategory: string
    unitName: string
    uscc: string
    legalRepresentative: string
    contactPerson: string
    mobile: string
    email: string
  }
  members: Array<{ email: string; fullName: string; role: Role }>
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    application: {
      userCategory: 'ecommerce_enterprise',
      unitName: '杭州云帆跨境电子商务有限公司',
      uscc: '91330100MA2H3B4C5X',
      legalRepresentative: '周云帆',
      contactPerson: '孙悦',
      mobile: '13800138001',
      email: 'tenant-a@parkgate.local',
    },
    members: [{ email: 'member-a@parkgate.local', fullName: '吴小北', role: 'tenant_member' }],
  },
  {
    application: {
      userCategory: 'logistics_enterprise',
      unitName: '成都蓉欧国际物流有限公司',
      uscc: '91510100MA6D7E8F9C',
      legalRepresentative: '郑蓉',
      contactPerson: '冯欧',
      mobile: '13800138002',
      email: 'tenant-b@parkgate.local',
    },
    members: [],
  },
]

/** The demo park (GB/T 39678 7.3: supervision phone and complaint channel are published). */
export const DEMO_PARK = {
  name: '前海跨境电子商务示范产业园',
  address: '广东省深圳市前海深港合作区梦海大道 5001 号',
  totalArea: 86000,
  leasableArea: 62000,
  operatorName: '深圳前海园区运营管理有限公司',
  supervisionPhone: '0755-8888 0000',
  complaintChannel: '园区服务中心一楼窗口、本系统“在线投诉”或监督电话',
  officeHours: '工作日 09:00-18:00',
  contacts: '综合服务部 李晓梅 0755-8888 0001',
}

/** Buildings with their units: [code, name, floors, units as [floor, number, type, area, status]]. */
export const DEMO_BUILDINGS: Array<
  [string, string, number, Array<[number, string, string, number, string]>]
> = [
  [
    'A',
    '综合服务楼',
    8,
    [
      [1, 'A-101', 'showroom', 420, 'leased'],
      [1, 'A-102', 'live_streaming_room', 60, 'vacant'],
      [2, 'A-201', 'office', 180.5, 'leased'],
      [2, 'A-202', 'office', 150, 'reserved'],
      [3, 'A-301', 'office', 210, 'vacant'],
      [3, 'A-302', 'shop', 95, 'maintenance'],
    ],
  ],
  [
    'W1',
    '保税仓储中心',
    2,
    [
      [1, 'W1-101', 'bonded_warehouse', 2400, 'leased'],
      [1, 'W1-102', 'bonded_warehouse', 1800, 'vacant'],
      [2, 'W1-201', 'general_warehouse', 2200, 'leased'],
    ],
  ],
]

/** Register details of the demo tenants, by USCC (types, modes, talent and IP counts, move-in). */
export const DEMO_REGISTER: Record<
  string,
  {
    enterpriseTypes: EnterpriseType[]
    businessModes: BusinessMode[]
    industry: string
    headcount: number
    talentBachelorPlus: number
    talentCbecSpecialists: number
    ipPatents: number
    ipTrademarks: number
    ipSoftwareCopyrights: number
    moveInDate: Date
  }
> = {
  '91330100MA2H3B4C5X': {
    enterpriseTypes: ['ecommerce_enterprise', 'cbec_platform'],
    businessModes: ['9610', '9710', '1210'],
    industry: '跨境零售（服装、家居）',
    headcount: 86,
    talentBachelorPlus: 52,
    talentCbecSpecialists: 24,
    ipPatents: 3,
    ipTrademarks: 11,
    ipSoftwareCopyrights: 4,
    moveInDate: new Date(2025, 8, 1),
  },
  '91510100MA6D7E8F9C': {
    enterpriseTypes: ['logistics'],
    businessModes: ['9810', '1210'],
    industry: '国际物流与海外仓',
    headcount: 140,
    talentBachelorPlus: 38,
    talentCbecSpecialists: 15,
    ipPatents: 0,
    ipTrademarks: 2,
    ipSoftwareCopyrights: 6,
    moveInDate: new Date(2026, 1, 10),
  },
}

/**
 * A live-streaming room on a short lease that ends 40 days after the demo is seeded, so the 60-day
 * expiry reminder and the "ending within 60 days" lease filter have something to show.
 */
export const DEMO_SHORT_LEASE = {
  uscc: '91330100MA2H3B4C5X',
  unit: 'A-102',
  monthsBefore: 11,
  daysAfter: 40,
  rentYuan: 5800,
}

/** Demo leases: [tenant USCC, units, start, end, monthly rent in yuan]. */
export const DEMO_LEASES: Array<[string, string[], string, string, number]> = [
  ['91330100MA2H3B4C5X', ['A-101', 'A-201'], '2025-09-01', '2028-08-31', 36800],
  ['91510100MA6D7E8F9C', ['W1-101', 'W1-201'], '2026-02-10', '2029-02-09', 98000],
]
