import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { EvidenceProvider } from '#core/evidence'
import { ProviderMemo } from '#audits/services/provider_memo'

function countingProvider() {
  const provider = {
    calls: 0,
    key: 'test.counting',
    title: 'evidence.providers.service_requests',
    async provide() {
      provider.calls++
      return {
        provider: 'test.counting',
        summary: {
          key: 'evidence.summaries.service_requests',
          params: { count: provider.calls, completed: 0 },
        },
        count: provider.calls,
        link: null,
      }
    },
  }
  return provider satisfies EvidenceProvider & { calls: number }
}

test.group('Audits: provider memo', (group) => {
  let enabled = ProviderMemo.enabled
  group.setup(() => {
    enabled = ProviderMemo.enabled
    ProviderMemo.enabled = true
  })
  group.teardown(() => {
    ProviderMemo.enabled = enabled
  })
  const period = { from: '2026-01-01', to: '2026-12-31' }
  const client = { isTransaction: false } as any

  test('figures are reused for the same provider and period, not across periods', async ({
    assert,
  }) => {
    const memo = new ProviderMemo(60_000)
    const provider = countingProvider()
    assert.equal((await memo.provide(provider, period, client)).count, 1)
    assert.equal((await memo.provide(provider, period, client)).count, 1)
    assert.equal((await memo.provide(provider, { ...period, to: '2026-06-30' }, client)).count, 2)
    assert.equal(provider.calls, 2)
  })

  test('never inside a transaction (issue freezes fresh figures), never with a TTL of 0', async ({
    assert,
  }) => {
    const provider = countingProvider()
    const memo = new ProviderMemo(60_000)
    await db.transaction(async (trx) => {
      await memo.provide(provider, period, trx)
      await memo.provide(provider, period, trx)
    })
    assert.equal(provider.calls, 2)
    const off = new ProviderMemo(0)
    await off.provide(provider, period, client)
    await off.provide(provider, period, client)
    assert.equal(provider.calls, 4)
  })
})
