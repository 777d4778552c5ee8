import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions live in an encrypted cookie by default: web processes stay stateless and a request
 * costs no session queries. Disabling a user ends their sessions whatever the store, because
 * every request re-reads the user (SilentAuthMiddleware); with SESSION_DRIVER=database the
 * sessions are also tagged by user and destroyed outright.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'parkgate-session',
  clearWithBrowser: false,
  age: '8h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction && (env.get('APP_URL') ?? '').startsWith('https'),
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER', 'cookie'),
  stores: {
    database: stores.database({ tableName: 'sessions' }),
    cookie: stores.cookie(),
  },
})

export default sessionConfig
