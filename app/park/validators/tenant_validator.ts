import vine from '@vinejs/vine'
import { BUSINESS_MODES, ENTERPRISE_TYPES, TENANT_STATUSES } from '#park/spaces'

const count = () => vine.number().withoutDecimals().min(0).max(1_000_000)

/**
 * The register fields a tenant keeps up to date itself (types, modes, contacts, figures); the
 * operator's form and the tenant's own profile form share them. A fresh set per validator.
 */
export const registerFigures = () => ({
  enterpriseTypes: vine.array(vine.enum(ENTERPRISE_TYPES)).minLength(1).distinct(),
  businessModes: vine.array(vine.enum(BUSINESS_MODES)).distinct().optional(),
  industry: vine.string().trim().maxLength(100).optional(),
  contactPerson: vine.string().trim().minLength(2).maxLength(100),
  contactPhone: vine.string().trim().mobile(),
  contactEmail: vine.string().trim().toLowerCase().email().maxLength(254),
  headcount: count(),
  talentBachelorPlus: count(),
  talentCbecSpecialists: count(),
  ipPatents: count(),
  ipTrademarks: count(),
  ipSoftwareCopyrights: count(),
})

/** The register's fields, shared by the operator's edit form and the Excel import's rows. */
export const tenantRegisterFields = () => ({
  ...registerFigures(),
  status: vine.enum(TENANT_STATUSES),
  moveInDate: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .optional()
    .requiredWhen('status', 'in', ['resident', 'moved_out']),
  moveOutDate: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterField('moveInDate')
    .optional()
    .requiredWhen('status', '=', 'moved_out'),
})

/** The operator's edit of a tenant's register entry (identity fields stay with registration). */
export const tenantRegisterValidator = vine.create(tenantRegisterFields())

export const tenantListValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum(TENANT_STATUSES).optional(),
  enterpriseType: vine.enum(ENTERPRISE_TYPES).optional(),
  businessMode: vine.enum(BUSINESS_MODES).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})
