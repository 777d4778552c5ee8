import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Tenant from '#core/models/tenant'
import { calendarDay } from '#core/dates'
import AuditService from '#core/services/audit_service'
import type { BusinessMode, EnterpriseType, TenantStatus } from '#park/spaces'

/** The register fields a tenant keeps up to date itself (shared with its own profile form). */
export interface TenantFiguresInput {
  enterpriseTypes: EnterpriseType[]
  businessModes?: BusinessMode[]
  industry?: string
  contactPerson: string
  contactPhone: string
  contactEmail: string
  headcount: number
  talentBachelorPlus: number
  talentCbecSpecialists: number
  ipPatents: number
  ipTrademarks: number
  ipSoftwareCopyrights: number
}

export interface TenantRegisterInput extends TenantFiguresInput {
  status: TenantStatus
  moveInDate?: Date
  moveOutDate?: Date
}

/** A tenant admitted straight into the register (bulk onboarding): identity plus register fields. */
export interface NewTenantInput extends TenantRegisterInput {
  uscc: string
  name: string
  userCategory: string
  legalRepresentative: string
}

const toDay = (value?: Date) => (value ? calendarDay(value) : null)

/** The figures as the tenants table stores them (types and modes as JSON arrays). */
export function figureColumns(input: TenantFiguresInput) {
  return {
    enterpriseTypes: JSON.stringify(input.enterpriseTypes),
    businessModes: JSON.stringify(input.businessModes ?? []),
    industry: input.industry ?? null,
    contactPerson: input.contactPerson,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    headcount: input.headcount,
    talentBachelorPlus: input.talentBachelorPlus,
    talentCbecSpecialists: input.talentCbecSpecialists,
    ipPatents: input.ipPatents,
    ipTrademarks: input.ipTrademarks,
    ipSoftwareCopyrights: input.ipSoftwareCopyrights,
  }
}

/** The register's columns as stored: figures, status, days in Shanghai, move-out only once moved out. */
function registerColumns(input: TenantRegisterInput) {
  return {
    ...figureColumns(input),
    status: input.status,
    moveInDate: toDay(input.moveInDate),
    moveOutDate: input.status === 'moved_out' ? toDay(input.moveOutDate) : null,
  }
}

export interface TenantFilters {
  q?: string
  status?: string
  enterpriseType?: string
  businessMode?: string
}

/** The operator's side of the enterprise register; every change is audited. */
export default class TenantRegisterService {
  constructor(private audit = new AuditService()) {}

  /** The register filtered as on the list page; the list and its Excel export share it. */
  filtered(filters: TenantFilters) {
    const query = Tenant.query()
    if (filters.status) query.where('status', filters.status)
    // Types and modes are JSON arrays of codes; a quoted code matches exactly one element.
    if (filters.enterpriseType)
      query.where('enterprise_types', 'like', `%"${filters.enterpriseType}"%`)
    if (filters.businessMode) query.where('business_modes', 'like', `%"${filters.businessMode}"%`)
    if (filters.q) {
      const q = filters.q
      query.where((w) => w.where('name', 'like', `%${q}%`).orWhere('uscc', q.toUpperCase()))
    }
    return query
  }

  async update(tenant: Tenant, input: TenantRegisterInput) {
    return this.audit.saveChanges(
      tenant,
      'tenant.register_updated',
      'tenant',
      (t) => t.merge(registerColumns(input)),
      { tenantId: tenant.id }
    )
  }

  /** Adds a tenant to the register with its audit entry, inside the caller's transaction. */
  async insert(trx: TransactionClientContract, input: NewTenantInput) {
    const tenant = await Tenant.create(
      {
        uscc: input.uscc,
        name: input.name,
        userCategory: input.userCategory,
        legalRepresentative: input.legalRepresentative,
        ...registerColumns(input),
      },
      { client: trx }
    )
    await this.audit.record(trx, {
      action: 'tenant.created',
      subjectType: 'tenant',
      subjectId: tenant.id,
      after: tenant.serialize(),
      tenantId: tenant.id,
    })
    return tenant
  }
}
