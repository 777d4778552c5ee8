/**
 * Builds resources/frameworks/gbt39678-2020.json, the GB/T 39678-2020 clause catalogue, from the
 * standard's text (resources/frameworks/sources/gbt39678-2020.txt):
 *   node --import=@poppinss/ts-exec scripts/build_gbt39678_catalogue.ts
 * The requirements (number, Chinese text, shall/should) and the §8 items (text, methods) are read
 * from the text by #audits/catalogue; what is written here by hand is the English title of each
 * requirement and which §5–§7 clauses each §8 item verifies. The script stops if a requirement has
 * no title or no §8 item, or a mapping names a clause or item the text does not have.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { parseRequirements, parseVerifications } from '#audits/catalogue'

const SOURCE = 'resources/frameworks/sources/gbt39678-2020.txt'
const TARGET = 'resources/frameworks/gbt39678-2020.json'

const TITLES: Record<string, string> = {
  '5.1.1': 'Independent legal entity managing the park',
  '5.1.2': 'Published organisation, department and post responsibilities',
  '5.1.3': 'Management rules, service guides and internal manuals',
  '5.2.1': 'Staff competent for their posts; certified where required',
  '5.2.2': 'Staff professionalism',
  '5.3.1': 'Infrastructure and room for at least 15 cross-border e-commerce tenants',
  '5.3.2': 'Safe and reliable, well-equipped environment',
  '5.3.3': 'Functional zones: office, facilities, public and living areas',
  '5.3.4': 'Public information signs conform to GB/T 10001',
  '5.4.1': 'Power, water, traffic, fire and disaster infrastructure',
  '5.4.2': 'Warehouses, parking and loading docks; special warehouses',
  '5.4.3': 'Offices for customs, tax and market regulators',
  '5.4.4': 'Facilities for finance and insurance intermediaries',
  '5.5.1': 'Communication and network facilities; data and network security',
  '5.5.2': 'Public service platform covering the e-commerce chain',
  '5.5.3': 'Information system meeting customs supervision requirements',
  '5.5.4': 'Cross-border e-commerce statistics system and park evaluation',
  '5.6.1.1': 'Fire safety rules and regular fire safety training',
  '5.6.1.2': 'Segregated, marked storage of hazardous goods (GB 15603, GB 18265)',
  '5.6.2.1': 'Closed management of the customs special supervision zone',
  '5.6.2.2': 'Goods supervision with information technology',
  '5.6.3.1': 'Emergency plans for fire, epidemics, chemical leaks, typhoon, earthquake, riots',
  '5.6.3.2': 'First-aid room with trained staff and equipment',
  '6.1.1': 'Links to e-commerce platforms and regulators’ systems for declarations',
  '6.1.2': 'Collection of tenants’ transaction data for one-time declaration',
  '6.2.1': 'Two-way import and export clearance service',
  '6.2.2': 'Customs clearance guidance for each business model',
  '6.2.3': 'Guidance on transmitting transaction, payment and logistics data to customs',
  '6.3': 'Online tax rebate declaration platform',
  '6.4.1': 'Banks and payment institutions for accounts, settlement and FX',
  '6.4.2': 'Guarantee, credit and financing services',
  '6.4.3': 'One-stop cross-border supply chain services',
  '6.5.1': 'Bonded and non-bonded warehouse leasing or third-party warehousing',
  '6.5.2': 'Facilitation for international logistics and express companies',
  '6.5.3': 'Integrated logistics solutions for forwarders and logistics companies',
  '6.5.4': 'Full-process logistics tracking through the public service platform',
  '6.6.1': 'Third-party services: security, cloud, data, certification, market access',
  '6.6.2': 'Industry–university–research base and projects',
  '6.6.3': 'Technical advisers: patents, IP, technology transfer, policy, language',
  '6.7': 'Legal services: consultation, risk assessment, litigation',
  '6.8.1': 'Recruitment and team-building events; HR intermediaries',
  '6.8.2': 'Specialised training and practical training for talent',
  '6.9.1': 'Start-up incubation system for small e-commerce businesses',
  '6.9.2': 'Regular training, founder clubs, matchmaking and project events',
  '6.10': 'Product display venue, equipment and facilities',
  '7.1.1': 'Service quality supervision, control and regular inspection',
  '7.1.2': 'Operating records and archives kept complete and traceable',
  '7.1.3': 'Published supervision phone; feedback collected and analysed',
  '7.1.4': 'Accept regulators’ inspections and correct findings promptly',
  '7.2.1': 'Service quality assessment mechanism and rules',
  '7.2.2': 'Regular third-party satisfaction surveys of tenants',
  '7.2.3': 'Collect tenants’ opinions and complaints for overall assessment',
  '7.2.4': 'Analyse assessment results and improve service quality',
  '7.3.1': 'Complaint system with published phone or website',
  '7.3.2': 'Complaints handled by the responsible department within the promised time',
  '7.3.3': 'Handle complaints about the operator; assist with complaints about tenants',
  '7.3.4': 'Complete, accurate, traceable complaint archive',
}

/**
 * GB/T 39678 §8: the §5–§7 clauses each verification item verifies. Where an item covers a whole
 * section (8.1.4 → 5.4, 8.2.2 → 6.2 …) it verifies every clause of it; where its text lists
 * records (8.1.1, 8.3.1.1, 8.3.2) each record is matched to the clause that asks for it.
 * 8.1.6.1 (fire safety education records) is the only item for §5.6.1, so it also stands for
 * 5.6.1.2 (hazardous goods storage); 8.1.3.2 (inspection reports, certificates) verifies 5.3.2
 * (safe and reliable conditions).
 */
