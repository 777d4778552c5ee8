import env from '#start/env'

/** Largest attachment accepted, in MiB (UPLOAD_MAX_MB, default 10). */
export const uploadLimitMb = env.get('UPLOAD_MAX_MB') ?? 10

/** Content types accepted for attachments; checked against the file's magic bytes, not its name. */
export const allowedUploadTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/zip',
]
