import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import TrackingService, { type TrackingEventInput } from '#single_window/tracking/tracking_service'
import ApiTokenService, { hashToken } from '#single_window/tracking/api_token_service'
import DomainException from '#core/exceptions/domain_exception'
import { makeTenant } from '#tests/helpers/world'
import { declareWaybill } from '#tests/helpers/sw_io'

const scan = (
  eventId: string,
  stage: TrackingEventInput['stage'],
  minutes: number
): TrackingEventInput => ({
  eventId,
  logisticsNo: 'SF1234567890',
  stage,
  action: `扫描 ${stage}`,
  occurredAt: DateTime.fromISO('2026-12-01T08:00:00Z').plus({ minutes }),
  place: '前海保税仓 A 区',
})

test.group('Tracking', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('scanner events are stored once per event id: a repeat changes nothing', async ({
    assert,
  }) => {
    const tenant = await makeTenant('Scan Co')
    const service = new TrackingService()
    const first = await service.recordScanned(tenant.id, [
      scan('e1', 'entered_zone', 0),
      scan('e2', 'tallied', 30),
    ])
    assert.deepEqual(first, { created: ['e1', 'e2'], duplicates: [] })
    const again = await service.recordScanned(tenant.id, [
      scan('e2', 'tallied', 30),
      scan('e3', 'left_zone', 90),
    ])
    assert.deepEqual(again, { created: ['e3'], duplicates: ['e2'] })
    const rows = await db.from('sw_tracking_events').where('tenant_id', tenant.id)
    assert.lengthOf(rows, 3)
  })

  test('the public timeline shows stage, action, time and place only, oldest first', async ({
    assert,
  }) => {
    const tenant = await makeTenant('Timeline Co')
    await declareWaybill(tenant.id, 'SF1234567890')
    await new TrackingService().recordScanned(tenant.id, [
      scan('b', 'left_zone', 60),
      scan('a', 'entered_zone', 0),
    ])
    // A tenant that is no party of the waybill posts for its number: not on the public timeline.
    const stranger = await makeTenant('Stranger Co')
    await new TrackingService().recordScanned(stranger.id, [scan('x', 'delivered', 90)])
    const timeline = await TrackingService.timeline(' SF1234567890 ')
    assert.deepEqual(
      timeline.map((e) => e.stage),
      ['entered_zone', 'left_zone']
    )
    assert.deepEqual(Object.keys(timeline[0]).sort(), ['action', 'occurredAt', 'place', 'stage'])
    assert.equal(timeline[0].place, '前海保税仓 A 区')
    assert.deepEqual(await TrackingService.timeline('NOPE'), [])
  })

  test('the same event id of two tenants are two events; each tenant sees only its own', async ({
    assert,
  }) => {
    const a = await makeTenant('Tenant A')
    const b = await makeTenant('Tenant B')
    const service = new TrackingService()
    await service.recordScanned(a.id, [scan('same', 'entered_zone', 0)])
    const result = await service.recordScanned(b.id, [scan('same', 'tallied', 10)])
    assert.deepEqual(result.created, ['same'])
    const ofA = await TrackingService.forTenant(a.id, 'SF1234567890')
    assert.deepEqual(
      ofA.map((e) => e.stage),
      ['entered_zone']
    )
  })

  test('bad input is refused with a translated reason and nothing is stored: {name}')
    .with([
      {
        name: 'unknown stage',
        event: { ...scan('x', 'tallied', 0), stage: 'teleported' as any },
        key: 'stage',
      },
      { name: 'no event id', event: { ...scan('', 'tallied', 0) }, key: 'required' },
      { name: 'no action', event: { ...scan('y', 'tallied', 0), action: ' ' }, key: 'required' },
      {
        name: 'far future',
        event: { ...scan('z', 'tallied', 0), occurredAt: DateTime.utc().plus({ days: 3 }) },
        key: 'future',
      },
      {
        name: 'long waybill',
        event: { ...scan('w', 'tallied', 0), logisticsNo: 'X'.repeat(61) },
        key: 'too_long',
      },
    ])
    .run(async ({ assert }, row) => {
      const tenant = await makeTenant('Bad Input Co')
      try {
        await new TrackingService().recordScanned(tenant.id, [
          scan('ok', 'entered_zone', 0),
          row.event,
        ])
        assert.fail('accepted')
      } catch (error) {
        assert.instanceOf(error, DomainException)
        assert.equal((error as DomainException).message, `tracking.errors.${row.key}`)
      }
      assert.lengthOf(await db.from('sw_tracking_events').where('tenant_id', tenant.id), 0)
    })

  test('API tokens: shown once, stored hashed, verified, revoked only by their tenant', async ({
    assert,
  }) => {
    const a = await makeTenant('Token A')
    const b = await makeTenant('Token B')
    const tokens = new ApiTokenService()
    const { token, record } = await tokens.create(a.id, '仓库扫描枪 1')
    assert.match(token, /^pgt_[\w-]{43}$/)
    const stored = await db.from('sw_api_tokens').where('id', record.id).first()
    assert.equal(stored.token_hash, hashToken(token))
    assert.notInclude(JSON.stringify(stored), token)
    const verified = await tokens.verify(token)
    assert.equal(verified?.tenantId, a.id)
    assert.isNotNull(verified?.lastUsedAt)
    assert.isNull(await tokens.verify(`${token}x`))
    assert.isNull(await tokens.verify('Bearer nonsense'))
    await assert.rejects(() => tokens.revoke(b.id, record.id))
    assert.isNotNull(await tokens.verify(token))
    await tokens.revoke(a.id, record.id)
    assert.isNull(await tokens.verify(token))
    const audit = await db
      .from('audit_logs')
      .where('subject_type', 'sw_api_token')
      .where('subject_id', String(record.id))
    assert.lengthOf(audit, 2)
  })
})
