import type { HttpContext } from '@adonisjs/core/http'
import ComplaintCategory from '#complaints/models/complaint_category'
import Department from '#core/models/department'
import { complaintStatistics } from '#complaints/services/complaint_statistics'
import { buildLedgerWorkbook, ledgerRows } from '#complaints/services/ledger_workbook'
import { sendXlsx } from '#core/xlsx'
import { complaintMessages } from '#complaints/validators/messages'
import { complaintListValidator } from '#complaints/validators/complaint_validator'
import { CHANNELS } from '#complaints/workflow'

/** The ledger (投诉台账) as Excel and the statistics page, both with the list's filters. */
export default class ComplaintReportsController {
  async ledger({ request, response, bouncer, i18n }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('browse')
    const filters = await request.validateUsing(complaintListValidator, {
      data: request.qs(),
      messagesProvider: complaintMessages(i18n),
    })
    const ledger = await ledgerRows(filters, i18n.locale)
    return sendXlsx(response, 'complaint-ledger.xlsx', await buildLedgerWorkbook(ledger, i18n))
  }

  async statistics({ request, view, bouncer, i18n }: HttpContext) {
    await bouncer.with('ComplaintPolicy').authorize('browse')
    const filters = await request.validateUsing(complaintListValidator, {
      data: request.qs(),
      messagesProvider: complaintMessages(i18n),
    })
    return view.render('pages/complaints/statistics', {
      stats: await complaintStatistics(filters, i18n.locale),
      filters: request.qs(),
      channels: CHANNELS,
      categories: await ComplaintCategory.query().orderBy('sort_order').orderBy('id'),
      departments: await Department.query().orderBy('sort_order').orderBy('id'),
    })
  }
}
