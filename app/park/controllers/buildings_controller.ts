import type { HttpContext } from '@adonisjs/core/http'
import Building from '#park/models/building'
import SpaceService from '#park/services/space_service'
import { buildingValidator } from '#park/validators/space_validator'

/** Buildings of the park; their units are listed on /park/units. */
export default class BuildingsController {
  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/units/building_form', { building: null })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new SpaceService().createBuilding(await request.validateUsing(buildingValidator))
    session.flash('success', i18n.t('park.building_saved'))
    return response.redirect().toRoute('park.units.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/units/building_form', {
      building: await Building.findOrFail(params.id),
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const building = await Building.findOrFail(params.id)
    await new SpaceService().updateBuilding(
      building,
      await request.validateUsing(buildingValidator)
    )
    session.flash('success', i18n.t('park.building_saved'))
    return response.redirect().toRoute('park.units.index')
  }
}
