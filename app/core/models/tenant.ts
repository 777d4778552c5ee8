import { TenantSchema } from '#database/schema'

/** An enterprise admitted to the park (入驻企业). */
export default class Tenant extends TenantSchema {}
