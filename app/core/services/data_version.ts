import db from '@adonisjs/lucid/services/db'

/**
 * A token that changes whenever the database's rows may have changed, so figures computed from
 * many rows (the park statistics) can be memoised against it and never served stale. SQLite only:
 * total_changes() counts every row this connection inserted, updated or deleted (a rolled-back
 * change too), PRAGMA data_version moves whenever another connection — another process, a queue
 * worker — commits, and connection_token() (registered in config/database.ts) names the
 * connection both counters belong to. Schema changes on the same connection are not counted;
 * migrations run in their own process.
 *
 * Null, meaning "compute afresh", on MySQL, where no counter is both cheap and transactional, and
 * inside a transaction, where a later rollback could take back what the figures were computed on.
 */
export async function dataVersion(): Promise<string | null> {
  const client = db.connection()
  if (client.isTransaction || client.dialect.name !== 'better-sqlite3') return null
  try {
    const [row] = await client.rawQuery(
      'SELECT connection_token() AS token, total_changes() AS changes, data_version AS version FROM pragma_data_version()'
    )
    return `${row.token}:${row.changes}:${row.version}`
  } catch {
    return null
  }
}
