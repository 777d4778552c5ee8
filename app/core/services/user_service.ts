import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { SessionCollection } from '@adonisjs/session'
import User from '#core/models/user'
import type { Role } from '#core/roles'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'

export interface UserInput {
  email: string
  fullName: string
  role: Role
  password?: string
  phone?: string | null
  departmentId?: number | null
  tenantId?: number | null
}

/** Creating, changing and disabling accounts, each with its audit entry. */
export default class UserService {
  constructor(private audit = new AuditService()) {}

  async create(input: UserInput & { password: string }) {
    if (await User.findBy('email', input.email))
      throw new DomainException('users.email_taken', {}, { field: 'email' })
    return db.transaction(async (trx) => {
      const user = await User.create({ ...input, isActive: true }, { client: trx })
      await this.audit.record(trx, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        after: user.serialize(),
        tenantId: user.tenantId,
      })
      return user
    })
  }

  async update(user: User, input: Partial<UserInput>) {
    return this.audit.saveChanges(user, 'user.updated', 'user', (u) => u.merge(input), {
      tenantId: user.tenantId,
    })
  }

  /** Disabling ends every session the user has, in whichever process it lives. */
  async setActive(user: User, active: boolean, by: User) {
    if (user.id === by.id)
      throw new DomainException('users.cannot_disable_self', {}, { status: 409 })
    await this.audit.saveChanges(
      user,
      active ? 'user.enabled' : 'user.disabled',
      'user',
      (u) => (u.isActive = active),
      { tenantId: user.tenantId }
    )
    if (!active) await this.endSessions(user)
    return user
  }

  async changePassword(user: User, current: string, next: string) {
    const verified = await User.verifyCredentials(user.email, current).catch(() => null)
    if (!verified)
      throw new DomainException('auth.wrong_current_password', {}, { field: 'currentPassword' })
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.password = next
      await user.save()
      await this.audit.record(trx, {
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: user.id,
        tenantId: user.tenantId,
      })
    })
  }

  async setLocale(user: User, locale: string) {
    if (user.locale === locale) return
    await this.audit.saveChanges(user, 'user.locale_changed', 'user', (u) => (u.locale = locale), {
      tenantId: user.tenantId,
    })
  }

  /** A successful login: remembered on the account and in the audit trail. */
  async recordLogin(user: User) {
    await this.audit.saveChanges(
      user,
      'auth.login',
      'user',
      (u) => (u.lastLoginAt = DateTime.utc()),
      {
        tenantId: user.tenantId,
        actor: user,
      }
    )
  }

  private async endSessions(user: User) {
    const sessions = await app.container.make(SessionCollection)
    if (!sessions.supportsTagging()) return
    for (const session of await sessions.tagged(String(user.id))) await sessions.destroy(session.id)
  }
}
