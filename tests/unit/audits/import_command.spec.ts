import { test } from '@japa/runner'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ace from '@adonisjs/core/services/ace'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { GBT39678_FILE } from '#database/seed_data/audits_demo'

test.group('Audits: audit:import-framework', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('imports the committed catalogue and says what it imported', async ({ assert }) => {
    ace.ui.switchMode('raw')
    try {
      const command = await ace.exec('audit:import-framework', [
        app.makePath(GBT39678_FILE),
        '--locale=en',
      ])
      command.assertSucceeded()
      assert.match(
        command.logger.getLogs()[0].message,
        /Imported GB\/T 39678-2020: 57 clauses, 69 verification methods/
      )
    } finally {
      ace.ui.switchMode('normal')
    }
    assert.equal(Number((await db.from('audit_clauses').count('* as n').first()).n), 57)
  })

  test('lists every problem of a bad file, in Chinese by default, and imports nothing', async ({
    assert,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'pg-fw-'))
    const file = join(dir, 'rules.json')
    await writeFile(
      file,
      JSON.stringify({
        code: 'PARK-1',
        title: '园区自定规则',
        version: '1',
        clauses: [
          {
            number: '1.1',
            textZh: '应公示收费标准。',
            titleEn: 'Fees published',
            obligation: 'must',
            methods: [],
          },
        ],
      })
    )
    ace.ui.switchMode('raw')
    try {
      const command = await ace.exec('audit:import-framework', [file])
      command.assertFailed()
      const messages = command.logger.getLogs().map((l) => l.message)
      assert.match(messages[0], /条款目录文件有 2 处问题，未导入任何内容。/)
      assert.match(
        messages[1],
        /clauses\[0\] \(1\.1\)\.obligation 必须是 shall（应）或 should（宜）。/
      )
      assert.match(messages[2], /clauses\[0\] \(1\.1\)\.methods 至少需要一种证实方法。/)
    } finally {
      ace.ui.switchMode('normal')
    }
    assert.lengthOf(await db.from('audit_frameworks'), 0)
  })
})
