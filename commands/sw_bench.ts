import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import Tenant from '#core/models/tenant'
import { usccCheckChar } from '#core/uscc'
import DeclarationService from '#single_window/services/declaration_service'
import BatchService from '#single_window/services/batch_service'
import { toImportCsv } from '#single_window/import_columns'
import { DEMO_PARTIES, demoImportParcel, type DemoDocument } from '#single_window/demo_data'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import type { MessageType } from '#single_window/message_types'
import { receiptXml, returnTimeOf } from '#single_window/simulator/receipt_writer'
import { validateFiles, xsdPath } from '#single_window/simulator/xsd_validator'
import { ExchangeFolders } from '#single_window/transport/exchange'
import InboxService from '#single_window/transport/inbox_service'
import OutboxService from '#single_window/transport/outbox_service'

/** A distinct, well-formed 18-digit resident ID per n (GB 11643 check character): 16.8 million of them. */
function idNumber(n: number) {
  const year = 1950 + (n % 50)
  const month = String(1 + (Math.floor(n / 50) % 12)).padStart(2, '0')
  const day = String(1 + (Math.floor(n / 600) % 28)).padStart(2, '0')
  const seq = String(Math.floor(n / 16_800) % 1000).padStart(3, '0')
  const first17 = `110101${year}${month}${day}${seq}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)

/** Highest RSS seen (sampled every 20 ms) since the last `next()`: the peak of each phase. */
function rssPhases() {
  let peak = 0
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()))
  const timer = setInterval(sample, 20)
  timer.unref()
  return {
    next() {
      sample()
      const value = mb(peak)
      peak = process.memoryUsage.rss()
      return value
    },
    stop: () => clearInterval(timer),
  }
}

/**
 * The single-window benchmark (issue 6), one phase per process so each peak RSS is its own:
 *
 * - `declare`: N import inventory lists (CEB621) from a CSV import file to files in OutBox, end to
 *   end — BatchService.import (read, every check incl. the three-document match and the personal
 *   limits, all-or-nothing insert), submitBatch (checks again, builds and signs each message, the
 *   outbox rows) and OutboxService.flush (temp file + rename per message) — next to the floor: the
 *   same N messages from a bare template string written to files, no checks, no database. Their
 *   orders, payments and waybills are imported first (not timed). A sample of the OutBox files is
 *   validated with xmllint against the 2022-05 XSD afterwards (not timed).
 * - `receipts`: N CEB622 receipts (100 per file, as the e-port sends them) applied by InboxService.
 *
 * Prints one `RESULT` line per figure for bench/run.mjs. Uses a tenant of its own and removes its
 * rows at the end.
 */
export default class SwBench extends BaseCommand {
  static commandName = 'sw:bench'
  static description =
    'Benchmark the single-window pipeline (declare → OutBox; receipts → declarations)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'declare | receipts | cleanup', default: 'declare' })
  declare phase: string

  @flags.number({ description: 'How many inventory lists / receipts', default: 100_000 })
  declare count: number

  @flags.string({ description: 'Work folder', default: 'tmp/bench-sw' })
  declare dir: string

  get work() {
    return this.app.makePath(this.dir)
  }

  get folders() {
    return new ExchangeFolders(join(this.work, 'exchange'))
  }

  async run() {
    if (this.phase === 'declare') return this.declarePhase()
    if (this.phase === 'receipts') return this.receiptsPhase()
    if (this.phase === 'cleanup') return this.cleanup()
    this.logger.error(`unknown phase ${this.phase}`)
    this.exitCode = 1
  }

  async benchTenant() {
    const existing = await Tenant.query().where('name', 'SW bench tenant').first()
    if (existing) return existing
    return Tenant.create({
      uscc: `91440300MA5SWB000${usccCheckChar('91440300MA5SWB000')}`,
      name: 'SW bench tenant',
      userCategory: 'ecommerce_enterprise',
      legalRepresentative: '张三',
      contactPerson: '李四',
      contactPhone: '13800000000',
      contactEmail: 'sw-bench@example.test',
      status: 'admitted',
    })
  }

  /** The parcels: demo documents with a buyer of their own each (personal limits stay clear). */
  parcels(count: number, only?: MessageType) {
    const parties = {
      ...DEMO_PARTIES,
      logisticsCode: DEMO_PARTIES.ebcCode,
      logisticsName: DEMO_PARTIES.ebcName,
      payCode: DEMO_PARTIES.ebcCode,
      payName: DEMO_PARTIES.ebcName,
    }
    const byType: Record<string, DemoDocument[]> = {
      CEB311: [],
      CEB411: [],
      CEB511: [],
      CEB621: [],
    }
    for (let n = 0; n < count; n++) {
      const docs = demoImportParcel(n, parties)
      const id = idNumber(n)
      const name = `买家${n}`
      for (const doc of docs) {
        for (const key of ['buyerIdNumber', 'payerIdNumber']) if (doc.head[key]) doc.head[key] = id
        for (const key of ['buyerName', 'payerName']) if (doc.head[key]) doc.head[key] = name
        if (!only || doc.messageType === only) byType[doc.messageType].push(doc)
      }
    }
    return { parties, byType }
  }

  async setupTenant() {
    await this.cleanup()
    const tenant = await this.benchTenant()
    const { parties } = this.parcels(0)
    await new DeclarationService().saveProfile(tenant.id, {
      customsCode: parties.ebcCode,
      copCode: parties.ebcCode,
      copName: parties.ebcName,
      dxpId: 'DXPENT0000SWB001',
      roles: ['ebc', 'ebp', 'logistics', 'payment', 'agent'],
      ebpCode: parties.ebpCode,
      ebpName: parties.ebpName,
    })
    return { tenant }
  }

  async importFile(type: MessageType, docs: DemoDocument[]) {
    const path = join(this.work, `${type}.csv`)
    await writeFile(path, toImportCsv(type, docs))
    return { path, name: `${type}.csv` }
  }

  async declarePhase() {
    await rm(this.work, { recursive: true, force: true })
    await mkdir(this.work, { recursive: true })
    const { tenant } = await this.setupTenant()
    const batches = new BatchService()
    const folders = this.folders
    await folders.ensure()
    const rss = rssPhases()

    // Not timed: the order, payment and waybill of every parcel, imported, submitted and written.
    let started = performance.now()
    for (const type of ['CEB311', 'CEB411', 'CEB511'] as const) {
      // One type's documents at a time, dropped once written: the bench holds no more than that.
      const file = await this.importFile(type, this.parcels(this.count, type).byType[type])
      const result = await batches.import(tenant.id, type, file)
      if (!result.created)
        throw new Error(
          `${type} batch rejected: ${JSON.stringify(result.report.errors.slice(0, 3))}`
        )
      await batches.submitBatch(tenant.id, result.batch.id)
    }
    await new OutboxService({ folders }).flush({ limit: 10 * this.count })
    await rm(folders.path('OutBox'), { recursive: true, force: true })
    await folders.ensure()
    const setupSeconds = (performance.now() - started) / 1000
    const setupRss = rss.next()

    // The floor: the same inventory lists from a bare template string, written as files.
    const floorDir = join(this.work, 'floor')
    await mkdir(floorDir, { recursive: true })
    const inventories = this.parcels(this.count, 'CEB621').byType.CEB621
    started = performance.now()
    const spec = FIELD_SPECS.CEB621
    const escape = (v: string) =>
      v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    for (const [i, doc] of inventories.entries()) {
      const head = spec.head.fields
        .map((f) =>
          doc.head[f.name] ? `<ceb:${f.name}>${escape(doc.head[f.name])}</ceb:${f.name}>` : ''
        )
        .join('')
      const lines = doc.lines
        .map(
          (line) =>
            `<ceb:InventoryList>${spec
              .list!.fields.map((f) =>
                line[f.name] ? `<ceb:${f.name}>${escape(line[f.name])}</ceb:${f.name}>` : ''
              )
              .join('')}</ceb:InventoryList>`
        )
        .join('')
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ceb:CEB621Message guid="G${i}" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:Inventory><ceb:InventoryHead>${head}</ceb:InventoryHead>${lines}</ceb:Inventory></ceb:CEB621Message>`
      await writeFile(join(floorDir, `CEB621Message_${i}.xml`), xml)
    }
    const floorSeconds = (performance.now() - started) / 1000

    // End to end, timed: import file → checks → declarations → signed messages → OutBox files.
    const file = await this.importFile('CEB621', inventories)
    rss.next()
    started = performance.now()
    const cpuStart = cpu()
    const imported = await batches.import(tenant.id, 'CEB621', file)
    if (!imported.created) {
      throw new Error(
        `CEB621 batch rejected: ${JSON.stringify(imported.report.errors.slice(0, 3))}`
      )
    }
    const importSeconds = (performance.now() - started) / 1000
    const importCpu = cpu() - cpuStart
    const importRss = rss.next()
    await batches.submitBatch(tenant.id, imported.batch.id)
    const submitSeconds = (performance.now() - started) / 1000 - importSeconds
    const submitCpu = cpu() - cpuStart - importCpu
    const submitRss = rss.next()
    const flushed = await new OutboxService({ folders }).flush({ limit: 10 * this.count })
    const totalSeconds = (performance.now() - started) / 1000
    const totalCpu = cpu() - cpuStart
    const outboxSeconds = totalSeconds - importSeconds - submitSeconds
    const files = await folders.list('OutBox')
    if (files.length !== inventories.length || flushed.written !== inventories.length) {
      throw new Error(`expected ${inventories.length} OutBox files, found ${files.length}`)
    }
    const peak = peakRssMb()
    const outboxRss = rss.next()
    rss.stop()

    // Not timed: a sample of the OutBox files against the official XSD.
    const sample = files.filter((_f, i) => i % Math.max(1, Math.floor(files.length / 200)) === 0)
    const verdicts = await validateFiles(
      sample.map((f) => folders.path('OutBox', f)),
      xsdPath('import', this.app.makePath())
    )
    const invalid = verdicts.filter((v) => !v.valid).length

    const rate = inventories.length / totalSeconds
    const floor = inventories.length / floorSeconds
    this.logger.info(
      `setup (orders, payments, waybills: ${3 * this.count} documents) ${setupSeconds.toFixed(1)} s; ` +
        `import ${importSeconds.toFixed(1)} s (CPU ${importCpu.toFixed(1)} s), submit ${submitSeconds.toFixed(1)} s ` +
        `(CPU ${submitCpu.toFixed(1)} s), outbox ${outboxSeconds.toFixed(1)} s (CPU ${(totalCpu - importCpu - submitCpu).toFixed(1)} s)`
    )
    console.log(
      `RESULT declare count=${inventories.length} seconds=${totalSeconds.toFixed(2)} cpu=${totalCpu.toFixed(2)} rate=${rate.toFixed(0)} ` +
        `floor=${floor.toFixed(0)} ratio=${(rate / floor).toFixed(3)} peakRssMb=${peak} ` +
        `import=${importSeconds.toFixed(2)} submit=${submitSeconds.toFixed(2)} outbox=${outboxSeconds.toFixed(2)} ` +
        `setupRssMb=${setupRss} importRssMb=${importRss} submitRssMb=${submitRss} outboxRssMb=${outboxRss} ` +
        `xsdSample=${sample.length} xsdInvalid=${invalid} heapMb=${mb(process.memoryUsage().heapUsed)}`
    )
  }

  async receiptsPhase() {
    const tenant = await this.benchTenant()
    const folders = this.folders
    await rm(folders.root, { recursive: true, force: true })
    await folders.ensure()
    const rows: Array<{ cop_no: string }> = await db
      .from('sw_declarations')
      .where({ tenant_id: tenant.id, message_type: 'CEB621' })
      .orderBy('id')
      .limit(this.count)
      .select('cop_no')
    if (rows.length < this.count) {
      await this.fixtures(tenant.id, this.count - rows.length)
      rows.push(
        ...(await db
          .from('sw_declarations')
          .where({ tenant_id: tenant.id, message_type: 'CEB621' })
          .whereLike('doc_no', 'BENCHINV%')
          .orderBy('id')
          .limit(this.count - rows.length)
          .select('cop_no'))
      )
    }
    // Not timed: the receipts, 100 records a file, as the e-port sends them.
    const base = Date.parse('2026-12-01T02:00:00Z')
    for (let f = 0; f * 100 < rows.length; f++) {
      const records = rows.slice(f * 100, f * 100 + 100).map((row, i) =>
        receiptXml({
          type: 'CEB622',
          guid: '0D3B5D39-7F7E-4E37-9C39-1B7B8B4F2A10',
          fields: {
            customsCode: '5349',
            ebpCode: DEMO_PARTIES.ebpCode,
            ebcCode: DEMO_PARTIES.ebcCode,
            agentCode: DEMO_PARTIES.ebcCode,
            copNo: row.cop_no,
            preNo: `B20261201${String(f * 100 + i).padStart(9, '0')}`,
            invtNo: `51412026I${String(f * 100 + i).padStart(9, '0')}`,
          },
          returnStatus: '120',
          returnTime: returnTimeOf(base + f * 100 + i),
          returnInfo: '[Code:1800;Desc:逻辑校验通过]',
        })
      )
      const first = records[0]
      const body = records
        .map((xml) => /<InventoryReturn>[\s\S]*<\/InventoryReturn>/.exec(xml)![0])
        .join('\n')
      await writeFile(
        folders.path('InBox', `receipt_${String(f).padStart(5, '0')}.xml`),
        first.replace(/<InventoryReturn>[\s\S]*<\/InventoryReturn>/, body)
      )
    }
    const started = performance.now()
    const cpuStart = cpu()
    const result = await new InboxService({ folders }).run({ limit: rows.length })
    const seconds = (performance.now() - started) / 1000
    const cpuSeconds = cpu() - cpuStart
    if (result.applied !== rows.length)
      throw new Error(`applied ${result.applied} of ${rows.length}`)
    const at120 = await db
      .from('sw_declarations')
      .where({ tenant_id: tenant.id, message_type: 'CEB621', status: '120' })
      .count('* as n')
      .first()
    console.log(
      `RESULT receipts count=${result.applied} files=${result.files} seconds=${seconds.toFixed(2)} ` +
        `rate=${(result.applied / seconds).toFixed(0)} cpu=${cpuSeconds.toFixed(2)} peakRssMb=${peakRssMb()} at120=${Number(at120?.n ?? 0)}`
    )
    await this.cleanup()
  }

  /**
   * Without a declare phase before: inventory lists inserted straight into the table (queued, as
   * after submission), so the receipts have something to apply to. Not timed.
   */
  async fixtures(tenantId: number, missing: number) {
    const head = JSON.stringify({
      ebcCode: DEMO_PARTIES.ebcCode,
      ebpCode: DEMO_PARTIES.ebpCode,
      agentCode: DEMO_PARTIES.ebcCode,
      customsCode: '5349',
    })
    const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
    for (let k = 0; k < missing; k += 500) {
      await db.table('sw_declarations').multiInsert(
        Array.from({ length: Math.min(500, missing - k) }, (_, i) => ({
          tenant_id: tenantId,
          message_type: 'CEB621',
          direction: 'import',
          business_mode: '9610',
          doc_no: `BENCHINV${String(k + i).padStart(10, '0')}`,
          cop_no: `BENCHINV${String(k + i).padStart(10, '0')}`,
          header: head,
          status: 'queued',
          created_at: now,
          updated_at: now,
        }))
      )
    }
  }

  /** Removes the bench tenant's single-window rows (the tenant and its audit entries stay: the trail is a hash chain). */
  async cleanup() {
    const tenant = await Tenant.query().where('name', 'SW bench tenant').first()
    if (!tenant) return
    const ids = db.from('sw_declarations').where('tenant_id', tenant.id).select('id')
    await db.from('sw_messages').where('tenant_id', tenant.id).delete()
    await db.from('sw_declaration_events').whereIn('declaration_id', ids).delete()
    await db.from('sw_declaration_lines').whereIn('declaration_id', ids).delete()
    await db.from('sw_declarations').where('tenant_id', tenant.id).delete()
    await db.from('sw_import_batches').where('tenant_id', tenant.id).delete()
    await db.from('sw_tracking_events').where('tenant_id', tenant.id).delete()
    await db.from('sw_inbox_files').where('tenant_id', tenant.id).delete()
    await db.from('sw_profiles').where('tenant_id', tenant.id).delete()
  }
}
