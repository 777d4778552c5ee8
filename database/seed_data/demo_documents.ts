import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import Tenant from '#core/models/tenant'
import User from '#core/models/user'
import TenantDocument from '#park/models/tenant_document'
import DocumentService from '#park/services/document_service'
import DocumentExpiryJob from '#park/jobs/document_expiry_job'
import { todayInShanghai } from '#core/dates'
import type { DocumentKind } from '#park/documents'

interface DemoDocument {
  kind: DocumentKind
  title: string
  number: string | null
  issuedOn: string | null
  /** A date, or a number of days from the seeding day (so the demo always has one expiring soon). */
  expiresOn: string | number | null
  file: string
}

/** Two tenants' papers: each has one document expiring within 30 days and valid ones. */
const DEMO_DOCUMENTS: Record<string, DemoDocument[]> = {
  '91330100MA2H3B4C5X': [
    {
      kind: 'business_licence',
      title: '营业执照（副本）',
      number: '91330100MA2H3B4C5X',
      issuedOn: '2021-03-15',
      expiresOn: '2041-03-14',
      file: 'business-licence.pdf',
    },
    {
      kind: 'import_export_operator_record',
      title: '对外贸易经营者备案登记表',
      number: '04512876',
      issuedOn: '2021-05-20',
      expiresOn: null,
      file: 'foreign-trade-operator-record.pdf',
    },
    {
      kind: 'other',
      title: '食品经营许可证',
      number: 'JY13301060123456',
      issuedOn: '2021-06-01',
      expiresOn: 20,
      file: 'food-business-licence.pdf',
    },
  ],
  '91510100MA6D7E8F9C': [
    {
      kind: 'business_licence',
      title: '营业执照（副本）',
      number: '91510100MA6D7E8F9C',
      issuedOn: '2019-08-08',
      expiresOn: '2039-08-07',
      file: 'business-licence.pdf',
    },
    {
      kind: 'customs_registration',
      title: '海关进出口货物收发货人备案回执',
      number: '5101960ABC',
      issuedOn: '2019-10-12',
      expiresOn: 12,
      file: 'customs-registration.pdf',
    },
  ],
}

/** A one-page PDF that says what it stands for (ASCII text, so no font embedding is needed). */
export function demoPdf(lines: string[]) {
  const text = lines
    .map((line, i) => `BT /F1 14 Tf 60 ${780 - i * 24} Td (${line.replace(/[()\\]/g, '')}) Tj ET`)
    .join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf)
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf)
}

/**
 * The demo tenants' documents, uploaded by each tenant's admin through DocumentService (so the
 * files, their SHA-256 and the audit trail are real), then the day's reminder run. A tenant that
 * already has documents is left alone.
 */
export async function seedDemoDocuments() {
  const today = todayInShanghai()
  const dir = await mkdtemp(join(tmpdir(), 'parkgate-seed-'))
  const service = new DocumentService()
  try {
    for (const [uscc, documents] of Object.entries(DEMO_DOCUMENTS)) {
      const tenant = await Tenant.findBy('uscc', uscc)
      if (!tenant) continue
      if (await TenantDocument.findBy('tenant_id', tenant.id)) continue
      const admin = await User.query()
        .where({ tenant_id: tenant.id, role: 'tenant_admin' })
        .orderBy('id')
        .first()
      for (const demo of documents) {
        const expiresOn =
          typeof demo.expiresOn === 'number'
            ? today.plus({ days: demo.expiresOn })
            : demo.expiresOn
              ? DateTime.fromISO(demo.expiresOn)
              : null
        const bytes = demoPdf([
          'ParkGate demo document',
          `Type: ${demo.kind}`,
          `Holder USCC: ${uscc}`,
          `Number: ${demo.number ?? '-'}`,
          `Valid until: ${expiresOn ? expiresOn.toISODate() : 'no expiry'}`,
        ])
        const tmpPath = join(dir, demo.file)
        await writeFile(tmpPath, bytes)
        await service.create(
          tenant.id,
          {
            kind: demo.kind,
            title: demo.title,
            documentNumber: demo.number,
            issuedOn: demo.issuedOn ? DateTime.fromISO(demo.issuedOn) : null,
            expiresOn,
            note: null,
          },
          { tmpPath, size: bytes.length, clientName: demo.file },
          admin
        )
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  // The morning's reminders, as the daily schedule would send them.
  await new DocumentExpiryJob().handle({})
}
