import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  CATALOGUE_KEYS,
  describeStatus,
  statusWords,
} from '#single_window/receipts/status_catalogue'

async function lang(locale: string) {
  return JSON.parse(await readFile(app.makePath(`resources/lang/${locale}/sw_status.json`), 'utf8'))
}

test.group('Status catalogue', () => {
  test('every code of the issue has its category', ({ assert }) => {
    const cases: Array<[string, string]> = [
      ['1', 'draft'],
      ['2', 'eport'],
      ['3', 'sent'],
      ['4', 'send_failed'],
      ['100', 'rejected'],
      ['120', 'accepted'],
      ['300', 'review'],
      ['399', 'concluded'],
      ['500', 'inspection'],
      ['501', 'detained'],
      ['502', 'detained'],
      ['503', 'detained'],
      ['547', 'detained'],
      ['599', 'detained'],
      ['700', 'returned'],
      ['800', 'released'],
      ['899', 'closed'],
      ['-301010', 'error'],
      ['-621005', 'error'],
    ]
    for (const [code, category] of cases) {
      const info = describeStatus(code)
      assert.equal(info.category, category, code)
      assert.isTrue(info.known, code)
      assert.equal(info.code, code)
    }
    assert.isTrue(describeStatus('100').final)
    assert.isFalse(describeStatus('120').final)
  })

  test('an unknown code is kept as it is and shown as unknown', ({ assert }) => {
    const info = describeStatus('18')
    assert.equal(info.code, '18')
    assert.isFalse(info.known)
    assert.equal(info.category, 'unknown')
    const words = statusWords(i18nManager.locale('en'), '18', 'placeholder')
    assert.equal(words.label, 'Unknown status (18)')
    assert.include(words.meaning, 'placeholder')
  })

  test('zh-CN and en have a label, meaning and next step for every entry', async ({ assert }) => {
    const [zh, en] = [await lang('zh-CN'), await lang('en')]
    for (const key of CATALOGUE_KEYS) {
      for (const file of [zh, en]) {
        for (const part of ['label', 'meaning', 'next'])
          assert.isNotEmpty(file.codes[key]?.[part], `${key}.${part}`)
      }
    }
    assert.deepEqual(Object.keys(zh.fail).sort(), Object.keys(en.fail).sort())
  })

  test('words come in the reader language, with the receipt text where the meaning needs it', ({
    assert,
  }) => {
    const zh = statusWords(i18nManager.locale('zh-CN'), '800')
    assert.equal(zh.label, '放行')
    const en = statusWords(
      i18nManager.locale('en'),
      '100',
      '[Code:1322;Desc:订单清单表体商品项不一致]'
    )
    assert.equal(en.label, 'Rejected by customs')
    assert.include(en.meaning, 'Code:1322')
    assert.include(en.nextStep, 'Correct the data')
    const error = statusWords(i18nManager.locale('en'), '-301010', '订单已存在')
    assert.equal(error.label, 'Processing error (-301010)')
  })
})
