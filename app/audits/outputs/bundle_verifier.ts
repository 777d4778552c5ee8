import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import yauzl from 'yauzl'
import {
  BUNDLE_FORMAT,
  MANIFEST_NAME,
  type Manifest,
  type ManifestFile,
} from '#audits/outputs/bundle_writer'

/** One entry whose bytes differ from what the manifest recorded. */
export interface ChangedEntry {
  path: string
  reason: 'sha256' | 'size' | 'unreadable'
  expected?: string
  actual?: string
}

/** What `verifyBundle` found: `ok` only when every entry matches and none is missing or extra. */
export interface BundleReport {
  ok: boolean
  /** The bundle could not be read as a bundle at all (not a zip, no or bad manifest). */
  error?: string
  /** SHA-256 of manifest.json itself: compare it with the one recorded when the bundle was made. */
  manifestSha256?: string
  subject?: Record<string, unknown>
  checked: number
  matched: number
  missing: string[]
  extra: string[]
  changed: ChangedEntry[]
  /** Files the manifest itself flags: stored evidence whose hash no longer matched its upload. */
  tampered: string[]
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)

/** SHA-256 and size of a stream, read chunk by chunk. */
async function digestOf(stream: Readable) {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of stream) {
    hash.update(chunk as Buffer)
    size += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), size }
}

function listEntries(zip: yauzl.ZipFile) {
  return new Promise<yauzl.Entry[]>((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', reject)
    zip.readEntry()
  })
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry) {
  return new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)))
  )
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Manifest
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === BUNDLE_FORMAT &&
    Array.isArray(m.files) &&
    m.files.every(
      (f: ManifestFile) =>
        typeof f.path === 'string' && typeof f.sha256 === 'string' && Number.isInteger(f.size)
    )
  )
}

/**
 * Checks an evidence bundle against its manifest, reading the zip as a stream (yauzl, one entry
 * at a time, never the whole file): every manifest file must be there with the same size and
 * SHA-256 (else "changed" or "missing"), and nothing may be there that the manifest does not
 * list ("extra", a second entry of the same name included).
 */
export async function verifyBundle(file: string): Promise<BundleReport> {
  const report: BundleReport = {
    ok: false,
    checked: 0,
    matched: 0,
    missing: [],
    extra: [],
    changed: [],
    tampered: [],
  }
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(file, { lazyEntries: true, autoClose: false })
  } catch (error) {
    report.error = `not a readable zip: ${(error as Error).message}`
    return report
  }
  try {
    const entries = await listEntries(zip)
    const manifests = entries.filter((e) => e.fileName === MANIFEST_NAME)
    if (manifests.length !== 1) {
      report.error = manifests.length ? 'more than one manifest.json' : 'no manifest.json'
      return report
    }
    const raw: Buffer[] = []
    for await (const chunk of await readEntry(zip, manifests[0])) raw.push(chunk as Buffer)
    const text = Buffer.concat(raw)
    report.manifestSha256 = createHash('sha256').update(text).digest('hex')
    let manifest: unknown
    try {
      manifest = JSON.parse(text.toString('utf8'))
    } catch {
      report.error = 'manifest.json is not valid JSON'
      return report
    }
    if (!isManifest(manifest)) {
      report.error = `manifest.json is not a ${BUNDLE_FORMAT} manifest`
      return report
    }
    report.subject = manifest.subject
    report.tampered = manifest.files.filter((f) => f.tampered).map((f) => f.path)
    const expected = new Map(manifest.files.map((f) => [f.path, f]))
    const seen = new Set<string>()
    for (const entry of entries) {
      if (entry === manifests[0] || entry.fileName.endsWith('/')) continue
      const listed = expected.get(entry.fileName)
      if (!listed || seen.has(entry.fileName)) {
        report.extra.push(entry.fileName)
        continue
      }
      seen.add(entry.fileName)
      report.checked++
      try {
        const actual = await digestOf(await readEntry(zip, entry))
        if (actual.size !== listed.size) {
          report.changed.push({
            path: entry.fileName,
            reason: 'size',
            expected: String(listed.size),
            actual: String(actual.size),
          })
        } else if (actual.sha256 !== listed.sha256) {
          report.changed.push({
            path: entry.fileName,
            reason: 'sha256',
            expected: listed.sha256,
            actual: actual.sha256,
          })
        } else {
          report.matched++
        }
      } catch (error) {
        report.changed.push({
          path: entry.fileName,
          reason: 'unreadable',
          actual: (error as Error).message,
        })
      }
    }
    report.missing = manifest.files.map((f) => f.path).filter((path) => !seen.has(path))
    report.ok =
      report.missing.length === 0 && report.extra.length === 0 && report.changed.length === 0
    return report
  } catch (error) {
    report.error = `not a readable zip: ${(error as Error).message}`
    return report
  } finally {
    zip.close()
  }
}
