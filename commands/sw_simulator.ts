import { setTimeout as sleep } from 'node:timers/promises'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Simulator } from '#single_window/simulator/simulator'
import { ExchangeFolders, exchangeRoot } from '#single_window/transport/exchange'

/**
 * The joint-debugging simulator (issue 6): plays the Single Window client and customs on
 * SW_EXCHANGE_DIR. Takes OutBox files, validates them against the 2022-05 XSDs, applies the
 * duplicate check and the three-document match, and writes receipts into InBox as they fall due.
 * Stop with SIGINT/SIGTERM; `--once` plays every chain to its end and exits.
 */
export default class SwSimulatorCommand extends BaseCommand {
  static commandName = 'sw:simulator'
  static description =
    'Play customs on the single-window exchange folders (joint-debugging simulator)'
  static options: CommandOptions = { startApp: false, staysAlive: true }

  @flags.number({
    description: 'Seed of the simulator: same files + same seed = same receipts',
    default: 1,
  })
  declare seed: number

  @flags.number({ description: 'Speed factor: 10 makes every delay ten times shorter', default: 1 })
  declare speed: number

  @flags.boolean({ description: 'One round that writes every receipt at once, then exit' })
  declare once: boolean

  @flags.number({ description: 'Seconds between rounds', default: 2 })
  declare interval: number

  async run() {
    const folders = new ExchangeFolders(exchangeRoot(this.app.makePath()))
    const simulator = new Simulator({
      folders,
      seed: this.seed,
      speed: this.speed,
      appRoot: this.app.makePath(),
    })
    this.logger.info(`simulator on ${folders.root} (seed ${this.seed}, speed ${this.speed})`)
    if (this.once) {
      const result = await simulator.step(Date.now(), { flush: true })
      this.logger.success(
        `took ${result.taken} file(s), wrote ${result.written} receipt(s), ${result.failed} to FailBox`
      )
      return this.terminate()
    }
    let running = true
    const stop = () => {
      running = false
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    while (running) {
      const result = await simulator.step(Date.now())
      if (result.taken || result.written || result.failed) {
        this.logger.info(
          `took ${result.taken}, wrote ${result.written} receipt(s), ${result.scheduled} scheduled, ${result.waiting} waiting for their three documents`
        )
      }
      await sleep(Math.max(0.1, this.interval) * 1000)
    }
    await this.terminate()
  }
}
