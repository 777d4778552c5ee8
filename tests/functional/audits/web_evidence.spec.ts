import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import User from '#core/models/user'
import AuditObservation from '#audits/models/audit_observation'
import AuditConfirmation from '#audits/models/audit_confirmation'
import AuditConfirmationRecipient from '#audits/models/audit_confirmation_recipient'
import AuditSample from '#audits/models/audit_sample'
import AuditSampleItem from '#audits/models/audit_sample_item'
import AuditVerdict from '#audits/models/audit_verdict'
import AuditFinding from '#audits/models/audit_finding'
import AuditDocument from '#audits/models/audit_document'
import { makeWorld, PASSWORD } from '#tests/helpers/world'
import { fileComplaint, makeCategory, seedHolidays } from '#tests/helpers/complaints'
import { clauseOf, makeAudit, pdfFile, pngFile } from '#tests/helpers/audits_web'

/** The field errors a form answered with. */
const errorsOf = (response: { flashMessage(key: string): unknown }) =>
  (response.flashMessage('inputErrorsBag') ?? {}) as Record<string, string[]>

const count = async (model: { query(): any }) =>
  Number((await model.query().count('* as n'))[0].$extras.n)

test.group('Audit clause: evidence and verdicts through the forms', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => seedHolidays())

  test('an evaluator records an on-site observation with a photo; the clause page shows it', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    const response = await client
      .post(`/audits/${audit.id}/clauses/5.3.2/observations`)
      .field('text', '功能分区标识清楚，环境整洁。')
      .field('observedOn', audit.periodFrom.plus({ days: 10 }).toISODate()!)
      .field('place', 'A 栋大堂')
      .file('photos[]', await pngFile())
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('success', '已记录条款 5.3.2 的现场查看。')
    const observation = await AuditObservation.query().preload('photos').firstOrFail()
    assert.equal(observation.place, 'A 栋大堂')
    assert.lengthOf(observation.photos, 1)
    const page = await client.get(`/audits/${audit.id}/clauses/5.3.2`).loginAs(world.evaluator)
    assert.include(page.text(), '功能分区标识清楚，环境整洁。')
    assert.include(page.text(), `/audits/${audit.id}/photos/${observation.photos[0].id}`)
    const photo = await client
      .get(`/audits/${audit.id}/photos/${observation.photos[0].id}`)
      .loginAs(world.operator)
    photo.assertStatus(200)
    photo.assertHeader('content-type', 'image/png')
    // The heatmap cell turns complete: the clause needs an on-site look only.
    const heatmap = await client.get(`/audits/${audit.id}?state=complete`).loginAs(world.evaluator)
    assert.include(heatmap.text(), `class="hm-cell ev-complete vd-none`)

    const empty = await client
      .post(`/audits/${audit.id}/clauses/5.3.2/observations`)
      .form({ text: '', observedOn: 'gestern' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    empty.assertStatus(302)
    assert.lengthOf(errorsOf(empty).text, 1)
    assert.lengthOf(errorsOf(empty).observedOn, 1)
    assert.equal(await count(AuditObservation), 1)
  })

  test('a confirmation goes to every tenant or a seeded sample; the clause shows the tally', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    const send = (form: Record<string, unknown>) =>
      client
        .post(`/audits/${audit.id}/clauses/6.2.1/confirmations`)
        .form(form)
        .loginAs(world.evaluator)
        .withCsrfToken()
        .redirects(0)
    const missingSize = await send({ question: '园区是否提供了通关指导？', audience: 'sample' })
    missingSize.assertFieldErrors('sampleSize', ['请填写抽取企业数。'])
    assert.equal(await count(AuditConfirmation), 0)

    ;(await send({ question: '园区是否提供了通关指导？', audience: 'all' })).assertFlashMessage(
      'success',
      '已向企业发送条款 6.2.1 的确认问题。'
    )
    const all = await AuditConfirmation.query().preload('recipients').firstOrFail()
    assert.sameMembers(
      all.recipients.map((r) => r.tenantId),
      [world.tenantA.id, world.tenantB.id]
    )
    await send({
      question: '园区是否提供了税务指导？',
      audience: 'sample',
      sampleSize: 1,
      seed: 'abc',
    })
    const sample = await AuditConfirmation.query()
      .where('audience', 'sample')
      .preload('recipients')
      .firstOrFail()
    assert.equal(sample.seed, 'abc')
    assert.lengthOf(sample.recipients, 1)

    const mine = all.recipients.find((r) => r.tenantId === world.tenantA.id)!
    await client
      .post(`/tenant/confirmations/${mine.id}`)
      .form({ answer: 'no', comment: '没有收到过指导。' })
      .loginAs(world.memberA)
      .withCsrfToken()
    const page = (
      await client.get(`/audits/${audit.id}/clauses/6.2.1`).loginAs(world.operator)
    ).text()
    assert.include(page, '没有收到过指导。')
    assert.include(page, world.tenantA.name)
    assert.match(page, /已回答 <strong>1<\/strong>/)
    assert.match(page, /否 <strong class="tally-no">1<\/strong>/)
  })

  test('a seeded sample draws complaints of the period; each item gets pass or fail', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const category = await makeCategory(world)
    for (let i = 0; i < 4; i++) await fileComplaint(category, { subject: `投诉 ${i}` })
    const audit = await makeAudit(world)
    const draw = await client
      .post(`/audits/${audit.id}/clauses/7.3.4/samples`)
      .form({ recordKind: 'complaints', size: 3, seed: 'seed-1' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    draw.assertFlashMessage('success', '已为条款 7.3.4 抽取样本。')
    const sample = await AuditSample.query().preload('items').firstOrFail()
    assert.equal(sample.population, 4)
    assert.lengthOf(sample.items, 3)
    assert.equal(sample.seed, 'seed-1')
    const item = sample.items[0]
    const judged = await client
      .post(`/audits/${audit.id}/sample-items/${item.id}`)
      .form({ result: 'fail', note: '超过承诺时限才答复。' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    judged.assertFlashMessage('success', '已保存抽样结果。')
    const after = await AuditSampleItem.findOrFail(item.id)
    assert.equal(after.result, 'fail')
    assert.equal(after.note, '超过承诺时限才答复。')
    const page = (
      await client.get(`/audits/${audit.id}/clauses/7.3.4`).loginAs(world.evaluator)
    ).text()
    assert.include(page, '从 4 条中抽取 3 条，种子 seed-1')
    assert.include(page, '超过承诺时限才答复。')

    const badKind = await client
      .post(`/audits/${audit.id}/clauses/7.3.4/samples`)
      .form({ recordKind: 'guesses', size: 3 })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    badKind.assertFieldErrors('recordKind', ['请选择要抽样的记录类型。'])
    assert.equal(await count(AuditSample), 1)
  })

  test('verdicts: the assigned evaluator only; a nonconformity needs an observation and gets a finding', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    const outsider = await User.create({
      email: 'eval-other@example.test',
      password: PASSWORD,
      fullName: '外部评价员',
      role: 'evaluator',
      isActive: true,
    })
    const post = (user: User, form: Record<string, unknown>) =>
      client
        .post(`/audits/${audit.id}/clauses/5.1.1/verdict`)
        .form(form)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    ;(await post(world.operator, { verdict: 'conforming' })).assertStatus(403)
    ;(await post(world.staff, { verdict: 'conforming' })).assertStatus(403)
    ;(await post(outsider, { verdict: 'conforming' })).assertStatus(403)
    ;(await post(world.adminA, { verdict: 'conforming' })).assertStatus(403)
    assert.equal(await count(AuditVerdict), 0)

    const noObservation = await post(world.evaluator, { verdict: 'minor' })
    noObservation.assertFieldErrors('observation', ['请描述不符合情况。'])
    assert.equal(await count(AuditVerdict), 0)

    ;(
      await post(world.evaluator, { verdict: 'minor', observation: '制度未及时修订。' })
    ).assertFlashMessage('success', '已保存条款 5.1.1 的评价结论。')
    const verdict = await AuditVerdict.firstOrFail()
    assert.equal(verdict.verdict, 'minor')
    assert.equal(verdict.evaluatorId, world.evaluator.id)

    const finding = await client
      .post(`/audits/${audit.id}/clauses/5.1.1/findings`)
      .form({
        description: '制度未及时修订。',
        ownerUserId: world.staff.id,
        dueOn: audit.periodTo.toISODate()!,
      })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    finding.assertFlashMessage('success', '已为条款 5.1.1 建立整改项。')
    const row = await AuditFinding.firstOrFail()
    assert.equal(row.ownerUserId, world.staff.id)
    assert.equal(row.state, 'open')

    const list = (await client.get(`/audits/${audit.id}/findings`).loginAs(world.operator)).text()
    assert.include(list, '制度未及时修订。')
    assert.include(list, world.staff.fullName)
    const closeAsOperator = await client
      .post(`/audits/${audit.id}/findings/${row.id}/close`)
      .form({ recheckNote: '已修订' })
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    closeAsOperator.assertStatus(403)
    const noNote = await client
      .post(`/audits/${audit.id}/findings/${row.id}/close`)
      .form({ recheckNote: '' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(errorsOf(noNote).recheckNote, 1)
    const closed = await client
      .post(`/audits/${audit.id}/findings/${row.id}/close`)
      .form({ recheckNote: '复查：制度已于 11 月修订并发布。' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    closed.assertFlashMessage('success', '整改项已关闭。')
    const after = await AuditFinding.findOrFail(row.id)
    assert.equal(after.state, 'closed')
    assert.equal(after.recheckNote, '复查：制度已于 11 月修订并发布。')
    const closedList = (
      await client.get(`/audits/${audit.id}/findings?state=closed`).loginAs(world.evaluator)
    ).text()
    assert.include(closedList, '复查：制度已于 11 月修订并发布。')
  })

  test('operators upload documents for clauses; tampered files are flagged', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world, 'planning')
    const clause = await clauseOf(audit, '5.1.1')
    const checklist = (
      await client.get(`/audits/${audit.id}/preparation`).loginAs(world.operator)
    ).text()
    assert.include(checklist, `/audits/${audit.id}/clauses/5.1.1`)
    assert.include(checklist, '5 个条款')

    const noClause = await client
      .post(`/audits/${audit.id}/documents`)
      .field('title', '运营管理制度')
      .field('effectiveOn', audit.periodFrom.toISODate()!)
      .file('file', await pdfFile())
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    assert.lengthOf(errorsOf(noClause).clauseIds, 1)
    assert.equal(await count(AuditDocument), 0)

    const asEvaluator = await client
      .post(`/audits/${audit.id}/documents`)
      .field('title', '运营管理制度')
      .field('effectiveOn', audit.periodFrom.toISODate()!)
      .field('clauseIds[]', String(clause.id))
      .file('file', await pdfFile())
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    asEvaluator.assertStatus(403)

    const uploaded = await client
      .post(`/audits/${audit.id}/documents`)
      .field('title', '运营管理制度')
      .field('effectiveOn', audit.periodFrom.toISODate()!)
      .field('clauseIds[]', String(clause.id))
      .file('file', await pdfFile())
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    uploaded.assertFlashMessage('success', '已上传文件“运营管理制度”。')
    const document = await AuditDocument.query().preload('clauses').firstOrFail()
    assert.deepEqual(
      document.clauses.map((c) => c.number),
      ['5.1.1']
    )
    const after = (
      await client.get(`/audits/${audit.id}/preparation`).loginAs(world.operator)
    ).text()
    assert.include(after, '4 个条款')
    const clausePage = (
      await client.get(`/audits/${audit.id}/clauses/5.1.1`).loginAs(world.evaluator)
    ).text()
    assert.include(clausePage, document.sha256)
    assert.include(clausePage, '完整')
    const download = await client
      .get(`/audits/${audit.id}/documents/${document.id}`)
      .loginAs(world.evaluator)
    download.assertStatus(200)
    download.assertHeader('content-type', 'application/pdf')

    await drive.use().put(document.storageKey, '%PDF-1.4 changed afterwards')
    const tampered = (
      await client.get(`/audits/${audit.id}/clauses/5.1.1`).loginAs(world.evaluator)
    ).text()
    assert.include(tampered, '已被篡改：文件与上传时的 SHA-256 不一致')
  })

  test('operators link a document on file to more clauses; evaluators cannot', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world, 'fieldwork')
    const first = await clauseOf(audit, '5.1.1')
    const second = await clauseOf(audit, '7.3.4')
    await client
      .post(`/audits/${audit.id}/documents`)
      .field('title', '投诉处理制度')
      .field('effectiveOn', audit.periodFrom.toISODate()!)
      .field('clauseIds[]', String(first.id))
      .file('file', await pdfFile())
      .loginAs(world.operator)
      .withCsrfToken()
    const document = await AuditDocument.firstOrFail()
    const link = (user: User, form: Record<string, unknown>) =>
      client
        .post(`/audits/${audit.id}/documents/${document.id}/clauses`)
        .form(form)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    ;(await link(world.evaluator, { clauseIds: [second.id] })).assertStatus(403)
    const empty = await link(world.operator, {})
    assert.lengthOf(errorsOf(empty).clauseIds, 1)
    const done = await link(world.operator, { clauseIds: [second.id] })
    done.assertFlashMessage('success', '已将文件“投诉处理制度”关联到 1 个新条款。')
    await document.load('clauses')
    assert.sameMembers(
      document.clauses.map((c) => c.number),
      ['5.1.1', '7.3.4']
    )
    const page = (
      await client.get(`/audits/${audit.id}/clauses/7.3.4`).loginAs(world.evaluator)
    ).text()
    assert.include(page, '投诉处理制度')
    const other = await makeAudit(world, 'fieldwork', '另一次评价')
    ;(
      await client
        .post(`/audits/${other.id}/documents/${document.id}/clauses`)
        .form({ clauseIds: [second.id] })
        .loginAs(world.operator)
        .withCsrfToken()
        .redirects(0)
    ).assertStatus(404)
  })

  test('state steps need confirmation-worthy rights; after issue every write is refused clearly', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world, 'fieldwork')
    const step = (user: User, action: string) =>
      client
        .post(`/audits/${audit.id}/transitions/${action}`)
        .loginAs(user)
        .withCsrfToken()
        .redirects(0)
    ;(await step(world.operator, 'review')).assertStatus(403)
    ;(await step(world.evaluator, 'review')).assertFlashMessage('success', '评价已提交复核。')

    const refused = await step(world.evaluator, 'issue')
    refused.assertFlashMessage('error', '尚有 5 个条款没有评价结论：签发前每个条款都需要结论。')
    await audit.refresh()
    assert.equal(audit.state, 'review')

    for (const number of ['5.1.1', '5.3.2', '6.2.1', '6.6.1', '7.3.4']) {
      await client
        .post(`/audits/${audit.id}/clauses/${number}/verdict`)
        .form({ verdict: number === '6.6.1' ? 'not_applicable' : 'conforming' })
        .loginAs(world.evaluator)
        .withCsrfToken()
    }
    const show = (await client.get(`/audits/${audit.id}`).loginAs(world.evaluator)).text()
    assert.include(show, '签发后评价将被锁定')
    ;(await step(world.evaluator, 'issue')).assertFlashMessage('success', '评价已签发并锁定。')
    await audit.refresh()
    assert.equal(audit.state, 'issued')
    assert.isNotNull(audit.snapshotSha256)

    const locked = '本次评价已签发并锁定，其中内容不能再修改。'
    const verdict = await client
      .post(`/audits/${audit.id}/clauses/5.1.1/verdict`)
      .form({ verdict: 'major', observation: '改判' })
      .loginAs(world.evaluator)
      .withCsrfToken()
      .redirects(0)
    verdict.assertFlashMessage('error', locked)
    const clause = await clauseOf(audit, '5.1.1')
    assert.equal(
      (await AuditVerdict.query().where({ auditId: audit.id, clauseId: clause.id }).firstOrFail())
        .verdict,
      'conforming'
    )
    ;(await step(world.evaluator, 'reopen')).assertFlashMessage('error', locked)
    const upload = await client
      .post(`/audits/${audit.id}/documents`)
      .field('title', '补传')
      .field('effectiveOn', audit.periodFrom.toISODate()!)
      .field('clauseIds[]', String(clause.id))
      .file('file', await pdfFile())
      .loginAs(world.operator)
      .withCsrfToken()
      .redirects(0)
    upload.assertFlashMessage('error', locked)
    assert.equal(await count(AuditDocument), 0)
    const page = (await client.get(`/audits/${audit.id}`).loginAs(world.operator)).text()
    assert.include(page, '签发并锁定：结论与证据快照不能再修改')
    assert.notInclude(page, '保存结论')
  })
})

