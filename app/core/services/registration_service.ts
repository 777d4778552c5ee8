import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import RegistrationApplication from '#core/models/registration_application'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import DomainException from '#core/exceptions/domain_exception'
import AuditService from '#core/services/audit_service'
import NumberingService from '#core/services/numbering_service'
import AttachmentService from '#core/services/attachment_service'

export interface RegistrationInput {
  userCategory: string
  unitName: string
  uscc: string
  legalRepresentative: string
  contactPerson: string
  mobile: string
  email: string
  password: string
  licence?: MultipartFile | null
}

/** Enterprise self-registration and the operator's decision (SZDB/Z 304.1 6.2). */
export default class RegistrationService {
  constructor(
    private audit = new AuditService(),
    private attachments = new AttachmentService()
  ) {}

  /** Files a pending application. A USCC already admitted or pending is refused. */
  async apply(input: RegistrationInput) {
    await this.assertUsccFree(input.uscc)
    await this.assertEmailFree(input.email)
    const passwordHash = await hash.make(input.password)
    try {
      return await db.transaction(async (trx) => {
        const application = await RegistrationApplication.create(
          {
            number: await NumberingService.next(trx, 'RG'),
            userCategory: input.userCategory,
            unitName: input.unitName,
            uscc: input.uscc,
            pendingUscc: input.uscc,
            legalRepresentative: input.legalRepresentative,
            contactPerson: input.contactPerson,
            mobile: input.mobile,
            email: input.email,
            passwordHash,
            status: 'pending',
          },
          { client: trx }
        )
        if (input.licence) {
          await this.attachments.store(
            trx,
            input.licence,
            { type: 'registration', id: application.id, tenantId: null },
            'licence'
          )
        }
        await this.audit.record(trx, {
          action: 'registration.applied',
          subjectType: 'registration_application',
          subjectId: application.id,
          after: application.serialize(),
          actor: null,
        })
        return application
      })
    } catch (error) {
      // Two submissions racing past the checks above: the unique index on pending_uscc decides.
      if (this.isUniqueViolation(error))
        throw new DomainException('registration.uscc_taken', {}, { field: 'uscc' })
      throw error
    }
  }

  /** Admits the enterprise: a tenant and its first tenant_admin, in one transaction. */
  async approve(applicationId: number, reviewer: User) {
    return db.transaction(async (trx) => {
      const application = await RegistrationApplication.query({ client: trx })
        .where('id', applicationId)
        .forUpdate()
        .firstOrFail()
      this.assertPending(application)
      const before = application.serialize()
      const tenant = await Tenant.create(
        {
          uscc: application.uscc,
          name: application.unitName,
          userCategory: application.userCategory,
          legalRepresentative: application.legalRepresentative,
          contactPerson: application.contactPerson,
          contactPhone: application.mobile,
          contactEmail: application.email,
          status: 'admitted',
        },
        { client: trx }
      )
      const user = await User.create(
        {
          email: application.email,
          password: randomUUID(),
          fullName: application.contactPerson,
          role: 'tenant_admin',
          tenantId: tenant.id,
          phone: application.mobile,
          isActive: true,
        },
        { client: trx }
      )
      // The applicant chose the password at registration: keep that hash (the model would re-hash it).
      await trx.from('users').where('id', user.id).update({ password: application.passwordHash })
      application.merge({
        status: 'approved',
        pendingUscc: null,
        reviewedBy: reviewer.id,
        reviewedAt: DateTime.utc(),
        tenantId: tenant.id,
      })
      await application.save()
      await trx
        .from('attachments')
        .where({ owner_type: 'registration', owner_id: String(application.id) })
        .update({ tenant_id: tenant.id })
      await this.audit.record(trx, {
        actor: reviewer,
        action: 'registration.approved',
        subjectType: 'registration_application',
        subjectId: application.id,
        before,
        after: application.serialize(),
      })
      await this.audit.record(trx, {
        actor: reviewer,
        action: 'tenant.created',
        subjectType: 'tenant',
        subjectId: tenant.id,
        after: tenant.serialize(),
        tenantId: tenant.id,
      })
      await this.audit.record(trx, {
        actor: reviewer,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        after: user.serialize(),
        tenantId: tenant.id,
      })
      return { application, tenant, user }
    })
  }

  /** Refuses the application with a reason the applicant sees. */
  async reject(applicationId: number, reason: string, reviewer: User) {
    return db.transaction(async (trx) => {
      const application = await RegistrationApplication.query({ client: trx })
        .where('id', applicationId)
        .forUpdate()
        .firstOrFail()
      this.assertPending(application)
      const before = application.serialize()
      application.merge({
        status: 'rejected',
        pendingUscc: null,
        rejectReason: reason,
        reviewedBy: reviewer.id,
        reviewedAt: DateTime.utc(),
      })
      await application.save()
      await this.audit.record(trx, {
        actor: reviewer,
        action: 'registration.rejected',
        subjectType: 'registration_application',
        subjectId: application.id,
        before,
        after: application.serialize(),
      })
      return application
    })
  }

  /** What an applicant sees when they try to log in before approval. */
  async findForApplicant(email: string, password: string) {
    const application = await RegistrationApplication.query()
      .where('email', email)
      .whereNot('status', 'approved')
      .orderBy('id', 'desc')
      .first()
    if (!application || !(await hash.verify(application.passwordHash, password))) return null
    return application
  }

  private assertPending(application: RegistrationApplication) {
    if (application.status !== 'pending')
      throw new DomainException(
        'registration.already_decided',
        { status: application.status },
        { status: 409 }
      )
  }

  private async assertUsccFree(uscc: string) {
    const tenant = await Tenant.findBy('uscc', uscc)
    const pending = await RegistrationApplication.findBy('pendingUscc', uscc)
    if (tenant || pending)
      throw new DomainException('registration.uscc_taken', {}, { field: 'uscc' })
  }

  private async assertEmailFree(email: string) {
    const user = await User.findBy('email', email)
    const pending = await RegistrationApplication.query()
      .where({ email, status: 'pending' })
      .first()
    if (user || pending)
      throw new DomainException('registration.email_taken', {}, { field: 'email' })
  }

  private isUniqueViolation(error: any) {
    return error?.code === 'ER_DUP_ENTRY' || error?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  }
}
