import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

/** GET /health: database, queue and disk, as JSON; 503 when any is unhealthy. */
export default class HealthController {
  async show({ response }: HttpContext) {
    const report = await healthChecks.run()
    return response.status(report.isHealthy ? 200 : 503).send(report)
  }
}
