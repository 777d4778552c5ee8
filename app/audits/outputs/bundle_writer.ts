import { createHash } from 'node:crypto'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import yazl from 'yazl'

/** The bundle format this writer produces and the verifier reads. */
export const BUNDLE_FORMAT = 'parkgate-audit-bundle/1'
export const MANIFEST_NAME = 'manifest.json'

/** One file of the bundle as the manifest records it. */
export interface ManifestFile {
  path: string
  size: number
  sha256: string
  /** What the file is: index, document, photo, export, data. */
  kind: string
  /** For stored evidence: the SHA-256 recorded when it was uploaded. */
  recordedSha256?: string
  /** The bytes no longer match the recorded hash. */
  tampered?: boolean
  /** The stored file could not be read: the entry holds a note instead of the file. */
  missing?: boolean
}

export interface Manifest {
  format: string
  algorithm: 'sha256'
  generatedAt: string
  /** Whatever describes the bundle's subject (the audit). */
  subject: Record<string, unknown>
  files: ManifestFile[]
}

/** What an entry's bytes come from: a stream, bytes or text, or a function giving one. */
export type EntrySource = Readable | Buffer | string | (() => Readable | Promise<Readable>)

/** File types that are compressed already: storing them again through deflate only costs CPU. */
const STORED = /\.(jpe?g|png|gif|webp|heic|pdf|zip|xlsx|docx|pptx|gz|mp4)$/i

/** Counts and hashes the bytes that pass through, unchanged. */
class Hasher extends Transform {
  readonly digest = createHash('sha256')
  size = 0
  sha256 = ''

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.digest.update(chunk)
    this.size += chunk.length
    callback(null, chunk)
  }

  _flush(callback: TransformCallback) {
    this.sha256 = this.digest.digest('hex')
    callback()
  }
}

/** Names inside the zip: forward slashes, no leading slash, no `..`, no control characters. */
export function safeEntryName(path: string) {
  return path
    .split('/')
    .map((part) =>
      part
        // eslint-disable-next-line no-control-regex -- control characters are what it removes
        .replace(/[\u0000-\u001f\\:*?"<>|]/g, '_')
        .replace(/^\.+$/, '_')
        .trim()
    )
    .filter((part) => part.length > 0)
    .join('/')
}

/**
 * A zip written as a stream (yazl): entries are added one after the other, each read only when
 * the zip is ready for it and only as fast as the reader of `stream` takes the output (pipe
 * backpressure all the way from the HTTP socket back to the database cursor). Every entry's
 * SHA-256 and size are computed while it passes; `finish` appends manifest.json with all of
 * them and closes the archive. Memory holds the manifest's lines, never a file.
 */
export class BundleWriter {
  readonly #zip = new yazl.ZipFile()
  readonly #files: ManifestFile[] = []
  readonly #names = new Set<string>()
  readonly #mtime: Date
  #failed: Error | null = null
  #finished = false
  /** SHA-256 of manifest.json once `finish` wrote it: the one value that stands for the bundle. */
  manifestSha256: string | null = null
  /** Breaks off the entry being written when the bundle fails or its reader goes away. */
  #interrupt: ((error: Error) => void) | null = null

  constructor(options: { mtime?: Date } = {}) {
    this.#mtime = options.mtime ?? new Date()
    this.#zip.on('error', (error: Error) => this.abort(error))
    // Errors reach the reader's own listeners (pipeline); this one only keeps a stray one from crashing the process.
    this.stream.on('error', () => {})
    // A reader that went away (the browser cancelled the download) must not leave a cursor open.
    this.stream.once('close', () => {
      if (!this.#finished) this.abort(new Error('bundle reader closed before the end'))
    })
  }

  /** The zip's bytes: pipe it to the response or a file. */
  get stream(): Readable {
    return this.#zip.outputStream as Readable
  }

  /** The files written so far, as the manifest will list them. */
  get files(): readonly ManifestFile[] {
    return this.#files
  }

  /**
   * Adds one entry and resolves once all its bytes have gone into the zip, with its manifest
   * line. A name used twice gets a numbered suffix rather than a second entry of that name.
   */
  async add(
    path: string,
    source: EntrySource,
    meta: Omit<ManifestFile, 'path' | 'size' | 'sha256'> & { kind: string }
  ): Promise<ManifestFile> {
    if (this.#failed) throw this.#failed
    const name = this.#unique(safeEntryName(path))
    const input = await this.#open(source)
    const hasher = new Hasher()
    const done = new Promise<void>((resolve, reject) => {
      hasher.once('end', resolve)
      hasher.once('error', reject)
      input.once('error', reject)
      this.#interrupt = reject
    }).finally(() => (this.#interrupt = null))
    done.catch((error) => {
      input.destroy(error)
      hasher.destroy(error)
    })
    this.#zip.addReadStream(input.pipe(hasher), name, {
      mtime: this.#mtime,
      compress: !STORED.test(name),
    })
    await done
    const file: ManifestFile = { path: name, size: hasher.size, sha256: hasher.sha256, ...meta }
    if (file.recordedSha256 !== undefined && !file.missing) {
      file.tampered = file.recordedSha256 !== file.sha256
    }
    this.#files.push(file)
    return file
  }

  /** Writes manifest.json (every entry's hash and size) last and closes the zip. */
  async finish(subject: Record<string, unknown>): Promise<Manifest> {
    if (this.#failed) throw this.#failed
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      algorithm: 'sha256',
      generatedAt: new Date().toISOString(),
      subject,
      files: this.#files,
    }
    this.#finished = true
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n')
    this.manifestSha256 = createHash('sha256').update(bytes).digest('hex')
    this.#zip.addBuffer(bytes, MANIFEST_NAME, { mtime: this.#mtime })
    this.#zip.end()
    return manifest
  }

  /** Stops the bundle: the output stream errors, so the download breaks off visibly. */
  abort(error: Error) {
    if (this.#failed) return
    this.#failed = error
    this.#interrupt?.(error)
    this.stream.destroy(error)
  }

  #unique(name: string) {
    if (name === MANIFEST_NAME) name = `_${name}`
    let candidate = name
    for (let n = 2; this.#names.has(candidate); n++) {
      const dot = name.lastIndexOf('.')
      candidate =
        dot > name.lastIndexOf('/')
          ? `${name.slice(0, dot)}-${n}${name.slice(dot)}`
          : `${name}-${n}`
    }
    this.#names.add(candidate)
    return candidate
  }

  async #open(source: EntrySource): Promise<Readable> {
    const value = typeof source === 'function' ? await source() : source
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      return Readable.from([Buffer.isBuffer(value) ? value : Buffer.from(value)])
    }
    return value
  }
}
