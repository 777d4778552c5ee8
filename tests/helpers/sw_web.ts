import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import DeclarationService from '#single_window/services/declaration_service'
import { DEMO_PARTIES, demoImportParcel, type DemoParties } from '#single_window/demo_data'
import { toImportCsv } from '#single_window/import_columns'
import type { MessageType } from '#single_window/message_types'
import { giveProfile, OTHER_PARTIES, selfParties } from '#tests/helpers/single_window'
import { makeWorld } from '#tests/helpers/world'

export const PARTIES_A: DemoParties = selfParties(DEMO_PARTIES)
export const PARTIES_B: DemoParties = selfParties(OTHER_PARTIES)

/** makeWorld() with single-window profiles: tenant A and tenant B each hold every role. */
export async function makeSwWorld() {
  const world = await makeWorld()
  await giveProfile(world.tenantA, PARTIES_A)
  await giveProfile(world.tenantB, PARTIES_B)
  return world
}

/** One document of import parcel `n`, created (checked, not sent) for the tenant. */
export async function createDoc(
  tenantId: number,
  n: number,
  type: MessageType,
  parties: DemoParties = PARTIES_A
) {
  const doc = demoImportParcel(n, parties).find((d) => d.messageType === type)!
  const { declaration, problems } = await new DeclarationService().create(tenantId, {
    messageType: doc.messageType,
    businessMode: doc.businessMode,
    head: doc.head,
    lines: doc.lines,
  })
  if (declaration.status !== 'checked') {
    throw new Error(`${type} did not pass its checks: ${JSON.stringify(problems)}`)
  }
  return declaration
}

/** The order, payment and waybill of parcels `ns`, created and submitted (the inventory list's match). */
export async function declareParcelPapers(tenantId: number, ns: number[], parties = PARTIES_A) {
  const service = new DeclarationService()
  for (const n of ns) {
    for (const type of ['CEB311', 'CEB411', 'CEB511'] as const) {
      const declaration = await createDoc(tenantId, n, type, parties)
      await service.submit(tenantId, declaration.id)
    }
  }
}

/** A CSV import file of the inventory lists of parcels `ns`; `edit` may spoil documents. */
export async function inventoryCsv(
  ns: number[],
  edit?: (doc: ReturnType<typeof demoImportParcel>[number], index: number) => void,
  parties = PARTIES_A
) {
  const docs = ns.map((n, i) => {
    const doc = demoImportParcel(n, parties).find((d) => d.messageType === 'CEB621')!
    edit?.(doc, i)
    return doc
  })
  const dir = await mkdtemp(join(tmpdir(), 'pg-swweb-'))
  const file = join(dir, `inventory-${ns.join('-')}.csv`)
  await writeFile(file, toImportCsv('CEB621', docs))
  return file
}
