import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { SwProfileSchema } from '#database/schema'
import Tenant from '#core/models/tenant'
import type { ProfileRole } from '#single_window/message_types'

/** A tenant's single-window identity: customs code, BaseTransfer copCode/copName/dxpId, roles. */
export default class SwProfile extends SwProfileSchema {
  static table = 'sw_profiles'

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  /** The roles as a list (stored comma-separated). */
  get roleList(): ProfileRole[] {
    return (this.roles ?? '').split(',').filter(Boolean) as ProfileRole[]
  }

  hasRole(role: ProfileRole) {
    return this.roleList.includes(role)
  }
}
