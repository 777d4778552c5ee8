import { createWriteStream } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import yazl from 'yazl'

/** A fresh temporary directory for bundles. */
export function tempDir() {
  return mkdtemp(join(tmpdir(), 'pg-bundle-'))
}

/** Writes a readable (a bundle's stream) to a file. */
export async function saveTo(stream: Readable, file: string) {
  await pipeline(stream, createWriteStream(file))
  return file
}

/** Every entry of a zip with its bytes, in order (small test bundles only). */
export function readZip(file: string) {
  return new Promise<Array<{ name: string; data: Buffer }>>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const out: Array<{ name: string; data: Buffer }> = []
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            out.push({ name: entry.fileName, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(out))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/** Writes entries to a new zip: how the tests forge tampered bundles. */
export async function writeZip(file: string, entries: Array<{ name: string; data: Buffer }>) {
  const zip = new yazl.ZipFile()
  for (const e of entries) zip.addBuffer(e.data, e.name)
  zip.end()
  await saveTo(zip.outputStream as Readable, file)
  return file
}
