import { existsSync } from 'node:fs'
import { assert } from '@japa/assert'
import { apiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { chromium } from 'playwright'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM_PATH)

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  ...(hasChromium
    ? [
        browserClient({
          runInSuites: ['browser'],
          launcher: (config) =>
            chromium.launch({
              ...config,
              executablePath: CHROMIUM_PATH,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--no-first-run',
              ],
            }),
        }),
        sessionBrowserClient(app),
        authBrowserClient(app),
      ]
    : []),
]

/**
 * The session plugin's `assertValidationErrors` reads the v6 `errors` flash key; v7 flashes
 * field errors under `inputErrorsBag`, which is what our forms show.
 */
ApiResponse.macro(
  'assertFieldErrors',
  function (this: ApiResponse, field: string, messages: string[]) {
    this.assert!.deepEqual(this.flashMessage('inputErrorsBag')?.[field] || [], messages)
  }
)

/** Excel downloads arrive as bytes, so tests can open them with exceljs. */
ApiRequest.addParser(
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  (res, callback) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => callback(null, Buffer.concat(chunks)))
  }
)

/**
 * Each run starts from an empty database: drop everything, migrate. Groups then roll back a
 * global transaction (unit/functional) or empty the tables (browser, tests/browser/database.ts).
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      await db.connection().dialect.dropAllTables()
      await testUtils.db().migrate()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'browser' && !hasChromium) {
    suite.onGroup((group) =>
      group.each.setup(($test) => void $test.skip(true, 'Chromium is not installed'))
    )
  }
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}

if (!hasChromium) {
  console.warn(
    `Chromium not found at ${CHROMIUM_PATH}: the browser suite needs it (apt-get install chromium).`
  )
}

declare module '@japa/api-client' {
  interface ApiResponse {
    assertFieldErrors(field: string, messages: string[]): void
  }
}
