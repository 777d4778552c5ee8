import { test } from '@japa/runner'
import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { BundleWriter, MANIFEST_NAME, safeEntryName } from '#audits/outputs/bundle_writer'
import { verifyBundle } from '#audits/outputs/bundle_verifier'
import { csvStream } from '#audits/outputs/csv'
import { readZip, saveTo, tempDir, writeZip } from '#tests/helpers/audit_outputs'

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** A small bundle: a text file, a stored "photo", a CSV from an async row source. */
async function goodBundle() {
  const dir = await tempDir()
  const file = join(dir, 'bundle.zip')
  const writer = new BundleWriter()
  const saved = saveTo(writer.stream, file)
  await writer.add('5.1.2/notes.txt', 'responsibilities of each department\n', { kind: 'data' })
  await writer.add('5.1.2/photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), {
    kind: 'photo',
    recordedSha256: sha(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])),
  })
  async function* rows() {
    for (let i = 1; i <= 1000; i++) yield { id: i, name: `企业 ${i}`, note: i % 7 ? '' : 'a, "b"' }
  }
  await writer.add('7.3/complaints.csv', () => csvStream(rows()), { kind: 'export' })
  const manifest = await writer.finish({ title: 'Test audit', period: '2026-01-01 – 2026-12-31' })
  await saved
  return { dir, file, manifest }
}

