import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Audit from '#audits/models/audit'
import { makeWorld } from '#tests/helpers/world'
import { clauseOf, importSmallFramework, makeAudit } from '#tests/helpers/audits_web'

test.group('Audit pages: list, plan, heatmap', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the list searches, filters and shows an empty state', async ({ client, assert }) => {
    const world = await makeWorld()
    const empty = await client.get('/audits').loginAs(world.evaluator)
    empty.assertStatus(200)
    assert.include(empty.text(), '还没有评价')
    await makeAudit(world, 'fieldwork', '2026 年度服务规范评价')
    const list = await client.get('/audits').loginAs(world.evaluator)
    assert.include(list.text(), '2026 年度服务规范评价')
    const miss = await client.get('/audits?q=不存在').loginAs(world.evaluator)
    assert.include(miss.text(), '没有符合条件的评价')
    assert.notInclude(miss.text(), '2026 年度服务规范评价')
    const byState = await client.get('/audits?state=issued').loginAs(world.operator)
    assert.notInclude(byState.text(), '2026 年度服务规范评价')
  })

  test('an operator plans an audit; bad input answers the form with field errors', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const framework = await importSmallFramework()
    const form = await client.get('/audits/create').loginAs(world.operator)
    form.assertStatus(200)
    assert.include(form.text(), world.evaluator.fullName)

    const bad = await client
      .post('/audits')
      .form({
        frameworkId: framework.id,
        title: 'x',
        periodFrom: '2026-12-31',
        periodTo: '2026-01-01',
      })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    bad.assertStatus(302)
    bad.assertFieldErrors('periodTo', ['期间结束不能早于期间开始。'])
    assert.equal(
      await Audit.query()
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      0
    )

    const ok = await client
      .post('/audits')
      .form({
        frameworkId: framework.id,
        title: '2026 年度评价',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        evaluatorIds: [world.evaluator.id],
      })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    ok.assertStatus(302)
    const audit = await Audit.query().preload('evaluators').firstOrFail()
    assert.equal(ok.header('location'), `/audits/${audit.id}`)
    assert.equal(audit.state, 'planning')
    assert.deepEqual(
      audit.evaluators.map((e) => e.id),
      [world.evaluator.id]
    )
    ok.assertFlashMessage('success', '已创建评价“2026 年度评价”。')
  })

  test('evaluators cannot plan audits; tenants and visitors reach nothing', async ({ client }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    ;(await client.get('/audits/create').loginAs(world.evaluator)).assertStatus(403)
    ;(await client.get('/audits').loginAs(world.adminA)).assertStatus(403)
    ;(await client.get(`/audits/${audit.id}`).loginAs(world.adminA)).assertStatus(403)
    const anon = await client.get(`/audits/${audit.id}`).redirects(0)
    anon.assertStatus(302)
    anon.assertHeader('location', '/login')
  })

  test('the heatmap shows a coloured cell per clause, counts and filters by GET', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    const page = await client.get(`/audits/${audit.id}`).loginAs(world.evaluator)
    page.assertStatus(200)
    const html = page.text()
    for (const number of ['5.1.1', '5.3.2', '6.2.1', '6.6.1', '7.3.4']) {
      assert.include(html, `href="/audits/${audit.id}/clauses/${number}"`)
    }
    assert.equal((html.match(/class="hm-cell ev-missing/g) || []).length, 5)
    assert.include(html, 'hm-legend')
    assert.include(html, `/audits/${audit.id}/report.xlsx`)
    assert.include(html, `/audits/${audit.id}/bundle.zip`)
    assert.include(html, `/audits/${audit.id}/report"`)

    const chapter6 = (
      await client.get(`/audits/${audit.id}?chapter=6`).loginAs(world.evaluator)
    ).text()
    assert.equal((chapter6.match(/class="hm-cell /g) || []).length, 2)
    assert.notInclude(chapter6, `/clauses/5.1.1"`)
    const byMethod = (
      await client.get(`/audits/${audit.id}?method=confirmation`).loginAs(world.evaluator)
    ).text()
    assert.equal((byMethod.match(/class="hm-cell /g) || []).length, 2)
    const conforming = (
      await client.get(`/audits/${audit.id}?verdict=conforming`).loginAs(world.evaluator)
    ).text()
    assert.include(conforming, '没有符合筛选条件的条款')

    const bad = await client
      .get(`/audits/${audit.id}?method=guess`)
      .loginAs(world.evaluator)
      .redirects(0)
    bad.assertStatus(302)
  })

  test('the clause page shows the requirement, its §8 methods and empty evidence', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    await clauseOf(audit, '6.2.1')
    const page = await client.get(`/audits/${audit.id}/clauses/6.2.1`).loginAs(world.evaluator)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, '应为入驻企业提供通关业务指导。')
    assert.include(html, 'Customs clearance guidance')
    assert.include(html, 'GB/T 39678 8.2.2')
    assert.include(html, '现场查看')
    assert.include(html, '向企业确认')
    assert.include(html, '保存结论')
    const asOperator = await client.get(`/audits/${audit.id}/clauses/6.2.1`).loginAs(world.operator)
    asOperator.assertStatus(200)
    assert.notInclude(asOperator.text(), '保存结论')
    assert.include(asOperator.text(), '评价结论只能由指派的评价人员填写。')
    ;(await client.get(`/audits/${audit.id}/clauses/9.9.9`).loginAs(world.evaluator)).assertStatus(
      404
    )
  })
})
