/*
|--------------------------------------------------------------------------
| Health checks for GET /health
|--------------------------------------------------------------------------
*/
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseCheck, DiskSpaceCheck, HealthChecks, Result } from '@adonisjs/core/health'
import { QueueManager } from '#core/queue/queue_manager'

/** Answers whether the configured database takes a query. */
class DatabaseCheck extends BaseCheck {
  name = 'Database'
  async run() {
    try {
      await db.rawQuery('SELECT 1')
      return Result.ok(`${db.primaryConnectionName} answers`)
    } catch (error) {
      return Result.failed(`${db.primaryConnectionName} does not answer`, error as Error)
    }
  }
}

/** Answers whether the queue backend (Redis for BullMQ) is reachable. */
class QueueCheck extends BaseCheck {
  name = 'Queue'
  async run() {
    const queue = await app.container.make(QueueManager)
    return (await queue.ping())
      ? Result.ok(`${queue.driver.name} queue is reachable`)
      : Result.failed(`${queue.driver.name} queue is not reachable`)
  }
}

export const healthChecks = new HealthChecks().register([
  new DatabaseCheck(),
  new QueueCheck(),
  new DiskSpaceCheck().warnWhenExceeds(80).failWhenExceeds(95).cacheFor('1m'),
])
