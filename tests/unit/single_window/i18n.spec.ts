import { test } from '@japa/runner'
import { readFileSync, readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'

const flatten = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [prefix]

const lang = (locale: string) =>
  flatten(JSON.parse(readFileSync(app.makePath(`resources/lang/${locale}/sw.json`), 'utf8')))

/** Every sw.* key the module's code uses, found in its sources. */
function keysInCode() {
  const dir = app.makePath('app/single_window')
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts')
  )
  const keys = new Set<string>()
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8')
    for (const m of text.matchAll(/(?:DomainException\(|\.t\()\s*'sw\.([a-z_]+\.[a-z_]+)'/g))
      keys.add(m[1])
    for (const m of text.matchAll(/key: '([a-z_]+\.[a-z_]+)'/g)) keys.add(m[1])
    for (const m of text.matchAll(/err\(\s*'[A-Za-z]+',\s*'([a-z_]+\.[a-z_]+)'/g)) keys.add(m[1])
  }
  return keys
}

test.group('Single window: translations', () => {
  test('zh-CN and en hold the same keys', ({ assert }) => {
    assert.sameMembers(lang('en'), lang('zh-CN'))
  })

  test('every key the checks and services use is translated in both languages', ({ assert }) => {
    const known = new Set(lang('zh-CN'))
    const used = keysInCode()
    assert.isAbove(used.size, 40)
    for (const key of used) assert.isTrue(known.has(key), `sw.${key} missing`)
  })

  test('messages format their placeholders', ({ assert }) => {
    assert.equal(
      i18nManager.locale('zh-CN').t('sw.check.max_length', { max: 60 }),
      '长度不能超过 60 个字符。'
    )
    assert.equal(
      i18nManager.locale('en').t('sw.check.max_length', { max: 60 }),
      'At most 60 characters.'
    )
  })
})
