import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import DomainException from '#core/exceptions/domain_exception'
import { UNIT_COLUMNS } from '#park/onboarding'
import { columnLetter, plainValue, readImportSheet } from '#park/services/onboarding_reader'

async function saved(content: Buffer) {
  const path = join(await mkdtemp(join(tmpdir(), 'pg-import-')), 'upload.xlsx')
  await writeFile(path, content)
  return path
}

const label = (c: { key: string }) => c.key

test.group('Onboarding: reading an import workbook', () => {
  test('column letters and cell values as Excel gives them', ({ assert }) => {
    assert.deepEqual([1, 26, 27, 52, 703].map(columnLetter), ['A', 'Z', 'AA', 'AZ', 'AAA'])
    assert.equal(plainValue({ richText: [{ text: 'A-' }, { text: '301' }] }), 'A-301')
    assert.equal(
      plainValue({ text: 'ops@example.com', hyperlink: 'mailto:ops@example.com' }),
      'ops@example.com'
    )
    assert.equal(plainValue({ formula: '100+20.5', result: 120.5 }), 120.5)
    assert.isNull(plainValue('   '))
    assert.isNull(plainValue(undefined))
    assert.equal(plainValue('  B-1 '), 'B-1')
  })

  test('finds the data sheet by its key row, skips blank rows, keeps Excel row numbers', async ({
    assert,
  }) => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('说明').addRow(['请从第 3 行起填写'])
    const sheet = book.addWorksheet('单元')
    sheet.addRow(['楼栋', '备注', '楼层', '单元编号', '单元类型', '面积', '状态'])
    // An extra column the import does not know is ignored.
    sheet.addRow(['building', 'remark', 'floor', 'number', 'unitType', 'area', 'status'])
    sheet.addRow(['A', 'x', 3, 'A-301', 'office', { formula: '100+20.5', result: 120.5 }, 'vacant'])
    sheet.addRow([])
    sheet.addRow([null, 'only a remark', null, null, null, null, null])
    sheet.addRow([
      'B',
      null,
      '2',
      { richText: [{ text: 'B-' }, { text: '201' }] },
      '办公',
      80,
      '空置',
    ])
    const read = await readImportSheet(
      await saved(Buffer.from(await book.xlsx.writeBuffer())),
      UNIT_COLUMNS,
      label
    )
    assert.deepEqual(read.letters, {
      building: 'A',
      floor: 'C',
      number: 'D',
      unitType: 'E',
      area: 'F',
      status: 'G',
    })
    assert.deepEqual(
      read.rows.map((r) => [r.number, r.cells]),
      [
        [
          3,
          {
            building: 'A',
            floor: 3,
            number: 'A-301',
            unitType: 'office',
            area: 120.5,
            status: 'vacant',
          },
        ],
        [
          6,
          {
            building: 'B',
            floor: '2',
            number: 'B-201',
            unitType: '办公',
            area: 80,
            status: '空置',
          },
        ],
      ]
    )
  })

  test('garbage and zips that are not workbooks are "not xlsx"', async ({ assert }) => {
    for (const bytes of [Buffer.from('PK\u0003\u0004 broken zip'), Buffer.from('hello')]) {
      try {
        await readImportSheet(await saved(bytes), UNIT_COLUMNS, label)
        assert.fail('expected a refusal')
      } catch (error) {
        assert.instanceOf(error, DomainException)
        assert.equal((error as DomainException).message, 'imports.not_xlsx')
      }
    }
  })
})