test.group('Tenant confirmations: each tenant answers its own questions only', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant lists, opens and answers its question; another tenant gets 404, staff 403', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const audit = await makeAudit(world)
    await client
      .post(`/audits/${audit.id}/clauses/6.2.1/confirmations`)
      .form({ question: '园区是否为贵企业提供了通关指导？', audience: 'all' })
      .loginAs(world.evaluator)
      .withCsrfToken()
    const mine = await AuditConfirmationRecipient.query()
      .where('tenant_id', world.tenantA.id)
      .firstOrFail()

    const { assertAccess } = await import('#tests/helpers/isolation')
    await assertAccess(client, assert, {
      url: `/tenant/confirmations/${mine.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    await assertAccess(client, assert, {
      method: 'post',
      url: `/tenant/confirmations/${mine.id}`,
      form: { answer: 'yes', comment: '提供了' },
      owner: { user: world.adminA, expect: 302 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.evaluator, expect: 403 },
      anonymous: 'login',
    })
    const answered = await AuditConfirmationRecipient.findOrFail(mine.id)
    assert.equal(answered.answer, 'yes')
    assert.equal(answered.answeredBy, world.adminA.id)

    const listA = (await client.get('/tenant/confirmations').loginAs(world.memberA)).text()
    assert.include(listA, '园区是否为贵企业提供了通关指导？')
    assert.notInclude(listA, audit.title)
    const show = (
      await client.get(`/tenant/confirmations/${mine.id}`).loginAs(world.memberA)
    ).text()
    assert.notInclude(show, audit.title)
    assert.notInclude(show, '应为入驻企业提供通关业务指导')

    const bad = await client
      .post(`/tenant/confirmations/${mine.id}`)
      .form({ answer: 'maybe' })
      .loginAs(world.memberA)
      .withCsrfToken()
      .redirects(0)
    bad.assertFieldErrors('answer', ['请回答“是”或“否”。'])
    assert.equal((await AuditConfirmationRecipient.findOrFail(mine.id)).answer, 'yes')
  })

  test('a tenant without questions sees the empty state', async ({ client, assert }) => {
    const world = await makeWorld()
    const page = await client.get('/tenant/confirmations').loginAs(world.adminB)
    page.assertStatus(200)
    assert.include(page.text(), '暂无需要确认的问题')
  })
})
