import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { fileTypeFromFile } from 'file-type'
import drive from '@adonisjs/drive/services/main'
import logger from '@adonisjs/core/services/logger'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import Attachment from '#core/models/attachment'
import DomainException from '#core/exceptions/domain_exception'
import { allowedUploadTypes, uploadLimitMb } from '#config/uploads'

/** What `store` reads of an upload: a request's MultipartFile, or a file the seeder wrote. */
export type UploadedFile = Pick<MultipartFile, 'tmpPath' | 'size' | 'clientName'>

export interface AttachmentOwner {
  type: string
  id: string | number
  tenantId: number | null
}

async function sha256Of(path: string) {
  const digest = createHash('sha256')
  for await (const chunk of createReadStream(path)) digest.update(chunk)
  return digest.digest('hex')
}

/**
 * Stores uploads through Drive: size limit, type decided by the file's content (magic bytes),
 * never by its name or the browser's claim, and a SHA-256 kept for evidence integrity.
 */
export default class AttachmentService {
  async store(
    trx: TransactionClientContract,
    file: UploadedFile,
    owner: AttachmentOwner,
    field: string,
    uploadedBy?: number
  ) {
    if (!file.tmpPath) throw new DomainException('validation.upload_failed', {}, { field })
    if (file.size > uploadLimitMb * 1024 * 1024) {
      throw new DomainException('validation.upload_too_large', { max: uploadLimitMb }, { field })
    }
    const detected = await fileTypeFromFile(file.tmpPath)
    if (!detected || !allowedUploadTypes.includes(detected.mime)) {
      throw new DomainException('validation.upload_type', {}, { field })
    }
    const now = DateTime.utc()
    const key = `attachments/${now.toFormat('yyyy/MM')}/${randomUUID()}.${detected.ext}`
    const sha256 = await sha256Of(file.tmpPath)
    await drive.use().putStream(key, createReadStream(file.tmpPath), { contentType: detected.mime })
    // The file is written before the row commits: if the transaction rolls back, take the file back too.
    trx.after('rollback', () => drive.use().delete(key))
    return Attachment.create(
      {
        ownerType: owner.type,
        ownerId: String(owner.id),
        tenantId: owner.tenantId,
        storageKey: key,
        originalName: file.clientName.slice(0, 255),
        mimeType: detected.mime,
        size: file.size,
        sha256,
        uploadedBy: uploadedBy ?? null,
      },
      { client: trx }
    )
  }

  /**
   * Deletes attachment rows inside the caller's transaction; their files go once it commits
   * (a rollback keeps both).
   */
  async remove(trx: TransactionClientContract, attachments: Attachment[]) {
    if (!attachments.length) return
    await trx
      .from('attachments')
      .whereIn(
        'id',
        attachments.map((a) => a.id)
      )
      .delete()
    trx.after('commit', async () => {
      for (const attachment of attachments) {
        // The rows are gone already: a file left behind is logged, never an error for the user.
        await drive
          .use()
          .delete(attachment.storageKey)
          .catch((error) => logger.warn({ err: error, key: attachment.storageKey }, 'file kept'))
      }
    })
  }

  /** Stream of the stored bytes, for the download controller after its policy check. */
  async read(attachment: Attachment) {
    return drive.use().getStream(attachment.storageKey)
  }

  forOwner(type: string, id: string | number) {
    return Attachment.query()
      .where({ ownerType: type, ownerId: String(id) })
      .orderBy('id')
  }
}
