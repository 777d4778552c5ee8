import { column, belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { UserSchema } from '#database/schema'
import { type Role, kindOf, OPERATOR_ROLES, TENANT_ROLES } from '#core/roles'
import Tenant from '#core/models/tenant'
import Department from '#core/models/department'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/** Anyone who logs in: operator staff, evaluators and tenant users. */
export default class User extends compose(UserSchema, AuthFinder) {
  @column()
  declare role: Role

  @column({ consume: (value) => Boolean(value) })
  declare isActive: boolean

  @belongsTo(() => Tenant)
  declare tenant: BelongsTo<typeof Tenant>

  @belongsTo(() => Department)
  declare department: BelongsTo<typeof Department>

  get kind() {
    return kindOf(this.role)
  }

  get isOperator() {
    return OPERATOR_ROLES.includes(this.role)
  }

  get isOperatorAdmin() {
    return this.role === 'operator_admin'
  }

  get isEvaluator() {
    return this.role === 'evaluator'
  }

  get isTenantUser() {
    return TENANT_ROLES.includes(this.role)
  }

  get isTenantAdmin() {
    return this.role === 'tenant_admin'
  }
}
