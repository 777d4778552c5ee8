import type { HttpContext } from '@adonisjs/core/http'
import ServiceItem from '#service_desk/models/service_item'
import Department from '#core/models/department'
import CatalogueService from '#service_desk/services/catalogue_service'
import { serviceDeskMessages } from '#service_desk/validators/messages'
import { serviceItemValidator } from '#service_desk/validators/service_desk_validator'

/** /services: the catalogue every signed-in user reads; operators add and edit entries. */
export default class ServiceItemsController {
  async index({ view, bouncer, auth }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('readCatalogue')
    const query = ServiceItem.query().preload('department').orderBy('sort_order').orderBy('id')
    if (!auth.getUserOrFail().isOperator) query.where('is_active', true)
    return view.render('pages/service_desk/catalogue', { items: await query })
  }

  async create({ view, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('editCatalogue')
    return view.render('pages/service_desk/item_form', { item: null, ...(await this.choices()) })
  }

  async store({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('editCatalogue')
    const payload = await request.validateUsing(serviceItemValidator, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    await new CatalogueService().create(payload)
    session.flash('success', i18n.t('service_desk.catalogue.saved'))
    return response.redirect().toRoute('services.index')
  }

  async edit({ params, view, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('editCatalogue')
    const item = await ServiceItem.findOrFail(params.id)
    return view.render('pages/service_desk/item_form', { item, ...(await this.choices()) })
  }

  async update({ params, request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ServiceDeskPolicy').authorize('editCatalogue')
    const item = await ServiceItem.findOrFail(params.id)
    const payload = await request.validateUsing(serviceItemValidator, {
      messagesProvider: serviceDeskMessages(i18n),
    })
    await new CatalogueService().update(item, payload)
    session.flash('success', i18n.t('service_desk.catalogue.saved'))
    return response.redirect().toRoute('services.index')
  }

  private async choices() {
    return { departments: await Department.query().orderBy('sort_order').orderBy('id') }
  }
}
