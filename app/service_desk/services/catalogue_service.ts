import db from '@adonisjs/lucid/services/db'
import ServiceItem from '#service_desk/models/service_item'
import AuditService from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'

export interface ServiceItemInput {
  code: string
  clause?: string | null
  name: string
  nameEn?: string | null
  description: string
  descriptionEn?: string | null
  departmentId: number
  responseHours: number
  completionDays: number
  isActive?: boolean
  sortOrder?: number
}

/**
 * The service catalogue (GB/T 39678 6) edited by operators, every change in the audit trail. A
 * change of promise applies to requests filed afterwards; filed ones keep what they were promised.
 */
export default class CatalogueService {
  constructor(private audit = new AuditService()) {}

  async create(input: ServiceItemInput) {
    await this.assertFree(input)
    return db.transaction(async (trx) => {
      const item = await ServiceItem.create(this.values(input), { client: trx })
      await this.audit.record(trx, {
        action: 'service_item.created',
        subjectType: 'service_item',
        subjectId: item.id,
        after: item.serialize(),
      })
      return item
    })
  }

  async update(item: ServiceItem, input: ServiceItemInput) {
    await this.assertFree(input, item.id)
    return this.audit.saveChanges(item, 'service_item.updated', 'service_item', (i) =>
      i.merge(this.values(input))
    )
  }

  private values(input: ServiceItemInput) {
    return {
      code: input.code,
      clause: input.clause || null,
      name: input.name,
      nameEn: input.nameEn || null,
      description: input.description,
      descriptionEn: input.descriptionEn || null,
      departmentId: input.departmentId,
      responseHours: input.responseHours,
      completionDays: input.completionDays,
      isActive: input.isActive ?? false,
      sortOrder: input.sortOrder ?? 0,
    }
  }

  private async assertFree(input: ServiceItemInput, exceptId?: number) {
    for (const field of ['code', 'name'] as const) {
      const query = ServiceItem.query().where(field, input[field])
      if (exceptId) query.whereNot('id', exceptId)
      if (await query.first()) {
        throw new DomainException(`service_desk.catalogue.${field}_taken`, {}, { field })
      }
    }
  }
}
