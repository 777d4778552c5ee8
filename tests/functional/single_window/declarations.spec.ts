import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SwDeclaration from '#single_window/models/sw_declaration'
import SwMessage from '#single_window/models/sw_message'
import SwProfile from '#single_window/models/sw_profile'
import { demoImportParcel } from '#single_window/demo_data'
import { makeWorld } from '#tests/helpers/world'
import { assertAccess } from '#tests/helpers/isolation'
import { createDoc, makeSwWorld, PARTIES_A, PARTIES_B } from '#tests/helpers/sw_web'

/** The form fields of a demo document, as the create form posts them. */
function formOf(doc: ReturnType<typeof demoImportParcel>[number]) {
  const form: Record<string, string> = { businessMode: doc.businessMode }
  for (const [k, v] of Object.entries(doc.head)) {
    if (!['appType', 'appTime', 'appStatus'].includes(k)) form[`head[${k}]`] = v
  }
  doc.lines.forEach((line, i) => {
    for (const [k, v] of Object.entries(line)) form[`lines[${i}][${k}]`] = v
  })
  return form
}

const declarationCount = async () => (await SwDeclaration.query().count('* as n'))[0].$extras.n

test.group('Single window: profile', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant admin saves the profile; bad codes answer with field errors and change nothing', async ({
    client,
    assert,
  }) => {
    const world = await makeWorld()
    const bad = await client
      .post('/tenant/single-window/profile')
      .form({
        customsCode: '44-03',
        copCode: '4403660A01',
        copName: '杭州云帆跨境电子商务有限公司',
        dxpId: 'DXPENT0000000001',
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    bad.assertStatus(302)
    bad.assertFieldErrors('customsCode', ['海关注册编码应为 10 位数字或大写字母。'])
    bad.assertFieldErrors('roles', ['请至少选择一个企业角色。'])
    assert.isNull(await SwProfile.findBy('tenantId', world.tenantA.id))

    const good = await client
      .post('/tenant/single-window/profile')
      .form({
        'customsCode': '4403660a01',
        'copCode': '4403660A01',
        'copName': '杭州云帆跨境电子商务有限公司',
        'dxpId': 'DXPENT0000000001',
        'roles[]': ['ebc', 'agent'],
      })
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    good.assertStatus(302)
    good.assertFlashMessage('success', '单一窗口备案信息已保存。')
    const profile = await SwProfile.findByOrFail('tenantId', world.tenantA.id)
    assert.equal(profile.customsCode, '4403660A01')
    assert.deepEqual(profile.roleList, ['ebc', 'agent'])

    // A member reads the profile but may not change it; an operator has no tenant profile page.
    await assertAccess(client, assert, {
      method: 'post',
      url: '/tenant/single-window/profile',
      form: { customsCode: '1111111111', copCode: 'X', copName: 'XX', dxpId: 'X', roles: ['ebc'] },
      owner: { user: world.memberA, expect: 403 },
      otherTenant: { user: world.memberA, expect: 403 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    assert.equal((await SwProfile.findByOrFail('tenantId', world.tenantA.id)).copCode, '4403660A01')
    const page = await client.get('/tenant/single-window/profile').loginAs(world.memberA)
    page.assertStatus(200)
    assert.include(page.text(), '4403660A01')
  })

  test('without a profile the create form sends the tenant to the profile first', async ({
    client,
  }) => {
    const world = await makeWorld()
    const response = await client
      .get('/tenant/single-window/declarations/new/CEB311')
      .loginAs(world.adminA)
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/tenant/single-window/profile')
    response.assertFlashMessage(
      'error',
      '请先填写单一窗口企业备案信息（海关注册编码、传输企业代码与名称、DXP 编号）。'
    )
  })
})

test.group('Single window: declaring through the form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a bad order is answered with the checks inline and nothing is stored', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const doc = demoImportParcel(1, PARTIES_A).find((d) => d.messageType === 'CEB311')!
    const form = formOf(doc)
    form['head[buyerIdNumber]'] = ''
    form['lines[0][totalPrice]'] = '1.00'
    form['head[goodsValue]'] = '12.345678'
    const response = await client
      .post('/tenant/single-window/declarations/new/CEB311')
      .form(form)
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(422)
    const html = response.text()
    assert.match(html, /未保存：有 \d+ 处问题/)
    // Each message sits under its own input (ids h-<field>, l<line>-<field>).
    assert.match(html, /id="h-buyerIdNumber-error">必填。/)
    assert.match(html, /id="h-goodsValue-error">[^<]*小数位数不能超过 5 位/)
    assert.match(html, /id="l0-totalPrice-error">[^<]*总价应等于数量 × 单价/)
    // What was typed is still there.
    assert.include(html, 'value="12.345678"')
    assert.equal(Number(await declarationCount()), 0)
  })

  test('a good order is saved as checked, then submitted once through the outbox', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const doc = demoImportParcel(2, PARTIES_A).find((d) => d.messageType === 'CEB311')!
    const response = await client
      .post('/tenant/single-window/declarations/new/CEB311')
      .form(formOf(doc))
      .loginAs(world.memberA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const declaration = await SwDeclaration.findByOrFail('docNo', doc.head.orderNo)
    assert.equal(declaration.tenantId, world.tenantA.id)
    assert.equal(declaration.status, 'checked')
    assert.equal(
      response.header('location'),
      `/tenant/single-window/declarations/${declaration.id}`
    )

    const page = await client
      .get(`/tenant/single-window/declarations/${declaration.id}`)
      .loginAs(world.memberA)
    page.assertStatus(200)
    assert.include(page.text(), '已校验')
    assert.include(page.text(), '确认无误后提交。')
    assert.include(page.text(), doc.head.buyerName)

    const submit = () =>
      client
        .post(`/tenant/single-window/declarations/${declaration.id}/submit`)
        .loginAs(world.memberA)
        .withCsrfToken()
        .redirects(0)
    const first = await submit()
    first.assertStatus(302)
    await declaration.refresh()
    assert.equal(declaration.status, 'queued')
    const messages = await SwMessage.query().where('declaration_id', declaration.id)
    assert.lengthOf(messages, 1)
    assert.equal(messages[0].state, 'pending')
    assert.match(messages[0].xml, /<ceb:CEB311Message/)
    first.assertFlashMessage('success', `已提交，报文 ${messages[0].guid} 已进入发件队列。`)

    const again = await submit()
    again.assertStatus(302)
    again.assertFlashMessage('error', '该申报单已发送（当前状态 queued），不能重复发送。')
    assert.lengthOf(await SwMessage.query().where('declaration_id', declaration.id), 1)
  })

  test('an inventory list without its order, payment and waybill fails the three-document match', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const doc = demoImportParcel(3, PARTIES_A).find((d) => d.messageType === 'CEB621')!
    const response = await client
      .post('/tenant/single-window/declarations/new/CEB621')
      .form(formOf(doc))
      .loginAs(world.adminA)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(422)
    assert.match(response.text(), /找不到[^<]*订单/)
    assert.equal(Number(await declarationCount()), 0)
  })
})