test.group('Evidence bundle: writer and verifier', () => {
  test('the manifest lists every file with the SHA-256 and size of its bytes in the zip', async ({
    assert,
  }) => {
    const { file, manifest } = await goodBundle()
    const entries = await readZip(file)
    assert.deepEqual(
      entries.map((e) => e.name),
      ['5.1.2/notes.txt', '5.1.2/photo.jpg', '7.3/complaints.csv', MANIFEST_NAME]
    )
    const stored = JSON.parse(entries.at(-1)!.data.toString('utf8'))
    assert.deepEqual(stored.files, JSON.parse(JSON.stringify(manifest.files)))
    for (const entry of entries.slice(0, -1)) {
      const listed = stored.files.find((f: any) => f.path === entry.name)
      assert.equal(listed.sha256, sha(entry.data))
      assert.equal(listed.size, entry.data.length)
    }
    assert.isFalse(stored.files[1].tampered)
    const csv = entries[2].data.toString('utf8')
    assert.isTrue(csv.startsWith('\uFEFFid,name,note\r\n1,企业 1,\r\n'))
    assert.include(csv, '7,企业 7,"a, ""b"""\r\n')
    assert.equal(csv.split('\r\n').length, 1002)
  })

  test('a good bundle verifies', async ({ assert }) => {
    const { file } = await goodBundle()
    const report = await verifyBundle(file)
    assert.isTrue(report.ok)
    assert.equal(report.matched, 3)
    assert.deepEqual([report.missing, report.extra, report.changed], [[], [], []])
    assert.equal(report.manifestSha256, sha((await readZip(file)).at(-1)!.data))
  })

  test('a changed byte fails as "changed"', async ({ assert }) => {
    const { dir, file } = await goodBundle()
    const entries = await readZip(file)
    entries[0].data = Buffer.from(entries[0].data.toString().replace('each', 'Each'))
    const report = await verifyBundle(await writeZip(join(dir, 'changed.zip'), entries))
    assert.isFalse(report.ok)
    assert.deepEqual(
      report.changed.map((c) => [c.path, c.reason]),
      [['5.1.2/notes.txt', 'sha256']]
    )
    assert.deepEqual([report.missing, report.extra], [[], []])
  })

  test('a byte flipped in the zip file itself fails', async ({ assert }) => {
    const { dir, file } = await goodBundle()
    const bytes = await readFile(file)
    // The photo is stored uncompressed: its bytes are in the file as they are.
    const at = bytes.indexOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]))
    assert.isAbove(at, 0)
    bytes[at + 5] ^= 0xff
    const flipped = join(dir, 'flipped.zip')
    await writeFile(flipped, bytes)
    const report = await verifyBundle(flipped)
    assert.isFalse(report.ok)
    assert.deepEqual(
      report.changed.map((c) => c.path),
      ['5.1.2/photo.jpg']
    )
  })

  test('a removed file fails as "missing", an added one as "extra"', async ({ assert }) => {
    const { dir, file } = await goodBundle()
    const entries = await readZip(file)
    const removed = await verifyBundle(
      await writeZip(
        join(dir, 'removed.zip'),
        entries.filter((e) => e.name !== '7.3/complaints.csv')
      )
    )
    assert.isFalse(removed.ok)
    assert.deepEqual(removed.missing, ['7.3/complaints.csv'])
    assert.deepEqual([removed.extra, removed.changed], [[], []])

    const added = await verifyBundle(
      await writeZip(join(dir, 'added.zip'), [
        ...entries,
        { name: '5.1.2/forged.pdf', data: Buffer.from('%PDF-1.4') },
      ])
    )
    assert.isFalse(added.ok)
    assert.deepEqual(added.extra, ['5.1.2/forged.pdf'])
    assert.deepEqual([added.missing, added.changed], [[], []])
  })

  test('no manifest, or not a zip at all, is an error', async ({ assert }) => {
    const { dir, file } = await goodBundle()
    const entries = (await readZip(file)).filter((e) => e.name !== MANIFEST_NAME)
    const bare = await verifyBundle(await writeZip(join(dir, 'bare.zip'), entries))
    assert.isFalse(bare.ok)
    assert.equal(bare.error, 'no manifest.json')
    const junk = join(dir, 'junk.zip')
    await writeFile(junk, 'not a zip')
    const report = await verifyBundle(junk)
    assert.isFalse(report.ok)
    assert.match(report.error!, /^not a readable zip/)
  })

  test('stored evidence whose bytes differ from its upload hash is flagged tampered', async ({
    assert,
  }) => {
    const dir = await tempDir()
    const writer = new BundleWriter()
    const saved = saveTo(writer.stream, join(dir, 't.zip'))
    const line = await writer.add('doc.pdf', Buffer.from('%PDF-1.4 changed'), {
      kind: 'document',
      recordedSha256: sha('%PDF-1.4 original'),
    })
    await writer.finish({})
    await saved
    assert.isTrue(line.tampered)
    const report = await verifyBundle(join(dir, 't.zip'))
    assert.isTrue(report.ok)
    assert.deepEqual(report.tampered, ['doc.pdf'])
  })

  test('entry names are made safe and unique', async ({ assert }) => {
    assert.equal(safeEntryName('/../a\\b/./c:d.txt'), '_/a_b/_/c_d.txt')
    const dir = await tempDir()
    const writer = new BundleWriter()
    const saved = saveTo(writer.stream, join(dir, 'u.zip'))
    const a = await writer.add('x/a.txt', 'one', { kind: 'data' })
    const b = await writer.add('x/a.txt', 'two', { kind: 'data' })
    const m = await writer.add(MANIFEST_NAME, 'three', { kind: 'data' })
    await writer.finish({})
    await saved
    assert.deepEqual([a.path, b.path, m.path], ['x/a.txt', 'x/a-2.txt', '_manifest.json'])
    assert.isTrue((await verifyBundle(join(dir, 'u.zip'))).ok)
  })

  test('the writer reads a source only as fast as the zip is read (backpressure)', async ({
    assert,
  }) => {
    const writer = new BundleWriter()
    let produced = 0
    // Random bytes: deflate takes them in as fast as it gives them out (zeros would shrink 1000:1).
    const chunk = randomBytes(64 * 1024)
    const source = new Readable({
      read() {
        produced++
        this.push(produced > 400 ? null : chunk)
      },
    })
    const adding = writer.add('big.bin', source, { kind: 'data' })
    // Nobody reads the zip: the source must stall after a few buffers, not run to 25 MB.
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.isBelow(produced, 100)
    let bytes = 0
    writer.stream.on('data', (c: Buffer) => (bytes += c.length))
    await adding
    await writer.finish({})
    await new Promise((resolve) => writer.stream.once('end', resolve))
    assert.equal(produced, 401)
    assert.isAbove(bytes, 0)
  })

  test('a reader that goes away stops the entry being written', async ({ assert }) => {
    const writer = new BundleWriter()
    async function* endless() {
      for (;;) yield { n: 1 }
    }
    const adding = writer.add('endless.csv', () => csvStream(endless()), { kind: 'export' })
    writer.stream.resume()
    setTimeout(() => writer.stream.destroy(), 50)
    await assert.rejects(() => adding)
  })
})
