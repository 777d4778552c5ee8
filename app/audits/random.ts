import { createHash, randomBytes } from 'node:crypto'

/**
 * Reproducible random draws: the same seed over the same population gives the same sample, so
 * an evaluator (or a later reader of the report) can redraw it and check (GB/T 39678 §8 process
 * verification by sampling). sfc32 seeded from SHA-256 of the seed text.
 */
export function prng(seed: string) {
  const digest = createHash('sha256').update(seed).digest()
  let a = digest.readUInt32LE(0)
  let b = digest.readUInt32LE(4)
  let c = digest.readUInt32LE(8)
  let d = digest.readUInt32LE(12)
  return () => {
    a >>>= 0
    b >>>= 0
    c >>>= 0
    d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** A fresh seed for a draw when the user gives none (stored with the sample). */
export function newSeed() {
  return randomBytes(8).toString('hex')
}

/**
 * Draws `size` distinct values of `population` (sorted ascending first, so the database's row
 * order never matters) with a partial Fisher–Yates shuffle. Returns them in draw order.
 */
export function draw<T extends number>(population: T[], size: number, seed: string): T[] {
  const pool = [...population].sort((x, y) => x - y)
  const k = Math.min(size, pool.length)
  const random = prng(seed)
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return pool.slice(0, k)
}
