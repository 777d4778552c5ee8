import db from '@adonisjs/lucid/services/db'
import type { I18n } from '@adonisjs/i18n'
import DeclarationService, { type Actor } from '#single_window/services/declaration_service'
import type SwProfile from '#single_window/models/sw_profile'
import type SwDeclaration from '#single_window/models/sw_declaration'
import { completeDocument, checkDocument } from '#single_window/checks/document_checks'
import { personalLimits, threeDocumentMatch } from '#single_window/checks/business_checks'
import { hasErrors, type CheckProblem } from '#single_window/checks/problem'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import type { FieldSpec } from '#single_window/specs/types'
import { CODE_LISTS, FIELD_CODE_LISTS } from '#single_window/code_lists'
import { MESSAGE_TYPES, type BusinessMode, type MessageType } from '#single_window/message_types'

type Values = Record<string, string | null | undefined>

/** Filled by the message builder or by the submission itself; never typed in a form. */
const SYSTEM_FIELDS = new Set(['guid', 'appType', 'appStatus', 'appTime'])
/** Depend on the business mode chosen in the same form: left empty, completed on save. */
const MODE_FIELDS = new Set(['tradeMode', 'orderType', 'declTime'])

export interface FormField extends FieldSpec {
  /** A select's options: code list entries or the XSD enumeration. */
  options: { value: string; zh: string; en: string }[] | null
  /** The natural key of the document: required in the form even where the XSD lets it be empty. */
  key: boolean
}

export interface FormLayout {
  type: MessageType
  head: { required: FormField[]; optional: FormField[] }
  list: { required: FormField[]; optional: FormField[]; max: number } | null
}

function formField(type: MessageType, spec: FieldSpec): FormField {
  const list = FIELD_CODE_LISTS[spec.name]
  const options = list
    ? CODE_LISTS[list].map((e) => ({ value: e.code, zh: e.zh, en: e.en }))
    : spec.enumeration
      ? spec.enumeration.map((v) => ({ value: v, zh: v, en: v }))
      : null
  return { ...spec, options, key: MESSAGE_TYPES[type].docNoField === spec.name }
}

function split(type: MessageType, fields: FieldSpec[]) {
  const visible = fields.filter((f) => !SYSTEM_FIELDS.has(f.name)).map((f) => formField(type, f))
  return {
    required: visible.filter((f) => f.required || f.key),
    optional: visible.filter((f) => !f.required && !f.key),
  }
}

const layouts = new Map<MessageType, FormLayout>()

/** The create form of a message type, from the XSD field specs (in XSD order). */
export function formLayout(type: MessageType): FormLayout {
  let layout = layouts.get(type)
  if (!layout) {
    const spec = FIELD_SPECS[type]
    layout = {
      type,
      head: split(type, spec.head.fields),
      list: spec.list ? { ...split(type, spec.list.fields), max: spec.list.max } : null,
    }
    layouts.set(type, layout)
  }
  return layout
}

/** Drops goods lines the form left entirely empty (the form always offers a few slots). */
export function filledLines(lines: Values[] | undefined) {
  return (lines ?? []).filter((line) =>
    Object.values(line ?? {}).some((v) => v !== null && v !== undefined && String(v).trim() !== '')
  )
}

/**
 * Field errors of the checks keyed as the form names its inputs (`head.orderNo`,
 * `lines.0.qty`), in the reader's language; problems of no single field go under `_form`.
 */
export function fieldErrors(type: MessageType, problems: CheckProblem[], i18n: I18n) {
  const layout = formLayout(type)
  const headNames = new Set([...layout.head.required, ...layout.head.optional].map((f) => f.name))
  const errors: Record<string, string[]> = {}
  const add = (key: string, message: string) => (errors[key] ??= []).push(message)
  for (const problem of problems) {
    const message = problemMessage(problem, i18n)
    if (problem.line) add(`lines.${problem.line - 1}.${problem.field}`, message)
    else if (headNames.has(problem.field)) add(`head.${problem.field}`, message)
    else if (problem.field === 'businessMode') add('businessMode', message)
    else add('_form', message)
  }
  return errors
}

/** A check problem in words: the field's label and the check's message. */
export function problemMessage(problem: CheckProblem, i18n: I18n) {
  const data = { ...problem.data }
  if (typeof data.field === 'string') data.field = fieldLabel(data.field, i18n)
  return i18n.t(`sw.${problem.key}`, data)
}

/** A CEB element's name in the reader's language (sw_web.fields), the element name otherwise. */
export function fieldLabel(name: string, i18n: I18n) {
  const key = `sw_web.fields.${name}`
  return i18n.resolveIdentifier(key) ? i18n.t(key) : name
}

