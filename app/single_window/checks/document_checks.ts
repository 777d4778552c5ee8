import { DateTime } from 'luxon'
import { checkRecordFields } from '#single_window/checks/field_checks'
import { checkBusinessRules } from '#single_window/checks/business_checks'
import type { CheckProblem } from '#single_window/checks/problem'
import {
  MESSAGE_TYPES,
  type BusinessMode,
  type MessageType,
  type ProfileRole,
} from '#single_window/message_types'
import { FIELD_SPECS } from '#single_window/specs/field_specs'

type Values = Record<string, string | null | undefined>

/** What the checks need to know about the declaring tenant's single-window profile. */
export interface ProfileIdentity {
  copCode: string
  copName: string
  roles: ProfileRole[]
  ebpCode?: string | null
  ebpName?: string | null
}

/**
 * The head fields that name the declaring party per role (SPEC §3 "sender"): a tenant may only
 * declare documents in which it is that party (issue 6: no declaration on behalf of another tenant).
 */
const PARTY_FIELDS: Record<MessageType, Partial<Record<ProfileRole, [string, string]>>> = {
  CEB311: {
    ebc: ['ebcCode', 'ebcName'],
    ebp: ['ebpCode', 'ebpName'],
    logistics: ['ebcCode', 'ebcName'],
  },
  CEB411: { payment: ['payCode', 'payName'] },
  CEB511: { logistics: ['logisticsCode', 'logisticsName'] },
  CEB621: { ebc: ['ebcCode', 'ebcName'], agent: ['agentCode', 'agentName'] },
  CEB303: { ebc: ['ebcCode', 'ebcName'], ebp: ['ebpCode', 'ebpName'] },
  CEB505: { logistics: ['logisticsCode', 'logisticsName'] },
  CEB603: { ebc: ['ebcCode', 'ebcName'], agent: ['agentCode', 'agentName'] },
}

const trimAll = (values: Values) => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined) continue
    const text = typeof v === 'string' ? v.trim() : String(v)
    if (text !== '') out[k] = text
  }
  return out
}

/**
 * Completes a head as the spec prescribes before checking: report type 1 (add), status 2 (declare),
 * submission time now (Asia/Shanghai), the fixed import values (orderType I, ieFlag, currency 142,
 * packNo 1, ID type 1), tradeMode = the business mode, and the tenant's own party code and name.
 */
export function completeDocument(
  type: MessageType,
  mode: BusinessMode,
  head: Values,
  lines: Values[],
  profile: ProfileIdentity,
  now: DateTime = DateTime.now().setZone('Asia/Shanghai')
) {
  const h = trimAll(head)
  const info = MESSAGE_TYPES[type]
  const fields = new Set(FIELD_SPECS[type].head.fields.map((f) => f.name))
  const fill = (name: string, value: string | null | undefined) => {
    if (fields.has(name) && !h[name] && value) h[name] = value
  }
  fill('appType', '1')
  fill('appStatus', '2')
  fill('appTime', now.toFormat('yyyyMMddHHmmss'))
  if (info.direction === 'import') {
    fill('orderType', 'I')
    fill('ieFlag', 'I')
    fill('currency', '142')
    fill('buyerIdType', '1')
    fill('payerIdType', '1')
    fill('packNo', '1')
    fill('declTime', now.toFormat('yyyyMMdd'))
  } else {
    fill('ieFlag', 'E')
    fill('orderType', mode === '9710' ? 'B' : mode === '9810' ? 'W' : 'E')
  }
  if (type === 'CEB621' || type === 'CEB603') fill('tradeMode', mode)
  // The tenant's own party: first role of the profile that may send this type.
  const role = info.roles.find((r) => profile.roles.includes(r))
  const party = role ? PARTY_FIELDS[type][role] : undefined
  if (party) {
    fill(party[0], profile.copCode)
    fill(party[1], profile.copName)
  }
  fill('ebpCode', profile.ebpCode)
  fill('ebpName', profile.ebpName)
  const listFields = FIELD_SPECS[type].list?.fields
  const l = lines.map((line, i) => {
    const out = trimAll(line)
    if (listFields && !out.gnum) out.gnum = String(i + 1)
    if (info.direction === 'import' && !out.currency) out.currency = '142'
    return out
  })
  return { head: h, lines: l }
}

/** The profile may send this type and is the declaring party named in the document. */
export function checkOwnership(
  type: MessageType,
  head: Values,
  profile: ProfileIdentity
): CheckProblem[] {
  const info = MESSAGE_TYPES[type]
  const roles = info.roles.filter((r) => profile.roles.includes(r))
  if (roles.length === 0) {
    return [
      {
        field: 'messageType',
        key: 'check.role',
        data: { roles: info.roles.join(', ') },
        level: 'error',
      },
    ]
  }
  const matches = roles.some((role) => {
    const party = PARTY_FIELDS[type][role]
    return party ? head[party[0]] === profile.copCode : false
  })
  if (matches) return []
  const field = PARTY_FIELDS[type][roles[0]]?.[0] ?? 'copCode'
  return [{ field, key: 'check.not_own_party', data: { code: profile.copCode }, level: 'error' }]
}

/** Every check of one document that needs no other document: XSD facets, rules, ownership. Pure. */
export function checkDocument(
  type: MessageType,
  mode: BusinessMode,
  head: Values,
  lines: Values[],
  profile: ProfileIdentity
): CheckProblem[] {
  const problems = checkRecordFields(type, head, lines)
  if (!MESSAGE_TYPES[type].modes.includes(mode)) {
    problems.push({
      field: 'businessMode',
      key: 'check.mode_for_type',
      data: { mode },
      level: 'error',
    })
  }
  problems.push(...checkBusinessRules(type, mode, head, lines))
  problems.push(...checkOwnership(type, head, profile))
  return problems
}
