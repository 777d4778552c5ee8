import type { HttpContext } from '@adonisjs/core/http'
import { create as contentDisposition } from 'content-disposition'
import Attachment from '#core/models/attachment'
import AttachmentService from '#core/services/attachment_service'

/** Serves a stored file after the policy check, never from a public URL. */
export default class AttachmentsController {
  async show({ params, response, bouncer }: HttpContext) {
    const attachment = await Attachment.findOrFail(params.id)
    await bouncer.with('CoreAttachmentPolicy').authorize('view', attachment)
    response.header('Content-Type', attachment.mimeType)
    response.header('Content-Length', String(attachment.size))
    response.header(
      'Content-Disposition',
      contentDisposition(attachment.originalName, { type: 'attachment' })
    )
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('Cache-Control', 'private, no-store')
    return response.stream(await new AttachmentService().read(attachment))
  }
}
