import db from '@adonisjs/lucid/services/db'
import ComplaintCategory from '#complaints/models/complaint_category'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'

export interface CategoryInput {
  name: string
  nameEn?: string | null
  commitmentDays: number
  departmentId: number
  isActive?: boolean
  sortOrder?: number
}

/**
 * Complaint categories and their commitments (GB/T 39678 7.3.2: the promised time and the
 * responsible department). A change applies to complaints filed afterwards; filed ones keep the
 * deadline they were promised.
 */
export default class CategoryService {
  constructor(private audit = new AuditService()) {}

  async create(input: CategoryInput) {
    await this.assertNameFree(input.name)
    return db.transaction(async (trx) => {
      const category = await ComplaintCategory.create(this.values(input), { client: trx })
      await this.audit.record(trx, {
        action: 'complaint_category.created',
        subjectType: 'complaint_category',
        subjectId: category.id,
        after: category.serialize(),
      })
      return category
    })
  }

  async update(category: ComplaintCategory, input: CategoryInput) {
    await this.assertNameFree(input.name, category.id)
    return this.audit.saveChanges(
      category,
      'complaint_category.updated',
      'complaint_category',
      (c) => c.merge(this.values(input))
    )
  }

  private values(input: CategoryInput) {
    return {
      name: input.name,
      nameEn: input.nameEn || null,
      commitmentDays: input.commitmentDays,
      departmentId: input.departmentId,
      isActive: input.isActive ?? false,
      sortOrder: input.sortOrder ?? 0,
    }
  }

  private async assertNameFree(name: string, exceptId?: number) {
    const query = ComplaintCategory.query().where('name', name)
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first()) {
      throw new DomainException('complaints.category_name_taken', {}, { field: 'name' })
    }
  }
}
