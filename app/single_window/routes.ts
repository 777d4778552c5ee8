/*
|--------------------------------------------------------------------------
| Single window routes (issue 6): declarations, batch import, tracking
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { registerTenantCard } from '#core/dashboard_cards'
import { singleWindowCard } from '#single_window/services/dashboard_card'
import '#single_window/view_helpers'

const { singleWindow } = controllers
const TYPE = /^CEB(311|411|511|621|303|505|603)$/

registerTenantCard('singleWindow', singleWindowCard)

/* A tenant's own single window: profile, declarations, batch imports, API tokens. */
router
  .group(() => {
    router.get('/profile', [singleWindow.SwProfile, 'show']).as('profile.show')
    router.post('/profile', [singleWindow.SwProfile, 'update']).as('profile.update')

    router.get('/declarations', [singleWindow.Declarations, 'index']).as('declarations.index')
    router
      .get('/declarations/new/:type', [singleWindow.Declarations, 'create'])
      .as('declarations.create')
      .where('type', TYPE)
    router
      .post('/declarations/new/:type', [singleWindow.Declarations, 'store'])
      .as('declarations.store')
      .where('type', TYPE)
    router.get('/declarations/:id', [singleWindow.Declarations, 'show']).as('declarations.show')
    router
      .get('/declarations/:id/edit', [singleWindow.Declarations, 'edit'])
      .as('declarations.edit')
    router
      .post('/declarations/:id/edit', [singleWindow.Declarations, 'update'])
      .as('declarations.update')
    router
      .post('/declarations/:id/check', [singleWindow.Declarations, 'check'])
      .as('declarations.check')
    router
      .post('/declarations/:id/submit', [singleWindow.Declarations, 'submit'])
      .as('declarations.submit')

    router.get('/imports', [singleWindow.Imports, 'index']).as('imports.index')
    router
      .get('/imports/template/:type/:format', [singleWindow.Imports, 'template'])
      .as('imports.template')
      .where('type', TYPE)
      .where('format', /^(xlsx|csv)$/)
    router.post('/imports', [singleWindow.Imports, 'store']).as('imports.store')
    router.get('/imports/:id', [singleWindow.Imports, 'show']).as('imports.show')
    router.post('/imports/:id/submit', [singleWindow.Imports, 'submit']).as('imports.submit')

    router.get('/tokens', [singleWindow.ApiTokens, 'index']).as('tokens.index')
    router.post('/tokens', [singleWindow.ApiTokens, 'store']).as('tokens.store')
    router.post('/tokens/:id/revoke', [singleWindow.ApiTokens, 'revoke']).as('tokens.revoke')
  })
  .prefix('/tenant/single-window')
  .as('tenant.sw')
  .where('id', router.matchers.number())
  .use([middleware.auth(), middleware.role({ roles: ['tenant_admin', 'tenant_member'] })])

/* Operators and evaluators read every tenant's declarations; operators see the FailBox. */
router
  .group(() => {
    router
      .get('/declarations', [singleWindow.OperatorDeclarations, 'index'])
      .as('declarations.index')
    router
      .get('/declarations/:id', [singleWindow.OperatorDeclarations, 'show'])
      .as('declarations.show')
    router.get('/failbox', [singleWindow.OperatorDeclarations, 'failbox']).as('failbox')
  })
  .prefix('/single-window')
  .as('sw')
  .where('id', router.matchers.number())
  .use([
    middleware.auth(),
    middleware.role({ roles: ['operator_admin', 'operator_staff', 'evaluator'] }),
  ])

/* Warehouse scanners post tracking events with a tenant's API token (no session, no CSRF). */
router.post('/api/tracking/events', [singleWindow.TrackingApi, 'store']).as('api.tracking.events')

/* Anyone follows a waybill by its number. */
router.get('/track', [singleWindow.PublicTracking, 'show']).as('track')