test.group('Single window: correcting a declaration', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a rejected order is corrected through the form; its number stays, bad input changes nothing', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const declaration = await createDoc(world.tenantA.id, 1, 'CEB311')
    // Customs refused it (a 100 receipt): it may be corrected and sent again (SW 702).
    await SwDeclaration.query().where('id', declaration.id).update({ status: '100' })
    const url = `/tenant/single-window/declarations/${declaration.id}/edit`

    const form = await client.get(url).loginAs(world.memberA)
    form.assertStatus(200)
    assert.include(form.text(), `value="${declaration.docNo}"`)
    assert.match(form.text(), /id="h-orderNo"[^>]*readonly/)

    const doc = demoImportParcel(1, PARTIES_A).find((d) => d.messageType === 'CEB311')!
    const post = (fields: Record<string, string>, user = world.memberA) =>
      client.post(url).form(fields).loginAs(user).withCsrfToken().redirects(0)

    const renamed = await post({ ...formOf(doc), 'head[orderNo]': 'OTHER-NUMBER' })
    renamed.assertStatus(422)
    assert.include(renamed.text(), `单证编号 ${declaration.docNo} 不能修改。`)
    await declaration.refresh()
    assert.equal(declaration.status, '100')

    const otherTenant = await post(
      { ...formOf(doc), 'head[buyerTelephone]': '13900000000' },
      world.adminB
    )
    otherTenant.assertStatus(404)

    const fixed = await post({ ...formOf(doc), 'head[buyerTelephone]': '13900000000' })
    fixed.assertStatus(302)
    fixed.assertFlashMessage('success', `申报单 ${declaration.docNo} 已修改并通过校验，可以提交。`)
    await declaration.refresh()
    assert.equal(declaration.status, 'checked')
    assert.equal(declaration.headerData.buyerTelephone, '13900000000')
    const page = await client
      .get(`/tenant/single-window/declarations/${declaration.id}`)
      .loginAs(world.memberA)
    assert.include(page.text(), '已修改并重新校验')

    // Once sent, it can no longer be edited.
    await SwDeclaration.query().where('id', declaration.id).update({ status: '120' })
    const sent = await client.get(url).loginAs(world.memberA).redirects(0)
    sent.assertStatus(302)
    sent.assertFlashMessage('error', '该申报单已发送（状态 120），不能修改；被退单后才可修改重发。')
  })
})

