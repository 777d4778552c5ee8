import type User from '#core/models/user'
import Lease from '#park/models/lease'
import TenantDocument from '#park/models/tenant_document'
import DocumentService from '#park/services/document_service'
import { scopeToTenant } from '#core/tenancy'
import { todayInShanghai } from '#core/dates'
import { daysUntil } from '#park/documents'

/** Statuses in which a lease holds its units (as in LeaseService). */
const CURRENT = ['active', 'renewed']

/**
 * What a tenant's dashboard shows of the park register: its current leases with their units and
 * its documents with their expiry. Both queries go through scopeToTenant with the signed-in user,
 * never an id from the request.
 */
export default class TenantOverviewService {
  async forUser(user: User, today = todayInShanghai()) {
    const leases = await scopeToTenant(Lease.query(), user)
      .whereIn('status', CURRENT)
      .preload('units', (units) => units.preload('building').orderBy('number'))
      .orderBy('start_date')
      .orderBy('id')
    const documents = await new DocumentService().ordered(
      scopeToTenant(TenantDocument.query(), user)
    )
    return {
      leases: leases.map((lease) => ({
        number: lease.number,
        status: lease.status,
        startDate: lease.startDate.toISODate(),
        endDate: lease.endDate.toISODate(),
        daysLeft: daysUntil(lease.endDate, today),
        monthlyRentFen: lease.monthlyRentFen,
        area: lease.units.reduce((sum, unit) => sum + unit.area, 0),
        units: lease.units.map((unit) => ({
          number: unit.number,
          building: unit.building.name,
          floor: unit.floor,
          area: unit.area,
        })),
      })),
      documents,
      expiredDocuments: documents.filter((d) => d.status === 'expired').length,
      expiringDocuments: documents.filter((d) => d.status === 'expiring').length,
    }
  }
}
