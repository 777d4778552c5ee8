import type { HttpContext } from '@adonisjs/core/http'
import ParkProfile from '#park/models/park_profile'
import SpaceService from '#park/services/space_service'
import { parkProfileValidator } from '#park/validators/space_validator'

/** The park profile: name, areas, operating organisation and the channels the public sees. */
export default class ProfileController {
  async edit({ view, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('editProfile')
    return view.render('pages/park/profile', { profile: await ParkProfile.first() })
  }

  async update({ request, response, session, i18n, bouncer }: HttpContext) {
    await bouncer.with('ParkPolicy').authorize('editProfile')
    const payload = await request.validateUsing(parkProfileValidator)
    await new SpaceService().saveProfile({ ...payload, contacts: payload.contacts ?? null })
    session.flash('success', i18n.t('park.profile_saved'))
    return response.redirect().toRoute('park.profile.edit')
  }
}
