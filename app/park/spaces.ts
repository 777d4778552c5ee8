/** Unit types and statuses of the park's spaces (GB/T 39678 6.5.1 and 6.10 name the warehouses and showrooms). */
export const UNIT_TYPES = [
  'office',
  'bonded_warehouse',
  'general_warehouse',
  'showroom',
  'live_streaming_room',
  'shop',
  'other',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export const UNIT_STATUSES = ['vacant', 'leased', 'reserved', 'maintenance'] as const
export type UnitStatus = (typeof UNIT_STATUSES)[number]

/** Enterprise types of the register (several allowed per tenant). */
export const ENTERPRISE_TYPES = [
  'cbec_platform',
  'ecommerce_enterprise',
  'logistics',
  'payment',
  'customs_broker',
  'service_provider',
  'other',
] as const
export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number]

/** Customs supervision modes of cross-border e-commerce: 9610 direct mail, 9710 B2B direct export, 9810 overseas warehouse, 1210 bonded. */
export const BUSINESS_MODES = ['9610', '9710', '9810', '1210'] as const
export type BusinessMode = (typeof BUSINESS_MODES)[number]

/** The tenant's life in the park. */
export const TENANT_STATUSES = ['applicant', 'admitted', 'resident', 'moved_out'] as const
export type TenantStatus = (typeof TENANT_STATUSES)[number]

/** A lease's life (draft → active → renewed | terminated | expired). */
export const LEASE_STATUSES = ['draft', 'active', 'renewed', 'terminated', 'expired'] as const
export type LeaseStatus = (typeof LEASE_STATUSES)[number]
