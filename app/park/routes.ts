/*
|--------------------------------------------------------------------------
| Park routes: the park profile and its buildings and units (operators)
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { registerTenantCard } from '#core/dashboard_cards'
import TenantOverviewService from '#park/services/tenant_overview_service'

const { park } = controllers

// The tenant dashboard's card: the tenant's own leases, units and documents.
registerTenantCard('park', (user) => new TenantOverviewService().forUser(user))

router
  .group(() => {
    router.get('/profile', [park.Profile, 'edit']).as('profile.edit')
    router.put('/profile', [park.Profile, 'update']).as('profile.update')

    router.get('/units', [park.Units, 'index']).as('units.index')
    router.get('/units/create', [park.Units, 'create']).as('units.create')
    router.post('/units', [park.Units, 'store']).as('units.store')
    router.get('/units/:id/edit', [park.Units, 'edit']).as('units.edit')
    router.put('/units/:id', [park.Units, 'update']).as('units.update')
    router.delete('/units/:id', [park.Units, 'destroy']).as('units.destroy')

    router.get('/tenants', [park.Tenants, 'index']).as('tenants.index')
    router.get('/tenants.xlsx', [park.Tenants, 'export']).as('tenants.export')
    router.get('/tenants/:id', [park.Tenants, 'show']).as('tenants.show')
    router.get('/tenants/:id/edit', [park.Tenants, 'edit']).as('tenants.edit')
    router.put('/tenants/:id', [park.Tenants, 'update']).as('tenants.update')

    router.get('/tenant-changes', [park.TenantChanges, 'index']).as('tenant_changes.index')
    router.get('/tenant-changes/:id', [park.TenantChanges, 'show']).as('tenant_changes.show')
    router
      .post('/tenant-changes/:id/approve', [park.TenantChanges, 'approve'])
      .as('tenant_changes.approve')
    router
      .post('/tenant-changes/:id/reject', [park.TenantChanges, 'reject'])
      .as('tenant_changes.reject')

    router.get('/statistics', [park.Statistics, 'show']).as('statistics.show')
    router.get('/statistics.xlsx', [park.Statistics, 'workbook']).as('statistics.workbook')

    router.get('/leases', [park.Leases, 'index']).as('leases.index')
    router.get('/leases.xlsx', [park.Leases, 'export']).as('leases.export')
    router.get('/leases/create', [park.Leases, 'create']).as('leases.create')
    router.post('/leases', [park.Leases, 'store']).as('leases.store')
    router.get('/leases/:id', [park.Leases, 'show']).as('leases.show')
    router.post('/leases/:id/activate', [park.Leases, 'activate']).as('leases.activate')
    router.post('/leases/:id/terminate', [park.Leases, 'terminate']).as('leases.terminate')
    router.get('/leases/:id/renew', [park.Leases, 'editRenewal']).as('leases.renewal')
    router.post('/leases/:id/renew', [park.Leases, 'renew']).as('leases.renew')

    router
      .group(() => {
        router.get('/imports/:kind', [park.Imports, 'show']).as('show')
        router.get('/imports/:kind/template.xlsx', [park.Imports, 'template']).as('template')
        router.post('/imports/:kind', [park.Imports, 'store']).as('store')
      })
      .as('imports')
      .where('kind', /^(tenants|units)$/)

    router.get('/buildings/create', [park.Buildings, 'create']).as('buildings.create')
    router.post('/buildings', [park.Buildings, 'store']).as('buildings.store')
    router.get('/buildings/:id/edit', [park.Buildings, 'edit']).as('buildings.edit')
    router.put('/buildings/:id', [park.Buildings, 'update']).as('buildings.update')
  })
  .prefix('/park')
  .as('park')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['operator_admin', 'operator_staff'] })])

/*
| Tenants' documents with expiry: operators see every tenant's (and upload on its behalf).
*/
router
  .group(() => {
    router.get('/documents', [park.Documents, 'index']).as('documents.index')
    router.get('/documents/:id', [park.Documents, 'show']).as('documents.show')
    router.get('/documents/:id/edit', [park.Documents, 'edit']).as('documents.edit')
    router.put('/documents/:id', [park.Documents, 'update']).as('documents.update')
    router.delete('/documents/:id', [park.Documents, 'destroy']).as('documents.destroy')
    router
      .get('/tenants/:id/documents/create', [park.Documents, 'create'])
      .as('tenant_documents.create')
    router.post('/tenants/:id/documents', [park.Documents, 'store']).as('tenant_documents.store')
  })
  .prefix('/park')
  .as('park')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['operator_admin', 'operator_staff'] })])

/*
| The tenant's own enterprise profile and documents (tenant users; the tenant comes from the
| session user, never from the request)
*/
router
  .group(() => {
    router.get('/profile', [park.TenantProfile, 'show']).as('profile.show')
    router.get('/profile/edit', [park.TenantProfile, 'edit']).as('profile.edit')
    router.put('/profile', [park.TenantProfile, 'update']).as('profile.update')
    router
      .post('/profile/changes/:id/withdraw', [park.TenantProfile, 'withdraw'])
      .as('profile.withdraw')

    router.get('/documents', [park.TenantDocuments, 'index']).as('documents.index')
    router.get('/documents/create', [park.TenantDocuments, 'create']).as('documents.create')
    router.post('/documents', [park.TenantDocuments, 'store']).as('documents.store')
    router.get('/documents/:id', [park.TenantDocuments, 'show']).as('documents.show')
    router.get('/documents/:id/edit', [park.TenantDocuments, 'edit']).as('documents.edit')
    router.put('/documents/:id', [park.TenantDocuments, 'update']).as('documents.update')
    router.delete('/documents/:id', [park.TenantDocuments, 'destroy']).as('documents.destroy')
  })
  .prefix('/tenant')
  .as('tenant')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])
