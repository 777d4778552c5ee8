import type { HttpContext } from '@adonisjs/core/http'
import Unit from '#park/models/unit'
import Building from '#park/models/building'
import SpaceService from '#park/services/space_service'
import { paginate } from '#core/services/listing'
import { unitListValidator, unitValidator } from '#park/validators/space_validator'
import { UNIT_STATUSES, UNIT_TYPES } from '#park/spaces'

/** The units register at /park/units: list with filters, create, edit, remove. */
export default class UnitsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const filters = await request.validateUsing(unitListValidator, { data: request.qs() })
    const query = Unit.query().preload('building')
    if (filters.buildingId) query.where('building_id', filters.buildingId)
    if (filters.unitType) query.where('unit_type', filters.unitType)
    if (filters.status) query.where('status', filters.status)
    if (filters.q) query.where('number', 'like', `%${filters.q.toUpperCase()}%`)
    const page = await paginate(
      query,
      filters,
      ['number', 'floor', 'area', 'unit_type', 'status'],
      'number',
      'asc'
    )
    const buildings = await Building.query().withCount('units').orderBy('code')
    return view.render('pages/park/units/index', {
      page,
      filters: request.qs(),
      buildings,
      types: UNIT_TYPES,
      statuses: UNIT_STATUSES,
    })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/units/form', { unit: null, ...(await this.choices()) })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new SpaceService().createUnit(await request.validateUsing(unitValidator))
    session.flash('success', i18n.t('park.unit_saved'))
    return response.redirect().toRoute('park.units.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    return view.render('pages/park/units/form', {
      unit: await Unit.findOrFail(params.id),
      ...(await this.choices()),
    })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    const unit = await Unit.findOrFail(params.id)
    await new SpaceService().updateUnit(unit, await request.validateUsing(unitValidator))
    session.flash('success', i18n.t('park.unit_saved'))
    return response.redirect().toRoute('park.units.index')
  }

  async destroy({ params, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('manageSpaces')
    await new SpaceService().deleteUnit(await Unit.findOrFail(params.id))
    session.flash('success', i18n.t('park.unit_deleted'))
    return response.redirect().toRoute('park.units.index')
  }

  private async choices() {
    return {
      buildings: await Building.query().orderBy('code'),
      types: UNIT_TYPES,
      statuses: UNIT_STATUSES,
    }
  }
}