test.group('Single window: tenant isolation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tenant sees, checks and submits only its own declarations; operators read all', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const declaration = await createDoc(world.tenantA.id, 1, 'CEB311')
    const other = await createDoc(world.tenantB.id, 1, 'CEB311', PARTIES_B)

    await assertAccess(client, assert, {
      url: `/tenant/single-window/declarations/${declaration.id}`,
      owner: { user: world.memberA, expect: 200 },
      otherTenant: { user: world.adminB, expect: 404 },
      operator: { user: world.operator, expect: 403 },
      anonymous: 'login',
    })
    for (const action of ['check', 'submit']) {
      const url = `/tenant/single-window/declarations/${declaration.id}/${action}`
      const post = () => client.post(url).withCsrfToken().redirects(0)
      ;(await post().loginAs(world.adminB)).assertStatus(404)
      ;(await post().loginAs(world.operator)).assertStatus(403)
      const anonymous = await post()
      anonymous.assertStatus(302)
      anonymous.assertHeader('location', '/login')
    }
    await declaration.refresh()
    assert.equal(declaration.status, 'checked')
    assert.lengthOf(await SwMessage.query().where('declaration_id', declaration.id), 0)

    await assertAccess(client, assert, {
      url: `/single-window/declarations/${declaration.id}`,
      owner: { user: world.adminA, expect: 403 },
      otherTenant: { user: world.adminB, expect: 403 },
      operator: { user: world.operator, expect: 200 },
      anonymous: 'login',
    })
    const evaluator = await client
      .get(`/single-window/declarations/${declaration.id}`)
      .loginAs(world.evaluator)
    evaluator.assertStatus(200)

    // Lists: each tenant its own, whatever the query string says; operators everyone's.
    const listA = await client.get('/tenant/single-window/declarations').loginAs(world.memberA)
    assert.include(listA.text(), `/tenant/single-window/declarations/${declaration.id}"`)
    assert.notInclude(listA.text(), `/tenant/single-window/declarations/${other.id}"`)
    const crafted = await client
      .get(`/tenant/single-window/declarations?tenantId=${world.tenantB.id}`)
      .loginAs(world.memberA)
    assert.notInclude(crafted.text(), `/tenant/single-window/declarations/${other.id}"`)
    const all = await client.get('/single-window/declarations').loginAs(world.operator)
    assert.include(all.text(), `/single-window/declarations/${declaration.id}"`)
    assert.include(all.text(), `/single-window/declarations/${other.id}"`)
    const onlyB = await client
      .get(`/single-window/declarations?tenantId=${world.tenantB.id}`)
      .loginAs(world.operator)
    assert.notInclude(onlyB.text(), `/single-window/declarations/${declaration.id}"`)
    assert.include(onlyB.text(), `/single-window/declarations/${other.id}"`)
  })

  test('lists filter by type, status and mode, search by number, and say so when empty', async ({
    client,
    assert,
  }) => {
    const world = await makeSwWorld()
    const order = await createDoc(world.tenantA.id, 1, 'CEB311')
    const payment = await createDoc(world.tenantA.id, 1, 'CEB411')
    const get = (qs: string) =>
      client.get(`/tenant/single-window/declarations?${qs}`).loginAs(world.adminA)
    const link = (d: SwDeclaration) => `/tenant/single-window/declarations/${d.id}"`

    const byType = await get('type=CEB411')
    assert.include(byType.text(), link(payment))
    assert.notInclude(byType.text(), link(order))
    // The payment transaction number finds the payment only; the order number finds both
    // documents of that order (the payment carries it).
    const search = await get(`q=${payment.docNo}`)
    assert.include(search.text(), link(payment))
    assert.notInclude(search.text(), link(order))
    const byOrder = await get(`q=${order.docNo}`)
    assert.include(byOrder.text(), link(order))
    assert.include(byOrder.text(), link(payment))
    const released = await get('status=800')
    assert.include(released.text(), '没有符合条件的申报单。')
    const checked = await get('status=checked&mode=9610')
    assert.include(checked.text(), link(order))
    assert.include(checked.text(), link(payment))
    const export9710 = await get('mode=9710')
    assert.notInclude(export9710.text(), link(order))
    const badFilter = await get('status=nonsense').redirects(0)
    badFilter.assertStatus(302)
  })
})
