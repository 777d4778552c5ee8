import vine from '@vinejs/vine'
import { calendarDay } from '#core/dates'
import { uploadLimitMb } from '#config/uploads'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '#park/documents'
import type { DocumentInput } from '#park/services/document_service'

/** Scans of certificates: PDF or an image. The stored type is decided by the bytes, not the name. */
const documentFile = () =>
  vine.file({ size: `${uploadLimitMb}mb`, extnames: ['pdf', 'png', 'jpg', 'jpeg', 'webp'] })

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })

const documentFields = () => ({
  kind: vine.enum(DOCUMENT_KINDS),
  title: vine.string().trim().minLength(2).maxLength(200),
  documentNumber: vine.string().trim().maxLength(100).optional(),
  issuedOn: day().optional(),
  // Some documents never expire; one that does cannot expire before it was issued.
  expiresOn: day().afterOrSameAs('issuedOn').optional(),
  note: vine.string().trim().maxLength(1000).optional(),
})

/** A new document: the file is required. */
export const createDocumentValidator = vine.create({
  ...documentFields(),
  documentFile: documentFile(),
})

/** An edit: with a file it becomes the document's next version, without one only the details change. */
export const updateDocumentValidator = vine.create({
  ...documentFields(),
  documentFile: documentFile().optional(),
})

/** The operators' list: kind, status (default: expiring and expired), tenant name or USCC. */
export const documentListValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  kind: vine.enum(DOCUMENT_KINDS).optional(),
  status: vine.enum([...DOCUMENT_STATUSES, 'attention', 'all'] as const).optional(),
  page: vine.number().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

/** The validated form as the service's input (form dates are Shanghai calendar days). */
export function documentInput(payload: {
  kind: DocumentInput['kind']
  title: string
  documentNumber?: string
  issuedOn?: Date
  expiresOn?: Date
  note?: string
}): DocumentInput {
  return {
    kind: payload.kind,
    title: payload.title,
    documentNumber: payload.documentNumber ?? null,
    issuedOn: payload.issuedOn ? calendarDay(payload.issuedOn) : null,
    expiresOn: payload.expiresOn ? calendarDay(payload.expiresOn) : null,
    note: payload.note ?? null,
  }
}
