import { test } from '@japa/runner'
import { join } from 'node:path'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import router from '@adonisjs/core/services/router'
import { verifyBundle } from '#audits/outputs/bundle_verifier'
import { makeAuditWorld, readZip, tempDir, writeZip } from '#tests/helpers/audit_outputs'

/** Runs an ace command with its output captured; the logs as plain lines (no "[ error ]" tag). */
async function run(name: string, argv: string[]) {
  ace.ui.switchMode('raw')
  try {
    const command = await ace.exec(name, argv)
    return {
      command,
      lines: command.logger.getLogs().map((l) => l.message.replace(/^\[ [^\]]+ \] /, '')),
    }
  } finally {
    ace.ui.switchMode('normal')
  }
}

test.group('Audit outputs: audit:bundle and audit:verify-bundle', (group) => {
  // The providers link to their records by route name: commit the routes as the server does.
  group.setup(() => router.commit())
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('audit:bundle writes the bundle and reports its figures; it verifies', async ({
    assert,
  }) => {
    const { audit } = await makeAuditWorld()
    const file = join(await tempDir(), 'cli.zip')
    const { command, lines } = await run('audit:bundle', [String(audit.id), `--output=${file}`])
    command.assertSucceeded()
    assert.match(
      lines[0],
      /cli\.zip: \d+ files \(\d+ KB unpacked\), \d+ KB, built in [\d.]+ s \(CPU [\d.]+ s\), peak RSS \d+ MB; manifest SHA-256 [0-9a-f]{64}/
    )
    const verified = await run('audit:verify-bundle', [file])
    verified.command.assertSucceeded()
    assert.match(verified.lines.at(-1)!, /bundle intact: \d+ files match the manifest/)
  })

  test('audit:bundle refuses an unknown audit', async () => {
    const { command } = await run('audit:bundle', ['999999', '--output=/tmp/never.zip'])
    command.assertFailed()
  })

  test('audit:verify-bundle fails on a changed, a removed and an added file, saying which', async ({
    assert,
  }) => {
    const { audit } = await makeAuditWorld()
    const dir = await tempDir()
    const good = join(dir, 'good.zip')
    ;(await run('audit:bundle', [String(audit.id), `--output=${good}`])).command.assertSucceeded()
    const entries = await readZip(good)
    const csv = entries.find((e) => e.name.endsWith('observations.csv'))!

    const changed = await writeZip(
      join(dir, 'changed.zip'),
      entries.map((e) =>
        e === csv ? { ...e, data: Buffer.concat([e.data, Buffer.from('x')]) } : e
      )
    )
    const a = await run('audit:verify-bundle', [changed])
    a.command.assertFailed()
    assert.equal(a.command.exitCode, 1)
    assert.isTrue(
      a.lines.some((l) => l.startsWith(`changed: ${csv.name}: size ${csv.data.length + 1} bytes`))
    )
    assert.match(a.lines.at(-1)!, /bundle NOT intact: 0 missing, 0 extra, 1 changed/)

    const removed = await writeZip(
      join(dir, 'removed.zip'),
      entries.filter((e) => e !== csv)
    )
    const b = await run('audit:verify-bundle', [removed])
    b.command.assertFailed()
    assert.include(b.lines, `missing: ${csv.name}`)

    const added = await writeZip(join(dir, 'added.zip'), [
      ...entries,
      { name: 'clauses/5.1.2/documents/extra.pdf', data: Buffer.from('%PDF-1.4') },
    ])
    const c = await run('audit:verify-bundle', [added])
    c.command.assertFailed()
    assert.include(c.lines, 'extra (not in the manifest): clauses/5.1.2/documents/extra.pdf')
    assert.isFalse((await verifyBundle(added)).ok)
  })

  test('audit:verify-bundle refuses a file that is not a bundle', async ({ assert }) => {
    const { command, lines } = await run('audit:verify-bundle', ['/nonexistent/bundle.zip'])
    command.assertFailed()
    assert.match(lines[0], /not a readable zip/)
  })
})
