import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import Department from '#core/models/department'
import { usccCheckChar } from '#core/uscc'

export const PASSWORD = 'Secret#2026a'

let seq = 0
// Each run starts somewhere random, so codes never collide with rows a crashed run left behind.
let usccCounter = Math.floor(Math.random() * 31 ** 6)
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A valid USCC, different on every call. */
export function makeUscc() {
  let n = usccCounter++
  let body = ''
  for (let i = 0; i < 9; i++) {
    body = ALPHABET[n % 31] + body
    n = Math.floor(n / 31)
  }
  const first17 = `91440300${body}`
  return first17 + usccCheckChar(first17)
}

export async function makeTenant(name: string) {
  return Tenant.create({
    uscc: makeUscc(),
    name,
    userCategory: 'ecommerce_enterprise',
    legalRepresentative: '张三',
    contactPerson: '李四',
    contactPhone: '13800000000',
    contactEmail: `${name.toLowerCase().replace(/\W+/g, '')}@example.test`,
    status: 'admitted',
  })
}

/** The cast every isolation test needs: an operator, an evaluator and two tenants with users. */
export async function makeWorld() {
  const department = await Department.create({
    name: `运营部 ${seq++}`,
    responsibilities: '负责园区运营',
    sortOrder: 1,
  })
  const tenantA = await makeTenant('Alpha Trading')
  const tenantB = await makeTenant('Beta Logistics')
  const make = (email: string, role: User['role'], extra: Partial<User> = {}) =>
    User.create({
      email,
      password: PASSWORD,
      fullName: email.split('@')[0],
      role,
      isActive: true,
      ...extra,
    })
  return {
    department,
    tenantA,
    tenantB,
    operator: await make('op@example.test', 'operator_admin'),
    staff: await make('staff@example.test', 'operator_staff', { departmentId: department.id }),
    evaluator: await make('eval@example.test', 'evaluator'),
    adminA: await make('admin-a@example.test', 'tenant_admin', { tenantId: tenantA.id }),
    memberA: await make('member-a@example.test', 'tenant_member', { tenantId: tenantA.id }),
    adminB: await make('admin-b@example.test', 'tenant_admin', { tenantId: tenantB.id }),
  }
}

export type World = Awaited<ReturnType<typeof makeWorld>>
