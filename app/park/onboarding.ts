import { USER_CATEGORIES } from '#core/validators/registration_validator'
import {
  BUSINESS_MODES,
  ENTERPRISE_TYPES,
  TENANT_STATUSES,
  UNIT_STATUSES,
  UNIT_TYPES,
} from '#park/spaces'

/**
 * Bulk onboarding: the two Excel imports (tenants into the register, units into the spaces
 * register), their columns and limits. The template, the reader and the import share these.
 */
export const IMPORT_KINDS = ['tenants', 'units'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** How a column's cells are read: text, a whole number, an area, a day, or code(s) from a list. */
export type ColumnFormat = 'text' | 'count' | 'integer' | 'area' | 'date' | 'code' | 'codes'

export interface ImportColumn {
  /** The machine key in the template's second row; also the row validator's field. */
  key: string
  /** i18n key of the header. */
  label: string
  format: ColumnFormat
  required?: boolean
  width: number
  /** For `code`/`codes`: the allowed codes and the i18n prefix of their labels. */
  codes?: { values: readonly string[]; labels: string }
  /** Cells kept as text in Excel (a USCC or a phone number must not turn into a number). */
  asText?: boolean
  /** An example value for the instructions sheet. */
  example: string
  /** i18n key of what to type, when the format alone does not say it. */
  hint?: string
}

/** Largest upload and most data rows accepted in one file. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
export const IMPORT_MAX_ROWS = 5000

/** Row 1 holds the translated headers, row 2 the machine keys; data starts on row 3. */
export const LABEL_ROW = 1
export const KEY_ROW = 2
export const FIRST_DATA_ROW = 3

const count = (key: string, label: string, example: string): ImportColumn => ({
  key,
  label,
  format: 'count',
  width: 14,
  example,
})

/** The enterprise register's fields (identity from registration, the rest as on the register form). */
export const TENANT_COLUMNS: ImportColumn[] = [
  {
    key: 'uscc',
    label: 'fields.uscc',
    format: 'text',
    required: true,
    width: 22,
    asText: true,
    example: '91350100M000100Y43',
    hint: 'imports.hint.uscc',
  },
  {
    key: 'name',
    label: 'fields.unitName',
    format: 'text',
    required: true,
    width: 32,
    example: '厦门示例跨境电商有限公司',
  },
  {
    key: 'userCategory',
    label: 'fields.userCategory',
    format: 'code',
    required: true,
    width: 22,
    codes: { values: USER_CATEGORIES, labels: 'categories' },
    example: 'ecommerce_enterprise',
  },
  {
    key: 'legalRepresentative',
    label: 'fields.legalRepresentative',
    format: 'text',
    required: true,
    width: 14,
    example: '陈一',
  },
  {
    key: 'contactPerson',
    label: 'fields.contactPerson',
    format: 'text',
    required: true,
    width: 14,
    example: '林二',
  },
  {
    key: 'contactPhone',
    label: 'fields.mobile',
    format: 'text',
    required: true,
    width: 16,
    asText: true,
    example: '13912345678',
    hint: 'imports.hint.mobile',
  },
  {
    key: 'contactEmail',
    label: 'fields.email',
    format: 'text',
    required: true,
    width: 26,
    example: 'ops@example.com',
    hint: 'imports.hint.email',
  },
  {
    key: 'enterpriseTypes',
    label: 'park.enterprise_types',
    format: 'codes',
    required: true,
    width: 30,
    codes: { values: ENTERPRISE_TYPES, labels: 'park.enterprise' },
    example: 'ecommerce_enterprise, logistics',
  },
  {
    key: 'businessModes',
    label: 'park.business_modes',
    format: 'codes',
    width: 18,
    codes: { values: BUSINESS_MODES, labels: 'park.modes' },
    example: '9610, 1210',
  },
  { key: 'industry', label: 'park.industry', format: 'text', width: 16, example: '跨境零售' },
  count('headcount', 'park.headcount', '48'),
  count('talentBachelorPlus', 'park.talent_bachelor_plus', '30'),
  count('talentCbecSpecialists', 'park.talent_cbec_specialists', '12'),
  count('ipPatents', 'park.ip_patents', '2'),
  count('ipTrademarks', 'park.ip_trademarks', '5'),
  count('ipSoftwareCopyrights', 'park.ip_software_copyrights', '3'),
  {
    key: 'status',
    label: 'fields.status',
    format: 'code',
    required: true,
    width: 12,
    codes: { values: TENANT_STATUSES, labels: 'park.tenant_statuses' },
    example: 'resident',
  },
  {
    key: 'moveInDate',
    label: 'park.move_in_date',
    format: 'date',
    width: 13,
    example: '2026-03-01',
  },
  { key: 'moveOutDate', label: 'park.move_out_date', format: 'date', width: 13, example: '' },
]

/** A unit of the spaces register; its building is named by code (or name) and must exist. */
export const UNIT_COLUMNS: ImportColumn[] = [
  {
    key: 'building',
    label: 'imports.building_column',
    format: 'text',
    required: true,
    width: 18,
    asText: true,
    example: 'A',
    hint: 'imports.hint.building',
  },
  { key: 'floor', label: 'park.floor', format: 'integer', required: true, width: 8, example: '3' },
  {
    key: 'number',
    label: 'park.unit_number',
    format: 'text',
    required: true,
    width: 12,
    asText: true,
    example: 'A-301',
    hint: 'imports.hint.unit_number',
  },
  {
    key: 'unitType',
    label: 'park.unit_type',
    format: 'code',
    required: true,
    width: 16,
    codes: { values: UNIT_TYPES, labels: 'park.types' },
    example: 'office',
  },
  {
    key: 'area',
    label: 'park.area_m2',
    format: 'area',
    required: true,
    width: 12,
    example: '120.5',
  },
  {
    key: 'status',
    label: 'fields.status',
    format: 'code',
    required: true,
    width: 12,
    codes: { values: UNIT_STATUSES, labels: 'park.statuses' },
    example: 'vacant',
  },
]

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  tenants: TENANT_COLUMNS,
  units: UNIT_COLUMNS,
}
