import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { DateTime } from 'luxon'
import { fileTypeFromFile } from 'file-type'
import drive from '@adonisjs/drive/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import DomainException from '#core/exceptions/domain_exception'
import type { UploadedFile } from '#core/services/attachment_service'
import { allowedUploadTypes, uploadLimitMb } from '#config/uploads'

export interface StoredFile {
  storageKey: string
  originalName: string
  mimeType: string
  size: number
  sha256: string
}

/** SHA-256 of a stream, read in chunks. */
export async function sha256OfStream(stream: AsyncIterable<Buffer | string>) {
  const digest = createHash('sha256')
  for await (const chunk of stream) digest.update(chunk)
  return digest.digest('hex')
}

export const sha256OfText = (text: string) => createHash('sha256').update(text).digest('hex')

/**
 * Stores an evidence file through Drive (size limit, type from its bytes, SHA-256 at upload). The
 * file goes again if the caller's transaction rolls back.
 */
export async function storeEvidenceFile(
  trx: TransactionClientContract,
  file: UploadedFile,
  folder: string,
  field: string
): Promise<StoredFile> {
  if (!file.tmpPath) throw new DomainException('validation.upload_failed', {}, { field })
  if (file.size > uploadLimitMb * 1024 * 1024) {
    throw new DomainException('validation.upload_too_large', { max: uploadLimitMb }, { field })
  }
  const detected = await fileTypeFromFile(file.tmpPath)
  if (!detected || !allowedUploadTypes.includes(detected.mime)) {
    throw new DomainException('validation.upload_type', {}, { field })
  }
  const key = `audits/${folder}/${DateTime.utc().toFormat('yyyy/MM')}/${randomUUID()}.${detected.ext}`
  const sha256 = await sha256OfStream(createReadStream(file.tmpPath))
  await drive.use().putStream(key, createReadStream(file.tmpPath), { contentType: detected.mime })
  trx.after('rollback', () => drive.use().delete(key))
  return {
    storageKey: key,
    originalName: file.clientName.slice(0, 255),
    mimeType: detected.mime,
    size: file.size,
    sha256,
  }
}

/** The SHA-256 of the stored bytes now, or null when the file is gone. */
export async function currentSha256(storageKey: string) {
  const disk = drive.use()
  if (!(await disk.exists(storageKey))) return null
  return sha256OfStream(await disk.getStream(storageKey))
}

/** Tamper check: the hash kept at upload against the bytes stored now. */
export async function verifyFile(file: { storageKey: string; sha256: string }) {
  const actual = await currentSha256(file.storageKey)
  return {
    intact: actual === file.sha256,
    missing: actual === null,
    expected: file.sha256,
    actual,
  }
}
