import { test } from '@japa/runner'
import sinon from 'sinon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '#core/queue/queue_manager'
import { BullMQDriver } from '#core/queue/bullmq_driver'
import { runWithRetries } from '#core/queue/runner'
import { Job } from '#core/queue/job'
import AuditChainCheckJob from '#core/jobs/audit_chain_check_job'
import JobRunService from '#core/services/job_run_service'

class FlakyJob extends Job {
  static jobName = 'test.flaky'
  static attempts = 3
  static backoffMs = 1000
  static calls = 0
  async handle() {
    FlakyJob.calls++
    if (FlakyJob.calls < 3) throw new Error('not yet')
  }
}

test.group('Queue', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a failing job is retried with exponential backoff until it succeeds', async ({
    assert,
  }) => {
    FlakyJob.calls = 0
    const waits: number[] = []
    const ok = await runWithRetries(
      FlakyJob,
      {},
      () => {},
      async (ms) => void waits.push(ms)
    )
    assert.isTrue(ok)
    assert.equal(FlakyJob.calls, 3)
    assert.deepEqual(waits, [1000, 2000])
  })

  test('jobs run through the configured driver, and a second delivery does nothing', async ({
    assert,
  }) => {
    const queue = await app.container.make(QueueManager)
    const worker = queue.driver instanceof BullMQDriver ? queue.driver.work(queue.jobs, 2) : null
    try {
      const payload = { scheduledFor: '2026-11-23T18:00:00.000Z' }
      await queue.dispatch(AuditChainCheckJob, payload)
      await queue.dispatch(AuditChainCheckJob, payload)
      await queue.drain()
      const runs = await db.from('job_runs').where('idempotency_key', 'audit-chain:2026-11-24')
      assert.lengthOf(runs, 1, 'the side effect happened once')
      assert.equal(runs[0].status, 'done')
      assert.deepInclude(JSON.parse(runs[0].result), { intact: true })
      assert.isNotNull(await JobRunService.latest(AuditChainCheckJob.jobName))
    } finally {
      await worker?.close()
    }
  })

  test('an unregistered job is refused at dispatch', async ({ assert }) => {
    const queue = await app.container.make(QueueManager)
    assert.throws(() => queue.dispatch(FlakyJob, {}), /not registered/)
  })

  test('the inline driver runs its schedules on a timer', async ({ assert }) => {
    const clock = sinon.useFakeTimers({
      now: new Date('2026-11-23T17:59:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    })
    const { InlineDriver } = await import('#core/queue/inline_driver')
    const logger = await app.container.make('logger')
    const driver = new InlineDriver(logger)
    const dispatched: unknown[] = []
    driver.dispatch = async (_job, payload) => void dispatched.push(payload)
    try {
      await driver.startSchedules([{ id: 'x', job: AuditChainCheckJob, pattern: '0 2 * * *' }])
      await clock.tickAsync(60 * 1000)
      assert.deepEqual(dispatched, [{ scheduledFor: '2026-11-23T18:00:00.000Z' }])
    } finally {
      clock.restore()
      await driver.close()
    }
  })
})
