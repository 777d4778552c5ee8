import { test } from '@japa/runner'
import { readFileSync, readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { FIELD_SPECS } from '#single_window/specs/field_specs'
import { STATUS_FILTERS } from '#single_window/services/declaration_queries'
import { OUTGOING_TYPES, PROFILE_ROLES } from '#single_window/message_types'

const flatten = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [prefix]

const lang = (locale: string) =>
  new Set(
    flatten(JSON.parse(readFileSync(app.makePath(`resources/lang/${locale}/sw_web.json`), 'utf8')))
  )

/** Every literal sw_web.* key the single-window pages and controllers use. */
function keysInUse() {
  const keys = new Set<string>()
  const scan = (dir: string, ext: string) => {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith(ext)) continue
      const text = readFileSync(`${dir}/${file}`, 'utf8')
      for (const m of text.matchAll(/'sw_web\.([a-z_]+(?:\.[A-Za-z0-9_]+)+)'(?!\s*\+)/g))
        keys.add(m[1])
    }
  }
  scan(app.makePath('app/single_window'), '.ts')
  scan(app.makePath('resources/views/pages/single_window'), '.edge')
  return keys
}

test.group('Single window pages: translations', () => {
  test('zh-CN and en hold the same sw_web keys', ({ assert }) => {
    assert.sameMembers([...lang('en')], [...lang('zh-CN')])
  })

  test('every key the pages use, every CEB field, type, role and status filter has words', ({
    assert,
  }) => {
    for (const locale of ['zh-CN', 'en']) {
      const known = lang(locale)
      const used = keysInUse()
      assert.isAbove(used.size, 80)
      for (const key of used) assert.isTrue(known.has(key), `${locale}: sw_web.${key} missing`)
      for (const spec of Object.values(FIELD_SPECS)) {
        for (const field of [...spec.head.fields, ...(spec.list?.fields ?? [])]) {
          assert.isTrue(known.has(`fields.${field.name}`), `${locale}: field ${field.name}`)
        }
      }
      for (const type of OUTGOING_TYPES) {
        assert.isTrue(known.has(`types.${type}`) && known.has(`types_short.${type}`), type)
      }
      for (const role of PROFILE_ROLES) assert.isTrue(known.has(`roles.${role}`), role)
      for (const status of STATUS_FILTERS) {
        assert.isTrue(known.has(`status_filters.${status}`), `${locale}: status ${status}`)
      }
    }
  })
})
