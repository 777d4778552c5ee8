import * as fsp from 'node:fs/promises'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { basename, isAbsolute, join, resolve } from 'node:path'

/**
 * The Single Window client's exchange folders (SPEC.md §7.4): OutBox = files waiting to be sent,
 * SentBox = files the client has sent, InBox = receipts, FailBox = files that could not be used,
 * TempBox = work area on the same disk (so a rename into OutBox is atomic). ArchiveBox holds the
 * receipts ParkGate has applied (a SentBox for the InBox). Nothing here is ever deleted.
 */
export const BOXES = ['OutBox', 'SentBox', 'InBox', 'FailBox', 'TempBox', 'ArchiveBox'] as const
export type Box = (typeof BOXES)[number]

/**
 * The file operations the transport uses, through one object so a test can make the disk fail
 * (sinon.stub(fsOps, 'rename')) without touching the real file system.
 */
export const fsOps = {
  mkdir: fsp.mkdir,
  open: fsp.open,
  rename: fsp.rename,
  readdir: fsp.readdir,
  stat: fsp.stat,
  writeFile: fsp.writeFile,
  unlink: fsp.unlink,
  access: fsp.access,
  copyFile: fsp.copyFile,
  link: fsp.link,
  /**
   * Flushes every dirty file of the file system holding `dir` to disk in one call (Linux
   * syncfs(2) through coreutils `sync -f`): one flush for a whole chunk of files instead of an
   * fsync per file (an fsync costs milliseconds on a virtual disk). Rejects where `sync -f` is
   * missing; the caller then fsyncs file by file.
   */
  syncFileSystem: async (dir: string) => {
    await promisify(execFile)('sync', ['-f', dir])
  },
}

/** SW_EXCHANGE_DIR, or tmp/sw_exchange under the application root. */
export function exchangeRoot(appRoot: string = process.cwd()) {
  const configured = process.env.SW_EXCHANGE_DIR
  if (!configured) return join(appRoot, 'tmp', 'sw_exchange')
  return isAbsolute(configured) ? configured : resolve(appRoot, configured)
}

export class ExchangeFolders {
  constructor(public readonly root: string = exchangeRoot()) {}

  path(box: Box, fileName?: string) {
    return fileName ? join(this.root, box, fileName) : join(this.root, box)
  }

  /** Creates the folders that are missing. */
  async ensure() {
    for (const box of BOXES) await fsOps.mkdir(this.path(box), { recursive: true })
  }

  async exists(box: Box, fileName: string) {
    try {
      await fsOps.access(this.path(box, fileName))
      return true
    } catch {
      return false
    }
  }

  /** Regular files of a box, by name, leaving out temporary and hidden files. */
  async list(box: Box, limit = Number.POSITIVE_INFINITY) {
    const entries = await fsOps.readdir(this.path(box), { withFileTypes: true })
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.') && !/\.(tmp|part)$/i.test(e.name))
      .map((e) => e.name)
      .sort()
      .slice(0, limit)
  }

  /**
   * Writes a file into a box exactly once: the content goes to a temp file in TempBox, is flushed
   * to disk, then renamed into place (atomic on one file system), so the client never sees half a
   * file. Returns false, writing nothing, when the file is already in the box or in `alsoIn`
   * (e.g. SentBox: the client has taken it already).
   */
  async writeOnce(box: Box, fileName: string, content: string | Buffer, alsoIn: Box[] = []) {
    if (basename(fileName) !== fileName) throw new Error(`not a plain file name: ${fileName}`)
    for (const other of [box, ...alsoIn]) if (await this.exists(other, fileName)) return false
    const temp = this.path(
      'TempBox',
      `${fileName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    )
    const handle = await fsOps.open(temp, 'wx')
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fsOps.rename(temp, this.path(box, fileName))
    return true
  }

  /**
   * Writes many files into a box, each atomically and never over an existing file: all contents
   * go to temp files in TempBox, reach the disk with one file-system flush (or an fsync each where
   * that is not available), then each is hard-linked into the box — link(2) fails with EEXIST
   * instead of replacing, so a file already there is left alone — and its temp name removed.
   * With `check`, names found in the box or in `alsoIn` are skipped without writing (used for
   * messages a crashed run may have written already). Returns, per name, 'written', 'exists'
   * or the error.
   */
  async writeBatch(
    box: Box,
    items: Array<{ name: string; content: string | Buffer }>,
    options: { check?: Set<string>; alsoIn?: Box[] } = {}
  ) {
    const outcome = new Map<string, 'written' | 'exists' | Error>()
    const temps: Array<{ name: string; temp: string }> = []
    for (const item of items) {
      if (basename(item.name) !== item.name) {
        outcome.set(item.name, new Error(`not a plain file name: ${item.name}`))
        continue
      }
      if (options.check?.has(item.name)) {
        let found = false
        for (const other of [box, ...(options.alsoIn ?? [])]) {
          if (await this.exists(other, item.name)) found = true
        }
        if (found) {
          outcome.set(item.name, 'exists')
          continue
        }
      }
      const temp = this.path(
        'TempBox',
        `${item.name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      )
      try {
        await fsOps.writeFile(temp, item.content, { flag: 'wx' })
        temps.push({ name: item.name, temp })
      } catch (error) {
        outcome.set(item.name, error as Error)
      }
    }
    if (!temps.length) return outcome
    try {
      await fsOps.syncFileSystem(this.path('TempBox'))
    } catch {
      for (const { name, temp } of [...temps]) {
        try {
          const handle = await fsOps.open(temp, 'r+')
          try {
            await handle.sync()
          } finally {
            await handle.close()
          }
        } catch (error) {
          outcome.set(name, error as Error)
          temps.splice(
            temps.findIndex((t) => t.temp === temp),
            1
          )
        }
      }
    }
    for (const { name, temp } of temps) {
      try {
        await fsOps.link(temp, this.path(box, name))
        outcome.set(name, 'written')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST') outcome.set(name, 'exists')
        else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
          // A file system without hard links (some network shares): rename, after a last look.
          try {
            if (await this.exists(box, name)) outcome.set(name, 'exists')
            else {
              await fsOps.rename(temp, this.path(box, name))
              outcome.set(name, 'written')
            }
          } catch (inner) {
            outcome.set(name, inner as Error)
          }
        } else outcome.set(name, error as Error)
      }
      await fsOps.unlink(temp).catch(() => {})
    }
    return outcome
  }

  /**
   * Moves a file to another box without overwriting anything there: a name already taken gets
   * a numbered suffix (`name.1.xml`). Returns the name it has now.
   */
  async move(from: Box, fileName: string, to: Box, subfolder?: string) {
    const dir = subfolder ? join(this.path(to), subfolder) : this.path(to)
    if (subfolder) await fsOps.mkdir(dir, { recursive: true })
    const target = await freeName(dir, fileName)
    await fsOps.rename(this.path(from, fileName), join(dir, target))
    return subfolder ? join(subfolder, target) : target
  }
}

async function freeName(dir: string, fileName: string) {
  const dot = fileName.lastIndexOf('.')
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  const ext = dot > 0 ? fileName.slice(dot) : ''
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? fileName : `${stem}.${n}${ext}`
    try {
      await fsOps.access(join(dir, candidate))
    } catch {
      return candidate
    }
  }
}

/** The OutBox file name of a message: `<type>Message_<guid>.xml` (SPEC.md §7.1 AddInfo FileName). */
export function messageFileName(messageType: string, guid: string) {
  return `${messageType}Message_${guid}.xml`
}
