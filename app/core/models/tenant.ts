import { TenantSchema } from '#database/schema'

const parseCodes = (value: string | null) => JSON.parse(value || '[]') as string[]

/**
 * An enterprise admitted to the park (入驻企业): the register the park module keeps.
 * `enterprise_types` and `business_modes` hold JSON arrays of codes.
 */
export default class Tenant extends TenantSchema {
  get enterpriseTypeList() {
    return parseCodes(this.enterpriseTypes)
  }

  get businessModeList() {
    return parseCodes(this.businessModes)
  }
}
