import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { obligationOf, parseRequirements, parseVerifications } from '#audits/catalogue'
import FrameworkService, {
  FrameworkInvalidException,
  type FrameworkData,
} from '#audits/services/framework_service'
import AuditFramework from '#audits/models/audit_framework'
import { GBT39678_FILE } from '#database/seed_data/audits_demo'
import { makeWorld } from '#tests/helpers/world'
import AuditService from '#audits/services/audit_service'
import { writeFile } from 'node:fs/promises'

const standard = () =>
  readFileSync(app.makePath('resources/frameworks/sources/gbt39678-2020.txt'), 'utf8')
const catalogue = () =>
  JSON.parse(readFileSync(app.makePath(GBT39678_FILE), 'utf8')) as FrameworkData

/**
 * How the requirements were counted: every numbered sentence of §5–§7 (a line "n.n[.n] …。"),
 * plus the three numbered sections whose body is one requirement with no sub-clauses (6.3 税务服务,
 * 6.7 法律服务, 6.10 产品展示服务). By hand: §5 23 (5.1: 3, 5.2: 2, 5.3: 4, 5.4: 4, 5.5: 4,
 * 5.6.1: 2, 5.6.2: 2, 5.6.3: 2), §6 22, §7 12 → 57. §8 holds 28 verification items.
 */
test.group('Audits: the GB/T 39678-2020 catalogue', () => {
  test('the standard holds 57 numbered requirements in §5–§7 and 28 verification items in §8', ({
    assert,
  }) => {
    const requirements = parseRequirements(standard())
    assert.lengthOf(requirements, 57)
    const perChapter = (c: string) => requirements.filter((r) => r.chapter === c).length
    assert.deepEqual([perChapter('5'), perChapter('6'), perChapter('7')], [23, 22, 12])
    assert.includeMembers(
      requirements.map((r) => r.number),
      ['5.1.1', '5.6.3.2', '6.3', '6.7', '6.10', '7.3.4']
    )
    assert.lengthOf(parseVerifications(standard()), 28)
  })

  test('the committed catalogue has every requirement of the standard, none missing or extra', ({
    assert,
  }) => {
    const data = catalogue()
    const fromText = parseRequirements(standard())
    assert.lengthOf(data.clauses, 57)
    assert.deepEqual(
      data.clauses.map((c) => c.number),
      fromText.map((r) => r.number)
    )
    for (const [i, clause] of data.clauses.entries()) {
      assert.equal(clause.textZh, fromText[i].textZh)
      assert.isAbove(clause.titleEn.length, 5, clause.number)
      assert.isAbove(clause.methods.length, 0, `${clause.number} has a §8 method`)
    }
    const verifiedBy = new Set(data.clauses.flatMap((c) => c.methods.map((m) => m.verifiedBy)))
    assert.equal(verifiedBy.size, 28)
  })

  test('shall (应) and should (宜) are told apart, not fooled by 应急, 相应 or 适应', ({
    assert,
  }) => {
    const byNumber = new Map(catalogue().clauses.map((c) => [c.number, c]))
    assert.equal(byNumber.get('5.3.3')!.obligation, 'should')
    assert.equal(byNumber.get('5.4.3')!.obligation, 'should')
    assert.equal(byNumber.get('5.5.1')!.obligation, 'shall')
    assert.equal(byNumber.get('5.6.3.1')!.obligation, 'shall')
    assert.equal(byNumber.get('6.5.4')!.obligation, 'should')
    assert.equal(obligationOf('宜提供相应的办公场地'), 'should')
    assert.equal(obligationOf('设立应急预案'), null)
    const counts = { shall: 0, should: 0 }
    for (const c of catalogue().clauses) counts[c.obligation]++
    // By hand: 宜 in 5.3.3, 5.4.2–5.4.4, 5.5.2, 5.5.3, 5.6.3.2, 6.1.1, 6.1.2, 6.2.1, 6.3, 6.4.1–6.4.3,
    // 6.5.1, 6.5.3, 6.5.4, 6.6.1–6.6.3, 6.7, 6.10, 7.2.2 (23); the other 34 say 应.
    assert.deepEqual(counts, { shall: 34, should: 23 })
  })

  test('§8 methods land on the clauses they verify', ({ assert }) => {
    const byNumber = new Map(catalogue().clauses.map((c) => [c.number, c]))
    const methods = (n: string) =>
      byNumber.get(n)!.methods.map((m) => `${m.method}@${m.verifiedBy}`)
    assert.deepEqual(methods('5.1.2'), ['records@8.1.1'])
    assert.deepEqual(methods('5.2.1'), ['assessment@8.1.2'])
    assert.deepEqual(methods('6.1.1'), ['onsite@8.2.1.1', 'confirmation@8.2.1.1'])
    assert.deepEqual(methods('6.5.4'), ['process@8.2.5.3'])
    assert.deepEqual(methods('7.1.3'), ['records@8.3.1.1', 'onsite@8.3.1.2'])
    assert.deepEqual(methods('7.3.4'), ['records@8.3.3'])
  })
})

