import * as fsp from 'node:fs/promises'
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