/**
 * The form side of declaring: what to prefill, and the checks run before anything is stored, so
 * a document that fails one is answered with its field errors and nothing is saved (the
 * DeclarationService stores and submits; it runs the same checks again).
 */
export default class DeclarationFormService {
  constructor(private declarations = new DeclarationService()) {}

  /** The values the form starts with: the fixed values and the tenant's own party. */
  defaults(type: MessageType, profile: SwProfile) {
    const mode = MESSAGE_TYPES[type].modes[0]
    const { head } = completeDocument(type, mode, {}, [], {
      copCode: profile.copCode,
      copName: profile.copName,
      roles: profile.roleList,
      ebpCode: profile.ebpCode,
      ebpName: profile.ebpName,
    })
    for (const name of [...SYSTEM_FIELDS, ...MODE_FIELDS]) delete head[name]
    if (type === 'CEB621' || type === 'CEB603') head.customsCode ??= profile.customsCode
    return head
  }

  /** Every check of the document as it would be stored, without storing anything. */
  async precheck(
    tenantId: number,
    profile: SwProfile,
    input: { messageType: MessageType; businessMode: BusinessMode; head: Values; lines: Values[] },
    existing?: { id: number; docNo: string }
  ): Promise<CheckProblem[]> {
    const type = input.messageType
    const identity = {
      copCode: profile.copCode,
      copName: profile.copName,
      roles: profile.roleList,
      ebpCode: profile.ebpCode,
      ebpName: profile.ebpName,
    }
    const { head, lines } = completeDocument(
      type,
      input.businessMode,
      input.head,
      input.lines,
      identity
    )
    const problems = checkDocument(type, input.businessMode, head, lines, identity)
    const keyField = MESSAGE_TYPES[type].docNoField
    const docNo = head[keyField]
    if (!docNo && !problems.some((p) => p.field === keyField && !p.line)) {
      problems.push({ field: keyField, key: 'check.required', level: 'error' })
    }
    await db.transaction(async (trx) => {
      if (existing && docNo !== existing.docNo) {
        problems.push({
          field: keyField,
          key: 'errors.doc_no_fixed',
          data: { docNo: existing.docNo },
          level: 'error',
        })
      } else if (docNo && !existing) {
        const taken = await trx
          .from('sw_declarations')
          .where({ tenant_id: tenantId, message_type: type, doc_no: docNo })
          .first()
        if (taken) {
          problems.push({
            field: keyField,
            key: 'errors.duplicate',
            data: { docNo },
            level: 'error',
          })
        }
      }
      if (type === 'CEB621') {
        const parcel = await this.declarations.parcelOf(trx, head)
        problems.push(...threeDocumentMatch({ inventory: { head, lines }, ...parcel }))
        const declared = await this.declarations.declaredThisYear(
          trx,
          head.buyerIdNumber ?? '',
          existing?.id
        )
        problems.push(...personalLimits(lines, declared))
      }
    })
    return problems
  }

  /** Values of a stored declaration as the form shows them (system fields left out). */
  valuesOf(declaration: SwDeclaration, lines: Values[]) {
    const head: Values = { ...declaration.headerData }
    for (const name of SYSTEM_FIELDS) delete head[name]
    return { businessMode: declaration.businessMode, head, lines }
  }

  /**
   * Corrects a draft or a rejected declaration when every check passes (SW 702: messages are
   * corrected from the receipts); otherwise returns the problems and changes nothing.
   */
  async update(
    tenantId: number,
    profile: SwProfile,
    declaration: SwDeclaration,
    input: { businessMode: BusinessMode; head: Values; lines: Values[] },
    actor: Actor
  ) {
    const problems = await this.precheck(
      tenantId,
      profile,
      { ...input, messageType: declaration.messageType },
      { id: declaration.id, docNo: declaration.docNo }
    )
    if (hasErrors(problems)) return { problems, updated: false }
    const updated = await this.declarations.update(tenantId, declaration.id, input, actor)
    return { problems: updated.problems, updated: true }
  }

  /** Stores the document when every check passes; otherwise returns the problems, nothing stored. */
  async create(
    tenantId: number,
    profile: SwProfile,
    input: { messageType: MessageType; businessMode: BusinessMode; head: Values; lines: Values[] },
    actor: Actor
  ) {
    const problems = await this.precheck(tenantId, profile, input)
    if (hasErrors(problems)) return { problems, declaration: null }
    const created = await this.declarations.create(tenantId, input, actor)
    return { problems: created.problems, declaration: created.declaration }
  }
}
