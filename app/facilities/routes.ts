/*
|--------------------------------------------------------------------------
| Facilities routes: the register, the booking calendar, bookings and utilisation
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

const { facilities } = controllers

router
  .group(() => {
    router.get('/facilities', [facilities.Facilities, 'index']).as('facilities.index')
    router.get('/facilities/create', [facilities.Facilities, 'create']).as('facilities.create')
    router.post('/facilities', [facilities.Facilities, 'store']).as('facilities.store')
    router.get('/facilities/:id', [facilities.Facilities, 'show']).as('facilities.show')
    router.get('/facilities/:id/edit', [facilities.Facilities, 'edit']).as('facilities.edit')
    router.put('/facilities/:id', [facilities.Facilities, 'update']).as('facilities.update')
    router
      .get('/facilities/:id/photos/:photoId', [facilities.Facilities, 'photo'])
      .as('facilities.photo')
    router
      .delete('/facilities/:id/photos/:photoId', [facilities.Facilities, 'destroyPhoto'])
      .as('facilities.photo.destroy')
    router
      .post('/facilities/:id/blocks', [facilities.Facilities, 'storeBlock'])
      .as('facilities.blocks.store')
    router
      .delete('/facilities/:id/blocks/:blockId', [facilities.Facilities, 'destroyBlock'])
      .as('facilities.blocks.destroy')

    router.get('/bookings', [facilities.Bookings, 'index']).as('bookings.index')
    router.get('/bookings/list', [facilities.Bookings, 'list']).as('bookings.list')
    router.get('/bookings/new', [facilities.Bookings, 'create']).as('bookings.create')
    router.post('/bookings', [facilities.Bookings, 'store']).as('bookings.store')
    router.get('/facility-utilisation', [facilities.Utilisation, 'show']).as('bookings.utilisation')
    router
      .get('/facility-utilisation.xlsx', [facilities.Utilisation, 'workbook'])
      .as('bookings.utilisation.workbook')
    router.get('/bookings/series/:id', [facilities.Bookings, 'series']).as('bookings.series')
    router.get('/bookings/:id', [facilities.Bookings, 'show']).as('bookings.show')
    router.post('/bookings/:id/cancel', [facilities.Bookings, 'cancel']).as('bookings.cancel')
    router.post('/bookings/:id/check-in', [facilities.Bookings, 'checkIn']).as('bookings.check_in')
    router.post('/bookings/:id/approve', [facilities.Bookings, 'approve']).as('bookings.approve')
    router.post('/bookings/:id/reject', [facilities.Bookings, 'reject']).as('bookings.reject')
  })
  .where('id', router.matchers.number())
  .where('photoId', router.matchers.number())
  .where('blockId', router.matchers.number())
  .use([middleware.auth()])
