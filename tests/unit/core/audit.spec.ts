import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditService from '#core/services/audit_service'
import AuditLog from '#core/models/audit_log'
import Department from '#core/models/department'

test.group('Audit trail', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('entries chain: each row carries the previous hash; verify says intact', async ({
    assert,
  }) => {
    const audit = new AuditService()
    await db.transaction(async (trx) => {
      await audit.record(trx, {
        action: 'test.one',
        subjectType: 'thing',
        subjectId: 1,
        after: { a: 1 },
        actor: null,
      })
      await audit.record(trx, {
        action: 'test.two',
        subjectType: 'thing',
        subjectId: 1,
        before: { a: 1 },
        after: { a: 2, password: 'x' },
        actor: null,
      })
    })
    const rows = await db.from('audit_logs').orderBy('id')
    assert.equal(rows[1].prev_hash, rows[0].hash)
    assert.notInclude(rows[1].after_values, 'password', 'secrets never reach the trail')
    assert.deepEqual(await audit.verify(), { intact: true, checked: rows.length })
  })

  test('a rewritten row or a removed row breaks the chain at that row', async ({ assert }) => {
    const audit = new AuditService()
    await db.transaction(async (trx) => {
      for (let i = 0; i < 4; i++)
        await audit.record(trx, {
          action: 'test.step',
          subjectType: 'thing',
          subjectId: i,
          after: { i },
          actor: null,
        })
    })
    const rows = await db.from('audit_logs').orderBy('id')
    const edited = rows.map((r) => ({ ...r }))
    edited[2].after_values = JSON.stringify({ i: 99 })
    assert.deepInclude(AuditService.checkRows(edited), {
      intact: false,
      brokenAt: Number(rows[2].id),
      reason: 'hash_mismatch',
    })
    const removed = rows.filter((_, i) => i !== 1)
    assert.deepInclude(AuditService.checkRows(removed), {
      intact: false,
      brokenAt: Number(rows[2].id),
      reason: 'link_mismatch',
    })
  })

  test('the table is append-only: the database refuses UPDATE and DELETE', async ({ assert }) => {
    const audit = new AuditService()
    await db.transaction((trx) =>
      audit.record(trx, { action: 'test.lock', subjectType: 'thing', actor: null })
    )
    await assert.rejects(() => db.from('audit_logs').update({ action: 'forged' }), /append-only/)
    await assert.rejects(() => db.from('audit_logs').delete(), /append-only/)
  })

  test('saveChanges and deleteRecord keep the record and its trail in step', async ({ assert }) => {
    const audit = new AuditService()
    const department = await Department.create({
      name: '测试部',
      responsibilities: '测试',
      sortOrder: 1,
    })
    await audit.saveChanges(
      department,
      'department.updated',
      'department',
      (d) => (d.name = '新名称'),
      { actor: null }
    )
    const entry = await AuditLog.query().where('action', 'department.updated').firstOrFail()
    assert.equal(entry.before.name, '测试部')
    assert.equal(entry.after.name, '新名称')
    await audit.deleteRecord(department, 'department.deleted', 'department', { actor: null })
    assert.isNull(await Department.find(department.id))
    assert.equal(
      (await AuditLog.query().where('action', 'department.deleted').firstOrFail()).before.name,
      '新名称'
    )
  })
})
