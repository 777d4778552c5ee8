import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Notification from '#core/models/notification'
import NotificationService from '#core/services/notification_service'
import { makeWorld } from '#tests/helpers/world'

const notice = (dedupeKey?: string) => ({
  kind: 'lease.expiring',
  messageKey: 'notifications.lease_expiring',
  data: {
    number: 'LS20261123-0001',
    endDate: '2026-12-31',
    days: 30,
    tenant: 'Alpha',
    units: 'A-101',
  },
  url: '/park/leases/1',
  dedupeKey,
})

test.group('Notifications', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant notice reaches every active user of that tenant only, once per dedupe key', async ({
    assert,
  }) => {
    const world = await makeWorld()
    await db.transaction(async (trx) => {
      await new NotificationService().notifyTenant(trx, world.tenantA.id, notice('k1'))
      await new NotificationService().notifyTenant(trx, world.tenantA.id, notice('k1'))
      await new NotificationService().notifyOperators(trx, notice('k1'))
    })
    const byUser = async (userId: number) => Notification.query().where('user_id', userId)
    assert.lengthOf(await byUser(world.adminA.id), 1)
    assert.lengthOf(await byUser(world.memberA.id), 1)
    assert.lengthOf(await byUser(world.adminB.id), 0)
    assert.lengthOf(await byUser(world.operator.id), 1)
    assert.lengthOf(await byUser(world.staff.id), 1)
    assert.lengthOf(await byUser(world.evaluator.id), 0)
    assert.equal((await byUser(world.adminA.id))[0].tenantId, world.tenantA.id)
  })

  test('the list shows the reader’s own notices, translated; opening one marks it read and follows it', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await db.transaction((trx) =>
      new NotificationService().notifyUsers(trx, [world.adminA.id], notice())
    )
    const mine = await Notification.findByOrFail('user_id', world.adminA.id)

    const page = await client.get('/notifications').loginAs(world.adminA)
    page.assertStatus(200)
    page.assertTextIncludes('租赁合同 LS20261123-0001 将于 2026-12-31 到期（剩余 30 天）')
    page.assertTextIncludes('通知（1 条未读）')

    const other = await client.get('/notifications').loginAs(world.adminB)
    assert.notInclude(other.text(), 'LS20261123-0001')
    const stolen = await client
      .post(`/notifications/${mine.id}/open`)
      .loginAs(world.adminB)
      .withCsrfToken()
      .redirects(0)
    stolen.assertStatus(404)
    assert.isNull((await Notification.findOrFail(mine.id)).readAt)

    const opened = await client
      .post(`/notifications/${mine.id}/open`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    opened.assertStatus(302)
    opened.assertHeader('location', '/park/leases/1')
    assert.isNotNull((await Notification.findOrFail(mine.id)).readAt)
  })

  test('mark all read only touches the reader’s notices; a foreign link never leaves the app', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    await db.transaction(async (trx) => {
      const service = new NotificationService()
      await service.notifyUsers(trx, [world.adminA.id, world.adminB.id], notice())
      await service.notifyUsers(trx, [world.adminA.id], { ...notice(), url: '//evil.example/x' })
    })
    await client.post('/notifications/read').loginAs(world.adminA).withCsrfToken().redirects(0)
    assert.equal(await NotificationService.unreadCount(world.adminA.id), 0)
    assert.equal(await NotificationService.unreadCount(world.adminB.id), 1)
    const evil = await Notification.query()
      .where({ user_id: world.adminA.id, url: '//evil.example/x' })
      .firstOrFail()
    const response = await client
      .post(`/notifications/${evil.id}/open`)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/notifications')
  })
})
