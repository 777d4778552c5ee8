import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Tenant from '#core/models/tenant'
import DeclarationService from '#single_window/services/declaration_service'
import {
  DEMO_PARTIES,
  demoExportShipment,
  demoImportParcel,
  type DemoParties,
} from '#single_window/demo_data'
import { ExchangeFolders } from '#single_window/transport/exchange'
import { makeTenant } from '#tests/helpers/world'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'

/** A bare waybill declaration (CEB511) of a tenant: what makes it a party of the waybill number. */
export async function declareWaybill(tenantId: number, logisticsNo: string) {
  const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  await db.table('sw_declarations').insert({
    tenant_id: tenantId,
    message_type: 'CEB511',
    direction: 'import',
    business_mode: '9610',
    doc_no: logisticsNo,
    logistics_no: logisticsNo,
    header: '{}',
    status: 'checked',
    created_at: now,
    updated_at: now,
  })
}

/** Fresh exchange folders under the OS temp dir (one per test). */
export async function tempFolders() {
  const folders = new ExchangeFolders(await mkdtemp(join(tmpdir(), 'pg-swio-')))
  await folders.ensure()
  return folders
}

/** Parties where the tenant is every party, so one profile may declare a whole parcel. */
export const selfParties = (p: DemoParties): DemoParties => ({
  ...p,
  logisticsCode: p.ebcCode,
  logisticsName: p.ebcName,
  payCode: p.ebcCode,
  payName: p.ebcName,
  agentCode: p.ebcCode,
  agentName: p.ebcName,
})

export const OTHER: DemoParties = {
  ebcCode: '4403660B02',
  ebcName: '深圳海贝进出口有限公司',
  ebpCode: '4403660P09',
  ebpName: '海贝跨境商城',
  logisticsCode: '4403660B02',
  logisticsName: '深圳海贝进出口有限公司',
  payCode: '4403660B02',
  payName: '深圳海贝进出口有限公司',
  agentCode: '4403660B02',
  agentName: '深圳海贝进出口有限公司',
  assureCode: '4403660B02',
}

/** A tenant with a single-window profile holding every role. */
export async function swTenant(name: string, parties: DemoParties = selfParties(DEMO_PARTIES)) {
  const tenant: Tenant = await makeTenant(name)
  await new DeclarationService().saveProfile(tenant.id, {
    customsCode: parties.ebcCode,
    copCode: parties.ebcCode,
    copName: parties.ebcName,
    dxpId: `DXPENT${parties.ebcCode.slice(-8)}00`,
    roles: ['ebc', 'ebp', 'logistics', 'payment', 'agent'],
    ebpCode: parties.ebpCode,
    ebpName: parties.ebpName,
  })
  return { tenant, parties }
}

/**
 * Creates and submits the documents of import parcel `n` (order, payment, waybill, inventory
 * list) or export shipment `n`; returns the declarations, each with its outbox message pending.
 */
export async function declare(
  tenantId: number,
  n: number,
  parties: DemoParties,
  kind: 'import' | 'export' = 'import',
  edit?: (doc: ReturnType<typeof demoImportParcel>[number]) => void
) {
  const service = new DeclarationService()
  const docs = kind === 'import' ? demoImportParcel(n, parties) : demoExportShipment(n, parties)
  const out = []
  for (const doc of docs) {
    edit?.(doc)
    const { declaration, problems } = await service.create(tenantId, {
      messageType: doc.messageType,
      businessMode: doc.businessMode,
      head: doc.head,
      lines: doc.lines,
    })
    if (declaration.status !== 'checked') {
      throw new Error(`${doc.messageType} did not pass its checks: ${JSON.stringify(problems)}`)
    }
    await service.submit(tenantId, declaration.id)
    out.push(declaration)
  }
  return out
}
