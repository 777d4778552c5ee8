import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import FaqCategory from '#complaints/models/faq_category'
import FaqEntry from '#complaints/models/faq_entry'
import AuditLog from '#core/models/audit_log'
import { makeWorld } from '#tests/helpers/world'

async function seedFaq() {
  const parking = await FaqCategory.create({
    name: '停车出行',
    nameEn: 'Parking',
    isActive: true,
    sortOrder: 1,
  })
  const money = await FaqCategory.create({ name: '财务缴费', isActive: true, sortOrder: 2 })
  const hidden = await FaqCategory.create({ name: '停用分类', isActive: false, sortOrder: 3 })
  const entry = (categoryId: number, question: string, answer: string, extra = {}) =>
    FaqEntry.create({ categoryId, question, answer, isPublished: true, viewCount: 0, ...extra })
  return {
    parking,
    money,
    monthly: await entry(parking.id, '停车月卡怎么办理？', '携带行驶证到综合服务大厅办理。'),
    visitor: await entry(parking.id, '访客车辆如何进园？', '提前在门户登记车牌，免费停车两小时。', {
      viewCount: 7,
    }),
    invoice: await entry(money.id, '租金发票什么时候开？', '每月 5 日前开具增值税专用发票。', {
      viewCount: 3,
    }),
    draft: await entry(money.id, '物业费可以分期吗？', '草稿：待确认。', { isPublished: false }),
    inactive: await entry(hidden.id, '停用分类里的停车问题', '不应公开。'),
  }
}

test.group('FAQ', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the public FAQ needs no login and searches Chinese text in question and answer', async ({
    client,
    assert,
  }) => {
    await seedFaq()
    const all = await client.get('/faq')
    all.assertStatus(200)
    all.assertTextIncludes('停车月卡怎么办理？')
    all.assertTextIncludes('租金发票什么时候开？')
    // Unpublished entries and inactive categories stay private.
    assert.notInclude(all.text(), '物业费可以分期吗？')
    assert.notInclude(all.text(), '停用分类里的停车问题')

    // A word from the question…
    const byQuestion = await client.get('/faq').qs({ q: '停车' })
    byQuestion.assertTextIncludes('停车月卡怎么办理？')
    assert.notInclude(byQuestion.text(), '租金发票什么时候开？')
    assert.notInclude(byQuestion.text(), '停用分类里的停车问题')
    // …and one only in an answer.
    const byAnswer = await client.get('/faq').qs({ q: '增值税' })
    byAnswer.assertTextIncludes('租金发票什么时候开？')
    assert.notInclude(byAnswer.text(), '停车月卡怎么办理？')
    // LIKE wildcards typed by a visitor are literal characters.
    const wildcard = await client.get('/faq').qs({ q: '%' })
    assert.notInclude(wildcard.text(), '停车月卡怎么办理？')
    const underscore = await client.get('/faq').qs({ q: '_' })
    assert.notInclude(underscore.text(), '停车月卡怎么办理？')
    const nothing = await client.get('/faq').qs({ q: '不存在的词' })
    nothing.assertTextIncludes('没有找到相关问题')
  })

  test('categories filter the list; most-read lists by views', async ({ client, assert }) => {
    const faq = await seedFaq()
    const money = await client.get('/faq').qs({ categoryId: faq.money.id })
    money.assertTextIncludes('租金发票什么时候开？')
    assert.notInclude(money.text(), '停车月卡怎么办理？')
    const page = await client.get('/faq')
    const text = page.text()
    const mostRead = text.slice(text.indexOf('最常查看'))
    assert.isBelow(mostRead.indexOf('访客车辆如何进园？'), mostRead.indexOf('租金发票什么时候开？'))
  })

  test('opening an entry counts one view per session; unpublished entries are not found', async ({
    client,
    assert,
  }) => {
    const faq = await seedFaq()
    const first = await client.get(`/faq/${faq.monthly.id}`)
    first.assertStatus(200)
    first.assertTextIncludes('携带行驶证到综合服务大厅办理。')
    assert.equal((await FaqEntry.findOrFail(faq.monthly.id)).viewCount, 1)
    // The same session (which remembers the entry) does not count it again.
    await client.get(`/faq/${faq.monthly.id}`).withSession({ faq_seen: [faq.monthly.id] })
    assert.equal((await FaqEntry.findOrFail(faq.monthly.id)).viewCount, 1)
    // A new visitor (no session) counts again.
    await client.get(`/faq/${faq.monthly.id}`)
    assert.equal((await FaqEntry.findOrFail(faq.monthly.id)).viewCount, 2)

    const draft = await client.get(`/faq/${faq.draft.id}`)
    draft.assertStatus(404)
    assert.equal((await FaqEntry.findOrFail(faq.draft.id)).viewCount, 0)
  })

  test('operators manage entries and categories, publish and unpublish, all audited; tenants cannot', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const faq = await seedFaq()
    const bad = await client
      .post('/faq/manage')
      .form({ categoryId: String(faq.money.id), question: '问', answer: '' })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('answer', ['请填写解答。'])
    assert.lengthOf(await FaqEntry.query().where('category_id', faq.money.id), 2)

    await client
      .post('/faq/manage')
      .form({
        categoryId: String(faq.money.id),
        question: '押金什么时候退？',
        answer: '合同结束验收后 15 个工作日内退还。',
        isPublished: 'true',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const created = await FaqEntry.findByOrFail('question', '押金什么时候退？')
    assert.isTrue(created.isPublished)
    ;(await client.get('/faq').qs({ q: '押金' })).assertTextIncludes('押金什么时候退？')

    await client
      .post(`/faq/manage/${created.id}/unpublish`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    assert.isFalse((await FaqEntry.findOrFail(created.id)).isPublished)
    assert.notInclude((await client.get('/faq').qs({ q: '押金' })).text(), '押金什么时候退？')
    await client
      .post(`/faq/manage/${faq.draft.id}/publish`)
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    ;(await client.get('/faq')).assertTextIncludes('物业费可以分期吗？')

    await client
      .post('/faq/manage/categories')
      .form({ name: '安全消防', nameEn: 'Safety', sortOrder: '4', isActive: 'true' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    const safety = await FaqCategory.findByOrFail('name', '安全消防')
    await client
      .put(`/faq/manage/categories/${faq.parking.id}`)
      .form({ name: '停车出行', sortOrder: '1' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.isFalse((await FaqCategory.findOrFail(faq.parking.id)).isActive)
    assert.notInclude((await client.get('/faq')).text(), '停车月卡怎么办理？')

    const actions = (
      await AuditLog.query().whereIn('subject_type', ['faq_entry', 'faq_category']).orderBy('id')
    ).map((a) => a.action)
    assert.deepEqual(actions, [
      'faq.created',
      'faq.unpublished',
      'faq.published',
      'faq_category.created',
      'faq_category.updated',
    ])
    assert.equal(safety.nameEn, 'Safety')

    for (const user of [world.adminA, world.evaluator]) {
      const denied = await client
        .post(`/faq/manage/${faq.monthly.id}/unpublish`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
      assert.equal(denied.status(), 403)
    }
    assert.isTrue((await FaqEntry.findOrFail(faq.monthly.id)).isPublished)
  })
})
