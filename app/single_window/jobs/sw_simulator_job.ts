import app from '@adonisjs/core/services/app'
import { Job } from '#core/queue/job'
import { Simulator } from '#single_window/simulator/simulator'
import { ExchangeFolders, exchangeRoot } from '#single_window/transport/exchange'

export interface SimulatorPayload extends Record<string, unknown> {
  scheduledFor?: string
  /** Write every scheduled receipt now (the whole chain in one run). */
  flush?: boolean
  seed?: number
  speed?: number
  /** The simulator's clock, ms since the epoch (tests); defaults to now. */
  now?: number
}

/**
 * One round of the joint-debugging simulator (customs' side) on the exchange folders: usable under
 * the inline driver, in tests and the demo. Scheduled only when SW_SIMULATOR=on (start/jobs.ts):
 * a production deployment talks to the real Single Window client instead.
 */
export default class SwSimulatorJob extends Job<SimulatorPayload> {
  static jobName = 'single_window.simulator'
  static attempts = 1

  async handle(payload: SimulatorPayload) {
    const simulator = new Simulator({
      folders: new ExchangeFolders(exchangeRoot(app.makePath())),
      seed: payload.seed ?? (Number(process.env.SW_SIMULATOR_SEED) || 1),
      speed: payload.speed ?? (Number(process.env.SW_SIMULATOR_SPEED) || 1),
      appRoot: app.makePath(),
    })
    await simulator.step(payload.now ?? Date.now(), { flush: payload.flush === true })
  }
}
