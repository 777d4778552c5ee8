import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Department from '#core/models/department'
import User from '#core/models/user'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'

export interface DepartmentInput {
  name: string
  responsibilities: string
  phone?: string | null
  sortOrder?: number
  headUserId?: number | null
}

const isForeignKeyViolation = (error: any) =>
  error?.code === 'ER_ROW_IS_REFERENCED_2' || error?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'

/** The operator's departments (GB/T 39678 5.1.2), each change audited. */
export default class DepartmentService {
  /**
   * Who answers for a department when something escalates: its active head, or every active
   * operator admin when it has none.
   */
  static async headsOf(trx: TransactionClientContract, departmentId: number) {
    const department = await Department.query({ client: trx }).where('id', departmentId).first()
    if (department?.headUserId) {
      const head = await trx
        .from('users')
        .where({ id: department.headUserId, is_active: true })
        .first()
      if (head) return [Number(head.id)]
    }
    const admins = await trx
      .from('users')
      .where({ role: 'operator_admin', is_active: true })
      .select('id')
    return admins.map((a) => Number(a.id))
  }

  constructor(private audit = new AuditService()) {}

  async create(input: DepartmentInput) {
    await this.assertNameFree(input.name)
    return db.transaction(async (trx) => {
      const department = await Department.create(input, { client: trx })
      await this.audit.record(trx, {
        action: 'department.created',
        subjectType: 'department',
        subjectId: department.id,
        after: department.serialize(),
      })
      return department
    })
  }

  async update(department: Department, input: DepartmentInput) {
    await this.assertNameFree(input.name, department.id)
    return this.audit.saveChanges(department, 'department.updated', 'department', (d) =>
      d.merge({ ...input, headUserId: input.headUserId ?? null })
    )
  }

  /** A department with staff cannot go: move them first. */
  async delete(department: Department) {
    const staff = await User.query()
      .where('departmentId', department.id)
      .count('* as total')
      .firstOrFail()
    if (Number(staff.$extras.total) > 0)
      throw new DomainException(
        'departments.has_staff',
        { count: Number(staff.$extras.total) },
        { status: 409 }
      )
    try {
      await this.audit.deleteRecord(department, 'department.deleted', 'department')
    } catch (error) {
      // Other records name it as responsible (e.g. complaint categories): it stays.
      if (isForeignKeyViolation(error))
        throw new DomainException('departments.in_use', {}, { status: 409 })
      throw error
    }
  }

  private async assertNameFree(name: string, exceptId?: number) {
    const query = Department.query().where('name', name)
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first())
      throw new DomainException('departments.name_taken', {}, { field: 'name' })
  }
}
