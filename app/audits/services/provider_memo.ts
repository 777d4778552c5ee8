import app from '@adonisjs/core/services/app'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import env from '#start/env'
import { dataVersion } from '#core/services/data_version'
import type { EvidencePeriod, EvidenceProvider, EvidenceResult } from '#core/evidence'

interface Entry {
  result: EvidenceResult
  at: number
  version: string | null
  refreshing: Promise<void> | null
}

const MAX_ENTRIES = 500

/**
 * Provider figures reused between heatmap views: counting a year of 500,000 bookings or 200,000
 * complaints takes 150–250 ms on MariaDB, the heatmap's whole budget. An entry is reused while the
 * data version is unchanged (SQLite: exact, see #core/services/data_version) or, where no version
 * exists (MySQL), for AUDIT_EVIDENCE_TTL seconds (60); past that the stale figures are served once
 * more while a fresh count runs in the background. Never inside a transaction: issue freezes fresh
 * figures. Off in tests unless a test turns it on.
 */
export class ProviderMemo {
  static enabled = !app.inTest
  private entries = new Map<string, Entry>()

  constructor(private ttlMs = (env.get('AUDIT_EVIDENCE_TTL') ?? 60) * 1000) {}

  async provide(provider: EvidenceProvider, period: EvidencePeriod, client: QueryClientContract) {
    if (!ProviderMemo.enabled || this.ttlMs <= 0 || client.isTransaction) {
      return provider.provide(period, client)
    }
    const key = `${provider.key}|${period.from}|${period.to}`
    const version = await dataVersion()
    const hit = this.entries.get(key)
    if (hit && hit.version === version) {
      if (version !== null || Date.now() - hit.at < this.ttlMs) return hit.result
      hit.refreshing ??= provider
        .provide(period, client)
        .then((result) => this.store(key, result, version))
        .catch(() => {
          hit.refreshing = null
        })
      return hit.result
    }
    const result = await provider.provide(period, client)
    this.store(key, result, version)
    return result
  }

  clear() {
    this.entries.clear()
  }

  private store(key: string, result: EvidenceResult, version: string | null) {
    this.entries.delete(key)
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { result, at: Date.now(), version, refreshing: null })
  }
}

/** The process's memo. */
export const providerMemo = new ProviderMemo()