test.group('Audits: importing a framework', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the committed JSON imports with its clauses and methods', async ({ assert }) => {
    const result = await new FrameworkService().importFile(app.makePath(GBT39678_FILE))
    assert.equal(result.clauses, 57)
    assert.equal(result.methods, 69)
    const rows = await db.from('audit_clauses').where('framework_id', result.framework.id)
    assert.lengthOf(rows, 57)
    assert.deepEqual(
      rows.slice(0, 2).map((r) => r.position),
      [0, 1]
    )
  })

  test('a file with problems is refused whole, every problem listed and translated', async ({
    assert,
  }) => {
    const data = catalogue()
    data.code = 'PARK-RULES-1'
    data.clauses[1].titleEn = ''
    data.clauses[2].methods = [{ method: 'telepathy' as any, verifiedBy: '8.1.1' }]
    data.clauses[3].number = data.clauses[0].number
    try {
      await new FrameworkService().import(data)
      assert.fail('imported')
    } catch (error) {
      assert.instanceOf(error, FrameworkInvalidException)
      const problems = (error as FrameworkInvalidException).problems
      assert.deepEqual(
        problems.map((p) => p.key),
        ['audits.import.required', 'audits.import.bad_method', 'audits.import.duplicate']
      )
      const en = i18nManager.locale('en')
      assert.equal(
        en.t('audits.import.bad_method', problems[1].params),
        'must be one of: records, onsite, confirmation, process, assessment.'
      )
    }
    assert.isNull(await AuditFramework.findBy('code', 'PARK-RULES-1'))
  })

  test('an Excel workbook of the same shape imports', async ({ assert }) => {
    const { default: excel } = await import('exceljs')
    const book = new excel.Workbook()
    const meta = book.addWorksheet('framework')
    meta.addRows([
      ['code', 'SZDB/Z 304.1-2018'],
      ['title', '跨境电子商务试点单一窗口服务'],
      ['version', '2018'],
    ])
    const sheet = book.addWorksheet('clauses')
    sheet.addRows([
      ['number', 'chapter', 'textZh', 'titleEn', 'obligation', 'parent', 'methods'],
      [
        '6.9.3',
        '6',
        '应提供在线投诉并给出受理编号。',
        'Online complaints with an acceptance number',
        'shall',
        '',
        'records:8.1; process:8.2',
      ],
      [
        '6.9.3.1',
        '6',
        '宜提供投诉结果查询。',
        'Complaint result lookup',
        'should',
        '6.9.3',
        'onsite:8.3',
      ],
    ])
    const dir = await mkdtemp(join(tmpdir(), 'pg-fw-'))
    const file = join(dir, 'szdb.xlsx')
    await book.xlsx.writeFile(file)
    const result = await new FrameworkService().importFile(file)
    assert.equal(result.clauses, 2)
    assert.equal(result.methods, 3)
    const child = await db.from('audit_clauses').where('number', '6.9.3.1').firstOrFail()
    const parent = await db.from('audit_clauses').where('number', '6.9.3').firstOrFail()
    assert.equal(child.parent_id, parent.id)
    assert.equal(child.obligation, 'should')
  })

  test('a code that exists is refused unless replaced, and never when an audit uses it', async ({
    assert,
  }) => {
    const service = new FrameworkService()
    await service.importFile(app.makePath(GBT39678_FILE))
    await assert.rejects(
      () => service.importFile(app.makePath(GBT39678_FILE)),
      'audits.import.invalid'
    )
    const replaced = await service.importFile(app.makePath(GBT39678_FILE), { replace: true })
    assert.equal(replaced.clauses, 57)
    const world = await makeWorld()
    await new AuditService().create(
      {
        frameworkId: replaced.framework.id,
        title: 'x',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        evaluatorIds: [],
      },
      world.operator
    )
    try {
      await service.importFile(app.makePath(GBT39678_FILE), { replace: true })
      assert.fail('replaced')
    } catch (error) {
      assert.equal((error as FrameworkInvalidException).problems[0].key, 'audits.import.in_use')
    }
  })

  test('a file that is not JSON is refused clearly', async ({ assert }) => {
    const dir = await mkdtemp(join(tmpdir(), 'pg-fw-'))
    const file = join(dir, 'broken.json')
    await writeFile(file, '{ not json')
    try {
      await new FrameworkService().importFile(file)
      assert.fail('imported')
    } catch (error) {
      assert.equal((error as FrameworkInvalidException).problems[0].key, 'audits.import.bad_json')
    }
  })
})

test.group('Audits: translations', () => {
  test('the audits and evidence namespaces have the same keys in zh-CN and en', ({ assert }) => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix.slice(0, -1)]
    for (const ns of ['audits', 'evidence']) {
      const zh = JSON.parse(readFileSync(app.makePath(`resources/lang/zh-CN/${ns}.json`), 'utf8'))
      const en = JSON.parse(readFileSync(app.makePath(`resources/lang/en/${ns}.json`), 'utf8'))
      assert.deepEqual(keys(zh).sort(), keys(en).sort(), ns)
    }
    assert.equal(
      i18nManager.locale('zh-CN').t('audits.errors.locked'),
      '本次评价已签发并锁定，其中内容不能再修改。'
    )
  })
})
