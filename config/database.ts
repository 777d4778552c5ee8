import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

/**
 * Two deployments, one code base: SQLite (embedded default) or MySQL/MariaDB (production),
 * chosen by DB_CONNECTION only.
 */
const migrations = { naturalSort: true, paths: ['database/migrations'] }

const sqlitePath = env.get('SQLITE_PATH') ?? app.tmpPath(app.inTest ? 'test.sqlite3' : 'db.sqlite3')
// better-sqlite3 creates the file but not its folder (a fresh clone has no tmp/).
mkdirSync(dirname(sqlitePath), { recursive: true })

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: sqlitePath,
      },
      useNullAsDefault: true,
      migrations,
      schemaGeneration: {
        enabled: true,
        outputPath: 'database/schema.ts',
        rulesPaths: ['#database/schema_rules'],
      },
      pool: {
        // WAL lets readers run beside the writer; busy_timeout makes concurrent writers wait, not fail.
        afterCreate: (conn: any, done: any) => {
          conn.pragma('journal_mode = WAL')
          conn.pragma('busy_timeout = 5000')
          // With WAL, NORMAL keeps the database consistent on a crash and skips an fsync per commit.
          conn.pragma('synchronous = NORMAL')
          conn.pragma('foreign_keys = ON')
          // 8 MB of page cache instead of 2 MB (the park statistics read most of the lease history:
          // 0.72 s at 8 MB, 0.69 s at 32 MB). Not more: a streamed export (the audit bundle reads
          // every booking and complaint of its period) fills the whole cache and the process keeps
          // it: with 32 MB the 10-year bundle peaked at 264 MB RSS, with 8 MB at 190 MB.
          conn.pragma('cache_size = -8000')
          // Names this connection for #core/services/data_version.
          const token = randomUUID()
          conn.function('connection_token', () => token)
          done()
        },
      },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('MYSQL_HOST', '127.0.0.1'),
        port: env.get('MYSQL_PORT', 3306),
        user: env.get('MYSQL_USER', 'root'),
        password: env.get('MYSQL_PASSWORD', ''),
        database: env.get('MYSQL_DATABASE', 'parkgate'),
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: false,
      },
      migrations,
      schemaGeneration: { enabled: false },
      pool: { min: 0, max: 10 },
    },
  },
})

export default dbConfig
