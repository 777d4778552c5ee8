/**
 * Benchmark: the operator dashboard under autocannon (50 connections, logged in), next to a bare
 * node:http hello server measured in the same run. Embedded default (SQLite, inline queue),
 * `large` seed profile. Target (issue "Foundation"): dashboard >= 6% of the bare floor's req/s,
 * dashboard p99 <= 50 ms.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import autocannon from 'autocannon'

const root = new URL('../', import.meta.url).pathname
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const APP_PORT = 3390
const BARE_PORT = 3391
const env = {
  ...process.env,
  NODE_ENV: 'production',
  APP_KEY: process.env.APP_KEY ?? 'bench-only-key-0123456789abcdefghijkl',
  LOG_LEVEL: 'error',
  DB_CONNECTION: 'sqlite',
  SQLITE_PATH: `${root}tmp/bench.sqlite3`,
  DRIVE_ROOT: `${root}tmp/bench-storage`,
  QUEUE_DRIVER: 'inline',
  SESSION_DRIVER: 'cookie',
  LIMITER_STORE: 'memory',
  SEED_PROFILE: 'large',
  PORT: String(APP_PORT),
  HOST: '127.0.0.1',
}

function ace(...args) {
  execFileSync(process.execPath, ['ace', ...args], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
}

function measure(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) =>
      error ? reject(error) : resolve(result)
    )
  })
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer`)
}

/** Logs in through the real form (CSRF token, session cookie) and returns the Cookie header. */
async function login() {
  const jar = new Map()
  const keep = (response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const [name, ...value] = pair.split('=')
      jar.set(name, value.join('='))
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const page = await fetch(`http://127.0.0.1:${APP_PORT}/login`)
  keep(page)
  const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(await page.text())?.[1]
  const response = await fetch(`http://127.0.0.1:${APP_PORT}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ _csrf: token ?? '', email: 'operator@parkgate.local', password: 'ParkGate#2026' }),
  })
  keep(response)
  if (response.headers.get('location') !== '/dashboard') {
    throw new Error(`login failed: ${response.status} ${response.headers.get('location')}`)
  }
  return header()
}

const line = (name, r) =>
  `${name.padEnd(20)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`

mkdirSync(`${root}tmp`, { recursive: true })
for (const suffix of ['', '-wal', '-shm']) rmSync(env.SQLITE_PATH + suffix, { force: true })
console.log('preparing: migrate + seed (large profile)...')
ace('migration:run', '--force')
ace('db:seed')
// Production runs the compiled build; under the TypeScript loader every lazy import pays a hook round trip.
console.log('building...')
ace('build')

const app = spawn(process.execPath, ['bin/server.js'], { cwd: `${root}build`, env, stdio: 'inherit' })
// The floor runs in its own process too, so autocannon never shares an event loop with a server.
const bare = spawn(
  process.execPath,
  ['-e', `require('node:http').createServer((_, res) => res.end('hello')).listen(${BARE_PORT}, '127.0.0.1')`],
  { stdio: 'inherit' }
)
try {
  await waitFor(`http://127.0.0.1:${APP_PORT}/health`)
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`)
  const cookie = await login()
  const check = await fetch(`http://127.0.0.1:${APP_PORT}/dashboard`, { headers: { cookie }, redirect: 'manual' })
  if (check.status !== 200) throw new Error(`dashboard answered ${check.status}`)
  await measure(`http://127.0.0.1:${APP_PORT}/dashboard`, { cookie }) // warm-up
  const floor = await measure(`http://127.0.0.1:${BARE_PORT}/`)
  const dashboard = await measure(`http://127.0.0.1:${APP_PORT}/dashboard`, { cookie })
  const ratio = dashboard.requests.average / floor.requests.average
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s each, ${new Date().toISOString()}`)
  console.log(line('bare node:http', floor))
  console.log(line('operator dashboard', dashboard))
  console.log(`ratio ${(ratio * 100).toFixed(1)}% of the bare floor (target >= 6%: ${ratio >= 0.06 ? 'met' : 'NOT met'})`)
  console.log(`p99 ${dashboard.latency.p99} ms (target <= 50 ms: ${dashboard.latency.p99 <= 50 ? 'met' : 'NOT met'})`)
} finally {
  bare.kill('SIGTERM')
  app.kill('SIGTERM')
}
