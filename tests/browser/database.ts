import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'

/**
 * Browser tests talk to the real HTTP server, so they commit their data and have to clean up.
 *
 * `testUtils.db().truncate()` cannot do it here: `audit_logs` is append-only (a trigger aborts
 * every DELETE, so `db:truncate` fails), and emptying `audit_chain_heads` would remove the chain
 * head row that every audit append locks. So every table is emptied except the migration
 * bookkeeping and the audit trail (which only grows, as in production), before and after each
 * test (the runner has migrated the database already, see tests/bootstrap.ts). The login throttle lives in memory during tests; it is reset too, so that a
 * pair blocked by an earlier suite cannot fail a browser login.
 */
const KEEP = ['adonis_schema', 'adonis_schema_versions', 'audit_logs', 'audit_chain_heads']

export async function emptyAppTables() {
  await db.connection().dialect.truncateAllTables(KEEP)
  await limiter.clear(['memory'])
}

/** For `group.each.setup(cleanDatabase)`. */
export async function cleanDatabase() {
  await emptyAppTables()
  return () => emptyAppTables()
}
