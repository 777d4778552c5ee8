import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import type User from '#core/models/user'
import AuditTrail from '#core/services/audit_service'
import DomainException from '#core/exceptions/domain_exception'
import AuditFramework from '#audits/models/audit_framework'
import { METHODS, OBLIGATIONS, type Method, type Obligation } from '#audits/workflow'

/** The shape of a framework file (JSON, or the same in an Excel workbook). */
export interface FrameworkData {
  code: string
  title: string
  titleEn?: string | null
  version: string
  source?: string | null
  clauses: Array<{
    number: string
    chapter?: string
    textZh: string
    titleEn: string
    obligation: Obligation
    parent?: string | null
    methods: Array<{ method: Method; verifiedBy: string; textZh?: string | null }>
  }>
}

/** One problem found in a framework file: where, an i18n key, its parameters. */
export interface FrameworkProblem {
  path: string
  key: string
  params?: Record<string, string | number>
}

export class FrameworkInvalidException extends DomainException {
  constructor(public problems: FrameworkProblem[]) {
    super('audits.import.invalid', { count: problems.length }, { code: 'E_FRAMEWORK_INVALID' })
  }
}

const NUMBER = /^\d+(\.\d+)*$/

/** Checks a framework's shape and rules; every problem, not only the first. */
export function validateFramework(input: unknown): {
  data: FrameworkData | null
  problems: FrameworkProblem[]
} {
  const problems: FrameworkProblem[] = []
  const need = (path: string, value: unknown, max: number) => {
    if (typeof value !== 'string' || !value.trim()) {
      problems.push({ path, key: 'audits.import.required' })
      return false
    }
    if (value.length > max) {
      problems.push({ path, key: 'audits.import.too_long', params: { max } })
      return false
    }
    return true
  }
  if (!input || typeof input !== 'object') {
    return { data: null, problems: [{ path: '', key: 'audits.import.not_object' }] }
  }
  const data = input as FrameworkData
  need('code', data.code, 60)
  need('title', data.title, 255)
  need('version', data.version, 40)
  if (!Array.isArray(data.clauses) || data.clauses.length === 0) {
    problems.push({ path: 'clauses', key: 'audits.import.no_clauses' })
    return { data: null, problems }
  }
  const numbers = new Set<string>()
  data.clauses.forEach((clause, i) => {
    const at = `clauses[${i}]${clause && typeof clause.number === 'string' ? ` (${clause.number})` : ''}`
    if (!clause || typeof clause !== 'object') {
      problems.push({ path: at, key: 'audits.import.not_object' })
      return
    }
    if (need(`${at}.number`, clause.number, 30)) {
      if (!NUMBER.test(clause.number))
        problems.push({ path: `${at}.number`, key: 'audits.import.bad_number' })
      else if (numbers.has(clause.number))
        problems.push({ path: `${at}.number`, key: 'audits.import.duplicate' })
      numbers.add(clause.number)
    }
    need(`${at}.textZh`, clause.textZh, 5000)
    need(`${at}.titleEn`, clause.titleEn, 255)
    if (!OBLIGATIONS.includes(clause.obligation)) {
      problems.push({ path: `${at}.obligation`, key: 'audits.import.bad_obligation' })
    }
    if (!Array.isArray(clause.methods) || clause.methods.length === 0) {
      problems.push({ path: `${at}.methods`, key: 'audits.import.no_methods' })
    } else {
      clause.methods.forEach((m, j) => {
        if (!m || !METHODS.includes(m.method)) {
          problems.push({
            path: `${at}.methods[${j}].method`,
            key: 'audits.import.bad_method',
            params: { allowed: METHODS.join(', ') },
          })
        }
        if (!m || typeof m.verifiedBy !== 'string' || !NUMBER.test(m.verifiedBy)) {
          problems.push({ path: `${at}.methods[${j}].verifiedBy`, key: 'audits.import.bad_number' })
        }
      })
    }
  })
  data.clauses.forEach((clause, i) => {
    if (clause?.parent && !numbers.has(clause.parent)) {
      problems.push({
        path: `clauses[${i}] (${clause.number}).parent`,
        key: 'audits.import.unknown_parent',
      })
    }
  })
  return { data: problems.length ? null : data, problems }
}

/** Reads a framework file: JSON, or an .xlsx with a "framework" sheet (key, value) and a "clauses" sheet. */
export async function readFrameworkFile(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase()
  if (ext === '.json') {
    try {
      return JSON.parse(await readFile(path, 'utf8'))
    } catch {
      throw new FrameworkInvalidException([{ path, key: 'audits.import.bad_json' }])
    }
  }
  if (ext === '.xlsx') return readWorkbook(path)
  throw new FrameworkInvalidException([{ path, key: 'audits.import.bad_extension' }])
}

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object' && value && 'richText' in value) {
    return (value as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join('')
  }
  if (typeof value === 'object' && value && 'text' in value)
    return String((value as { text: unknown }).text)
  return String(value).trim()
}

