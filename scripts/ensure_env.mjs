// First run of `npm run demo`: create .env from .env.example with a fresh APP_KEY. Never overwrites.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

mkdirSync(new URL('../tmp/', import.meta.url), { recursive: true })
const target = new URL('../.env', import.meta.url)
if (!existsSync(target)) {
  const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(target, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`))
  console.log('Created .env with a new APP_KEY')
}
