import { AttachmentSchema } from '#database/schema'

/** A stored file (through Drive) and the record that owns it. */
export default class Attachment extends AttachmentSchema {}