/**
 * The workbook shape: sheet "framework" rows `code | …`, `title | …`, `titleEn`, `version`, `source`;
 * sheet "clauses" with a header row number, chapter, textZh, titleEn, obligation, parent, methods
 * (methods as `records:8.1.1; onsite:8.1.3.1`).
 */
async function readWorkbook(path: string) {
  const { default: excel } = await import('exceljs')
  const book = new excel.Workbook()
  try {
    await book.xlsx.readFile(path)
  } catch {
    throw new FrameworkInvalidException([{ path, key: 'audits.import.bad_workbook' }])
  }
  const meta = book.getWorksheet('framework')
  const sheet = book.getWorksheet('clauses')
  if (!meta || !sheet) throw new FrameworkInvalidException([{ path, key: 'audits.import.sheets' }])
  const data: Record<string, unknown> = {}
  meta.eachRow((row) => {
    const key = cellText(row.getCell(1).value)
    if (key) data[key] = cellText(row.getCell(2).value)
  })
  const header: string[] = []
  sheet.getRow(1).eachCell((cell, col) => (header[col] = cellText(cell.value)))
  const clauses: unknown[] = []
  sheet.eachRow((row, index) => {
    if (index === 1) return
    const get = (name: string) => {
      const col = header.indexOf(name)
      return col > 0 ? cellText(row.getCell(col).value) : ''
    }
    if (!get('number')) return
    clauses.push({
      number: get('number'),
      chapter: get('chapter') || undefined,
      textZh: get('textZh'),
      titleEn: get('titleEn'),
      obligation: get('obligation'),
      parent: get('parent') || null,
      methods: get('methods')
        .split(/[;；\n]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => {
          const [method, verifiedBy] = part.split(':').map((s) => s.trim())
          return { method, verifiedBy }
        }),
    })
  })
  return { ...data, clauses }
}

/**
 * Imports a clause catalogue, all or nothing: a framework of a new code is created; one whose code
 * exists is replaced only when asked and no audit uses it yet.
 */
export default class FrameworkService {
  constructor(private trail = new AuditTrail()) {}

  async import(input: unknown, options: { replace?: boolean; actor?: User | null } = {}) {
    const { data, problems } = validateFramework(input)
    if (!data) throw new FrameworkInvalidException(problems)
    return db.transaction(async (trx) => {
      const existing = await AuditFramework.query({ client: trx }).where('code', data.code).first()
      if (existing) {
        if (!options.replace) {
          throw new FrameworkInvalidException([
            { path: 'code', key: 'audits.import.exists', params: { code: data.code } },
          ])
        }
        const used = await trx.from('audits').where('framework_id', existing.id).first()
        if (used) {
          throw new FrameworkInvalidException([
            { path: 'code', key: 'audits.import.in_use', params: { code: data.code } },
          ])
        }
        await trx
          .from('audit_clauses')
          .where('framework_id', existing.id)
          .update({ parent_id: null })
        await trx.from('audit_clauses').where('framework_id', existing.id).delete()
        await existing.useTransaction(trx).delete()
      }
      const framework = await AuditFramework.create(
        {
          code: data.code.trim(),
          title: data.title.trim(),
          titleEn: data.titleEn?.trim() || null,
          version: data.version.trim(),
          source: data.source?.trim() || null,
        },
        { client: trx }
      )
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const idOf = new Map<string, number>()
      let position = 0
      for (const clause of data.clauses) {
        const [id] = await trx.table('audit_clauses').insert({
          framework_id: framework.id,
          number: clause.number,
          chapter: clause.chapter?.trim() || clause.number.split('.')[0],
          text_zh: clause.textZh.trim(),
          title_en: clause.titleEn.trim(),
          obligation: clause.obligation,
          parent_id: null,
          position: position++,
          created_at: now,
          updated_at: now,
        })
        idOf.set(clause.number, Number(id))
      }
      const methodRows = data.clauses.flatMap((clause) =>
        [...new Map(clause.methods.map((m) => [`${m.method}|${m.verifiedBy}`, m])).values()].map(
          (m) => ({
            clause_id: idOf.get(clause.number)!,
            method: m.method,
            verified_by: m.verifiedBy,
            text_zh: m.textZh ?? null,
          })
        )
      )
      for (let i = 0; i < methodRows.length; i += 200) {
        await trx.table('audit_clause_methods').multiInsert(methodRows.slice(i, i + 200))
      }
      for (const clause of data.clauses) {
        if (clause.parent) {
          await trx
            .from('audit_clauses')
            .where('id', idOf.get(clause.number)!)
            .update({ parent_id: idOf.get(clause.parent)! })
        }
      }
      await this.trail.record(trx, {
        action: existing ? 'audit_framework.replace' : 'audit_framework.import',
        subjectType: 'audit_framework',
        subjectId: framework.id,
        after: { code: framework.code, version: framework.version, clauses: data.clauses.length },
        actor: options.actor ?? null,
      })
      return { framework, clauses: data.clauses.length, methods: methodRows.length }
    })
  }

  async importFile(path: string, options: { replace?: boolean; actor?: User | null } = {}) {
    return this.import(await readFrameworkFile(path), options)
  }
}
