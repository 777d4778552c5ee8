import { test } from '@japa/runner'
import sinon from 'sinon'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Poll from '#complaints/models/poll'
import PollOpinion from '#complaints/models/poll_opinion'
import AuditLog from '#core/models/audit_log'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import { freezeAt } from '#tests/helpers/complaints'

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' })

function makePoll(opens: string, closes: string, responseDue: string) {
  return Poll.create({
    title: '园区食堂营业时间调整',
    description: '拟将食堂晚餐时间延长至 20:30，请各企业提出意见。',
    opensOn: day(opens),
    closesOn: day(closes),
    responseDueOn: day(responseDue),
  })
}

test.group('Opinion polls', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(() => sinon.restore())

  test('operators open a poll; bad dates are refused and nothing is stored', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/polls/manage')
      .form({
        title: '班车线路征集',
        description: '拟新增地铁站至园区的通勤班车，征集线路意见。',
        opensOn: '2026-12-01',
        closesOn: '2026-11-20',
        responseDueOn: '2026-12-31',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('closesOn', ['截止日期不能早于开始日期。'])
    assert.lengthOf(await Poll.all(), 0)
    await client
      .post('/polls/manage')
      .form({
        title: '班车线路征集',
        description: '拟新增地铁站至园区的通勤班车，征集线路意见。',
        opensOn: '2026-12-01',
        closesOn: '2026-12-15',
        responseDueOn: '2026-12-31',
      })
      .loginAs(world.staff)
      .withCsrfToken()
      .redirects(0)
    const poll = await Poll.firstOrFail()
    assert.equal(poll.opensOn.toISODate(), '2026-12-01')
    assert.equal(poll.closesOn.toISODate(), '2026-12-15')
    assert.equal(poll.responseDueOn.toISODate(), '2026-12-31')
    const tenantTry = await client.get('/polls/manage/create').loginAs(world.adminA).redirects(0)
    assert.notEqual(tenantTry.status(), 200)
  })

  test('a tenant user gives one opinion while the poll is open (first and last day included), none before or after', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const poll = await makePoll('2026-11-10', '2026-11-20', '2026-11-30')
    const give = (content: string, user = world.adminA) =>
      client
        .post(`/polls/${poll.id}/opinions`)
        .form({ content })
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)

    freezeAt('2026-11-09T23:59')
    const early = await give('还没开始就提交意见')
    early.assertFlashMessage('error', '该意见征集不在征集时间内，无法提交意见。')
    sinon.restore()

    freezeAt('2026-11-10T00:01')
    await give('建议延长到 21:00。')
    const twice = await give('再提一次意见')
    twice.assertFlashMessage('error', '您已对该话题提交过意见，每位用户限提交一次。')
    const tooLong = await give('长'.repeat(2001), world.memberA)
    tooLong.assertFieldErrors('content', ['意见不能超过 2000 个字符。'])
    sinon.restore()

    freezeAt('2026-11-20T23:30')
    await give('同意调整。', world.memberA)
    sinon.restore()

    freezeAt('2026-11-21T00:00')
    const late = await give('截止后提交', world.adminB)
    late.assertFlashMessage('error', '该意见征集不在征集时间内，无法提交意见。')

    const opinions = await PollOpinion.query().orderBy('id')
    assert.deepEqual(
      opinions.map((o) => [o.userId, o.tenantId, o.content]),
      [
        [world.adminA.id, world.tenantA.id, '建议延长到 21:00。'],
        [world.memberA.id, world.tenantA.id, '同意调整。'],
      ]
    )
    // Operators and the public cannot give opinions.
    const operatorTry = await give('运营方的意见', world.operator)
    assert.equal(operatorTry.status(), 403)
    assert.lengthOf(await PollOpinion.all(), 2)
  })

  test('the public sees topic, count and response, never an opinion; a tenant sees only its own opinion', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    freezeAt('2026-11-15T10:00')
    const poll = await makePoll('2026-11-10', '2026-11-20', '2026-11-30')
    await PollOpinion.create({
      pollId: poll.id,
      tenantId: world.tenantA.id,
      userId: world.adminA.id,
      content: '甲公司的意见：建议延长',
    })
    await PollOpinion.create({
      pollId: poll.id,
      tenantId: world.tenantB.id,
      userId: world.adminB.id,
      content: '乙公司的意见：维持原样',
    })
    const publicPage = await client.get(`/polls/${poll.id}`)
    publicPage.assertStatus(200)
    publicPage.assertTextIncludes('园区食堂营业时间调整')
    assert.match(publicPage.text(), /已收到意见<\/dt><dd>2</)
    assert.notInclude(publicPage.text(), '甲公司的意见')
    assert.notInclude(publicPage.text(), '乙公司的意见')

    const asA = await client.get(`/polls/${poll.id}`).loginAs(world.adminA)
    asA.assertTextIncludes('甲公司的意见：建议延长')
    assert.notInclude(asA.text(), '乙公司的意见')
    // A colleague of A has not given an opinion: it sees the form, not A's opinion.
    const asMember = await client.get(`/polls/${poll.id}`).loginAs(world.memberA)
    assert.notInclude(asMember.text(), '甲公司的意见')

    await assertAccess(client, assert, {
      url: `/polls/manage/${poll.id}`,
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.staff, expect: 200 },
      anonymous: 'login',
    })
    const staffPage = await client.get(`/polls/manage/${poll.id}`).loginAs(world.evaluator)
    staffPage.assertTextIncludes('甲公司的意见：建议延长')
    staffPage.assertTextIncludes('乙公司的意见：维持原样')
  })

  test('the response is published only after closing, shown to the public, and audited', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const poll = await makePoll('2026-11-10', '2026-11-20', '2026-11-30')
    const respond = (response: string) =>
      client
        .post(`/polls/manage/${poll.id}/respond`)
        .form({ response })
        .loginAs(world.staff)
        .withCsrfToken()
        .redirects(0)
    freezeAt('2026-11-15T10:00')
    const early = await respond('收到的意见已汇总，晚餐延长至 20:30。')
    early.assertFlashMessage('error', '征集尚未截止，截止后才能公布答复。')
    assert.isNull((await Poll.findOrFail(poll.id)).response)
    sinon.restore()

    freezeAt('2026-12-02T10:00')
    // Past the promised date without a response: flagged.
    const manageList = await client.get('/polls/manage').loginAs(world.staff)
    manageList.assertTextIncludes('答复逾期')
    const evaluatorTry = await client
      .post(`/polls/manage/${poll.id}/respond`)
      .form({ response: '评审专家不能公布答复的内容。' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    assert.equal(evaluatorTry.status(), 403)
    await respond('收到的意见已汇总，晚餐延长至 20:30。')
    const responded = await Poll.findOrFail(poll.id)
    assert.equal(responded.response, '收到的意见已汇总，晚餐延长至 20:30。')
    assert.equal(responded.respondedBy, world.staff.id)
    const page = await client.get(`/polls/${poll.id}`)
    page.assertTextIncludes('收到的意见已汇总，晚餐延长至 20:30。')
    page.assertTextIncludes('已答复')
    const list = await client.get('/polls')
    list.assertTextIncludes('园区食堂营业时间调整')
    assert.deepEqual(
      (await AuditLog.query().where({ subjectType: 'poll', subjectId: String(poll.id) })).map(
        (a) => a.action
      ),
      ['poll.responded']
    )
  })
})
