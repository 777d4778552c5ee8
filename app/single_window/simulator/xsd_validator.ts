import { execFile } from 'node:child_process'
import { join } from 'node:path'

/** The 2022-05 business-node XSDs copied into the repository (resources/ceb/SOURCES.md). */
export const XSD_FILES = {
  import: '海关跨境进口业务节点报文定义202205.xsd',
  export: '海关跨境出口业务节点报文定义202205.xsd',
} as const

export function xsdPath(direction: 'import' | 'export', appRoot: string = process.cwd()) {
  return join(appRoot, 'resources', 'ceb', 'xsd', XSD_FILES[direction])
}

export interface XsdVerdict {
  file: string
  valid: boolean
  /** xmllint's messages for this file (empty when valid). */
  errors: string[]
}

/**
 * Validates files against an XSD with `xmllint --noout --schema` (libxml2-utils), many files per
 * call: the schema is compiled once. xmllint prints "<file> validates" or "<file> fails to
 * validate" for each, and the errors prefixed with the file name.
 */
export function validateFiles(files: string[], xsd: string): Promise<XsdVerdict[]> {
  if (!files.length) return Promise.resolve([])
  return new Promise((resolve, reject) => {
    execFile(
      'xmllint',
      ['--noout', '--nonet', '--schema', xsd, ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error)
        const verdicts = new Map<string, XsdVerdict>(
          files.map((f) => [f, { file: f, valid: false, errors: [] }])
        )
        const byLength = [...files].sort((a, b) => b.length - a.length)
        for (const line of stderr.split('\n')) {
          if (!line) continue
          for (const file of byLength) {
            if (!line.startsWith(`${file}:`) && !line.startsWith(`${file} `)) continue
            const verdict = verdicts.get(file)!
            if (line === `${file} validates`) verdict.valid = true
            else if (line !== `${file} fails to validate`)
              verdict.errors.push(line.slice(file.length + 1).trim())
            break
          }
        }
        const all = [...verdicts.values()]
        // A schema that does not compile fails every file with no per-file line: say so.
        if (all.every((v) => !v.valid && !v.errors.length) && stderr.trim()) {
          for (const v of all) v.errors.push(stderr.trim().split('\n')[0])
        }
        resolve(all)
      }
    )
  })
}
