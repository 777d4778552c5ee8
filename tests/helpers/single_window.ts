import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'
import type Tenant from '#core/models/tenant'
import DeclarationService from '#single_window/services/declaration_service'
import { DEMO_PARTIES, type DemoParties } from '#single_window/demo_data'
import type { ProfileRole } from '#single_window/message_types'

const run = promisify(execFile)

export const XSD = {
  import: app.makePath('resources/ceb/xsd/海关跨境进口业务节点报文定义202205.xsd'),
  export: app.makePath('resources/ceb/xsd/海关跨境出口业务节点报文定义202205.xsd'),
}

/**
 * Validates XML against the official 2022-05 XSD with `xmllint --noout --schema` (libxml2-utils);
 * returns xmllint's verdict and messages.
 */
export async function xmllint(xml: string, direction: 'import' | 'export') {
  const dir = await mkdtemp(join(tmpdir(), 'sw-xsd-'))
  const file = join(dir, 'message.xml')
  try {
    await writeFile(file, xml)
    try {
      const { stderr } = await run('xmllint', ['--noout', '--schema', XSD[direction], file])
      return { valid: true, output: stderr }
    } catch (error: any) {
      return { valid: false, output: String(error.stderr ?? error.message) }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Parties of a second, unrelated enterprise (the "other tenant"). */
export const OTHER_PARTIES: DemoParties = {
  ebcCode: '4403660B02',
  ebcName: '深圳海贝进出口有限公司',
  ebpCode: '4403660P09',
  ebpName: '海贝跨境商城',
  logisticsCode: '4403660L09',
  logisticsName: '海贝速运有限公司',
  payCode: '4403660Y09',
  payName: '海贝支付有限公司',
  agentCode: '4403660B02',
  agentName: '深圳海贝进出口有限公司',
  assureCode: '4403660B02',
}

/** Gives a tenant a single-window profile; all roles by default, so one tenant can send all four documents. */
export async function giveProfile(
  tenant: Tenant,
  parties: DemoParties = DEMO_PARTIES,
  roles: ProfileRole[] = ['ebc', 'ebp', 'logistics', 'payment', 'agent']
) {
  return new DeclarationService().saveProfile(
    tenant.id,
    {
      customsCode: parties.ebcCode,
      copCode: parties.ebcCode,
      copName: parties.ebcName,
      dxpId: `DXPENT${parties.ebcCode.slice(-8)}00`,
      roles,
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
    },
    null
  )
}

/**
 * Demo parties where the tenant itself is every party (so one profile may declare the whole parcel):
 * the platform is its own (ebpCode from the profile), the carrier, payer and agent are the tenant.
 */
export const selfParties = (p: DemoParties): DemoParties => ({
  ...p,
  logisticsCode: p.ebcCode,
  logisticsName: p.ebcName,
  payCode: p.ebcCode,
  payName: p.ebcName,
  agentCode: p.ebcCode,
  agentName: p.ebcName,
})