const VERIFIES: Record<string, string[]> = {
  '8.1.1': ['5.1.1', '5.1.2', '5.1.3'],
  '8.1.2': ['5.2.1', '5.2.2'],
  '8.1.3.1': ['5.3.1', '5.3.3', '5.3.4'],
  '8.1.3.2': ['5.3.2'],
  '8.1.4': ['5.4.1', '5.4.2', '5.4.3', '5.4.4'],
  '8.1.5.1': ['5.5.1', '5.5.2', '5.5.3'],
  '8.1.5.2': ['5.5.4'],
  '8.1.6.1': ['5.6.1.1', '5.6.1.2'],
  '8.1.6.2': ['5.6.2.1', '5.6.2.2'],
  '8.1.6.3.1': ['5.6.3.1'],
  '8.1.6.3.2': ['5.6.3.2'],
  '8.2.1.1': ['6.1.1'],
  '8.2.1.2': ['6.1.2'],
  '8.2.2': ['6.2.1', '6.2.2', '6.2.3'],
  '8.2.3': ['6.3'],
  '8.2.4': ['6.4.1', '6.4.2', '6.4.3'],
  '8.2.5.1': ['6.5.1'],
  '8.2.5.2': ['6.5.2', '6.5.3'],
  '8.2.5.3': ['6.5.4'],
  '8.2.6': ['6.6.1', '6.6.2', '6.6.3'],
  '8.2.7': ['6.7'],
  '8.2.8': ['6.8.1', '6.8.2'],
  '8.2.9': ['6.9.1', '6.9.2'],
  '8.2.10': ['6.10'],
  '8.3.1.1': ['7.1.1', '7.1.2', '7.1.3', '7.1.4'],
  '8.3.1.2': ['7.1.3'],
  '8.3.2': ['7.2.1', '7.2.2', '7.2.3', '7.2.4'],
  '8.3.3': ['7.3.1', '7.3.2', '7.3.3', '7.3.4'],
}

const text = readFileSync(SOURCE, 'utf8')
const requirements = parseRequirements(text)
const verifications = new Map(parseVerifications(text).map((v) => [v.number, v]))
const numbers = new Set(requirements.map((r) => r.number))
const problems: string[] = []

for (const [item, clauses] of Object.entries(VERIFIES)) {
  const verification = verifications.get(item)
  if (!verification) problems.push(`${item} is not a §8 item of the text`)
  else if (!verification.methods.length) problems.push(`${item} names no method`)
  for (const clause of clauses)
    if (!numbers.has(clause)) problems.push(`${item} → ${clause}: no such requirement`)
}
for (const item of verifications.keys())
  if (!VERIFIES[item]) problems.push(`§8 item ${item} is mapped to nothing`)

const clauses = requirements.map((r) => {
  const items = Object.entries(VERIFIES).filter(([, list]) => list.includes(r.number))
  if (!TITLES[r.number]) problems.push(`${r.number} has no English title`)
  if (!items.length) problems.push(`${r.number} is verified by no §8 item`)
  return {
    number: r.number,
    chapter: r.chapter,
    textZh: r.textZh,
    titleEn: TITLES[r.number],
    obligation: r.obligation,
    parent: null,
    methods: items.flatMap(([item]) =>
      verifications.get(item)!.methods.map((method) => ({
        method,
        verifiedBy: item,
        textZh: verifications.get(item)!.textZh,
      }))
    ),
  }
})
for (const number of Object.keys(TITLES))
  if (!numbers.has(number)) problems.push(`title for unknown ${number}`)

if (problems.length) {
  console.error(problems.join('\n'))
  process.exit(1)
}

const framework = {
  code: 'GB/T 39678-2020',
  title: '跨境电子商务产业园服务规范',
  titleEn: 'Specification for cross-border e-commerce industrial park service',
  version: '2020',
  source:
    'GB/T 39678—2020 (2020-12-14 发布, 2021-07-01 实施), §5–§7 requirements, §8 verification methods',
  clauses,
}
writeFileSync(TARGET, JSON.stringify(framework, null, 2) + '\n')
console.log(
  `${TARGET}: ${clauses.length} requirements, ${clauses.reduce((n, c) => n + c.methods.length, 0)} methods`
)
