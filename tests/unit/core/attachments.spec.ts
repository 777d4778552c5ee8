import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import AttachmentService from '#core/services/attachment_service'
import Attachment from '#core/models/attachment'

async function upload(name: string, content: string | Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'pg-upload-'))
  const tmpPath = join(dir, 'upload')
  await writeFile(tmpPath, content)
  return { tmpPath, size: Buffer.byteLength(content), clientName: name } as unknown as MultipartFile
}

test.group('Attachments', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a PDF is stored with its SHA-256, and its type comes from its bytes', async ({
    assert,
  }) => {
    const file = await upload('scan.pdf', '%PDF-1.4\n%%EOF\n')
    const stored = await db.transaction((trx) =>
      new AttachmentService().store(trx, file, { type: 'test', id: 1, tenantId: null }, 'file')
    )
    assert.equal(stored.mimeType, 'application/pdf')
    assert.equal(stored.sha256, createHash('sha256').update('%PDF-1.4\n%%EOF\n').digest('hex'))
    assert.isTrue(await drive.use().exists(stored.storageKey))
  })

  test('a file whose bytes are not an accepted type is refused with a translated error', async ({
    assert,
  }) => {
    const file = await upload('notes.pdf', 'just text pretending to be a PDF')
    await assert.rejects(
      () =>
        db.transaction((trx) =>
          new AttachmentService().store(trx, file, { type: 'test', id: 1, tenantId: null }, 'file')
        ),
      'validation.upload_type'
    )
  })

  test('when the transaction rolls back, the stored file goes too', async ({ assert }) => {
    const file = await upload('scan.pdf', '%PDF-1.4\n%%EOF\n')
    let key = ''
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        key = (
          await new AttachmentService().store(
            trx,
            file,
            { type: 'test', id: 2, tenantId: null },
            'file'
          )
        ).storageKey
        throw new Error('something later failed')
      })
    )
    assert.isNotEmpty(key)
    assert.isFalse(await drive.use().exists(key))
    assert.isNull(await Attachment.findBy('storageKey', key))
  })
})
