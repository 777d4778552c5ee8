/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Every variable ParkGate reads is validated here; README.md lists them.
| The embedded defaults (SQLite, inline queue, local disk) need none but
| APP_KEY, which `npm run demo` writes to .env on first run.
|
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string.optional({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),

  /* Sessions: database (default, shared by all web processes), cookie or memory */
  SESSION_DRIVER: Env.schema.enum.optional(['database', 'cookie', 'memory'] as const),

  /* Database: sqlite (embedded default) or mysql */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  MYSQL_HOST: Env.schema.string.optional({ format: 'host' }),
  MYSQL_PORT: Env.schema.number.optional(),
  MYSQL_USER: Env.schema.string.optional(),
  MYSQL_PASSWORD: Env.schema.string.optional(),
  MYSQL_DATABASE: Env.schema.string.optional(),

  /* Queue: inline (embedded default) or bullmq */
  QUEUE_DRIVER: Env.schema.enum.optional(['inline', 'bullmq'] as const),
  QUEUE_PREFIX: Env.schema.string.optional(),
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),

  /* Files: fs (local disk, default) or s3 */
  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  DRIVE_ROOT: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),
  UPLOAD_MAX_MB: Env.schema.number.optional(),

  /* Login throttling store: database (default) or memory */
  LIMITER_STORE: Env.schema.enum.optional(['database', 'memory'] as const),
  /* Public complaint lookups per address in 10 minutes (20 by default; the benchmark raises it) */
  COMPLAINT_LOOKUP_LIMIT: Env.schema.number.optional(),
  /* Seconds an evidence provider's figures are reused by the audit heatmap (60 by default; 0 = never) */
  AUDIT_EVIDENCE_TTL: Env.schema.number.optional(),

  /* Working hours used by the working-day calendar, Asia/Shanghai */
  OFFICE_HOURS: Env.schema.string.optional(),

  /* Seeder profile: demo (default) or large (benchmarks) */
  SEED_PROFILE: Env.schema.enum.optional(['demo', 'large'] as const),
})
