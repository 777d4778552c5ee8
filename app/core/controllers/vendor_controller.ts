import type { HttpContext } from '@adonisjs/core/http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// chart.js's exports map hides dist/; find the package by its main entry and take the UMD build beside it.
const chartJsPath = join(
  dirname(createRequire(import.meta.url).resolve('chart.js')),
  'chart.umd.min.js'
)

/** Serves the installed chart.js build, so there is no copy of it to keep in step. */
export default class VendorController {
  async chartJs({ response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=604800')
    return response.download(chartJsPath)
  }
}
