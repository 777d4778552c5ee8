import { test } from '@japa/runner'
import {
  checkDocument,
  completeDocument,
  type ProfileIdentity,
} from '#single_window/checks/document_checks'
import { checkRecordFields } from '#single_window/checks/field_checks'
import { personalLimits, threeDocumentMatch } from '#single_window/checks/business_checks'
import { DEMO_PARTIES, demoExportShipment, demoImportParcel } from '#single_window/demo_data'
import type { CheckProblem } from '#single_window/checks/problem'

const profile: ProfileIdentity = {
  copCode: DEMO_PARTIES.ebcCode,
  copName: DEMO_PARTIES.ebcName,
  roles: ['ebc', 'ebp', 'agent'],
  ebpCode: DEMO_PARTIES.ebpCode,
  ebpName: DEMO_PARTIES.ebpName,
}
const keys = (problems: CheckProblem[]) => problems.map((p) => `${p.field}:${p.key}`)
const errors = (problems: CheckProblem[]) => problems.filter((p) => p.level === 'error')

test.group('Single window: field checks against the XSD', () => {
  test('the demo documents pass every field check', ({ assert }) => {
    for (const doc of [
      ...demoImportParcel(1),
      ...demoImportParcel(2, undefined, '1210'),
      ...demoExportShipment(1),
    ]) {
      assert.deepEqual(checkRecordFields(doc.messageType, doc.head, doc.lines), [], doc.messageType)
    }
  })

  test('required, length, decimal digits, integer, date and time are checked per field', ({
    assert,
  }) => {
    const [order] = demoImportParcel(1)
    const head = {
      ...order.head,
      orderNo: '',
      ebpCode: 'X'.repeat(19),
      acturalPaid: '12.123456',
      goodsValue: '12345678901234567890.5',
      consigneeDistrict: '44030',
      appTime: '20261301103000',
      freight: 'abc',
      discount: '-1',
    }
    const lines = [{ ...order.lines[0], gnum: 'x' }]
    const found = keys(checkRecordFields('CEB311', head, lines))
    assert.includeMembers(found, [
      'orderNo:check.required',
      'ebpCode:check.max_length',
      'acturalPaid:check.fraction_digits',
      'goodsValue:check.total_digits',
      'consigneeDistrict:check.length',
      'appTime:check.time',
      'freight:check.decimal',
      'discount:check.negative',
      'gnum:check.integer',
    ])
    const lineProblem = checkRecordFields('CEB311', head, lines).find((p) => p.field === 'gnum')
    assert.equal(lineProblem?.line, 1)
  })

  test('code lists: currency, country, unit, business mode; import documents in RMB only', ({
    assert,
  }) => {
    const inv = demoImportParcel(1)[3]
    const head = { ...inv.head, tradeMode: '0110', country: '999', currency: '502' }
    const lines = [{ ...inv.lines[0], unit: '999' }]
    const found = keys(checkRecordFields('CEB621', head, lines))
    assert.includeMembers(found, [
      'tradeMode:check.code_list',
      'country:check.code_list',
      'currency:check.currency_cny',
      'unit:check.code_list',
    ])
    assert.notInclude(found, 'currency:check.code_list')
  })

  test('lengths count characters, not bytes or UTF-16 units', ({ assert }) => {
    const order = demoImportParcel(1)[0]
    const ok = { ...order.head, buyerName: '𠮷'.repeat(60) }
    assert.notInclude(
      keys(checkRecordFields('CEB311', ok, order.lines)),
      'buyerName:check.max_length'
    )
    const tooLong = { ...order.head, buyerName: '张'.repeat(61) }
    assert.include(
      keys(checkRecordFields('CEB311', tooLong, order.lines)),
      'buyerName:check.max_length'
    )
  })
})

test.group('Single window: business rules', () => {
  test('acturalPaid = goodsValue + freight + taxTotal − discount, compared as decimals', ({
    assert,
  }) => {
    const [order] = demoImportParcel(1)
    assert.deepEqual(errors(checkDocument('CEB311', '9610', order.head, order.lines, profile)), [])
    const equalAsDecimal = { ...order.head, acturalPaid: `${order.head.acturalPaid}000` }
    assert.deepEqual(
      errors(checkDocument('CEB311', '9610', equalAsDecimal, order.lines, profile)),
      []
    )
    const off = { ...order.head, acturalPaid: '0.01' }
    const problem = checkDocument('CEB311', '9610', off, order.lines, profile).find(
      (p) => p.key === 'check.paid_formula'
    )
    assert.equal(
      problem?.data?.expected,
      order.head.acturalPaid.replace(/0+$/, '').replace(/\.$/, '')
    )
  })

  test('0.1 + 0.2 is 0.3: amounts never go through floats', ({ assert }) => {
    const [order] = demoImportParcel(1)
    const lines = [
      { ...order.lines[0], qty: '1', price: '0.1', totalPrice: '0.1' },
      { ...order.lines[0], gnum: '2', qty: '1', price: '0.2', totalPrice: '0.2' },
    ]
    const head = {
      ...order.head,
      goodsValue: '0.3',
      freight: '0',
      taxTotal: '0',
      discount: '0',
      acturalPaid: '0.3',
    }
    assert.deepEqual(errors(checkDocument('CEB311', '9610', head, lines, profile)), [])
  })

  test('line total = qty × price; gnum runs 1, 2, 3', ({ assert }) => {
    const [order] = demoImportParcel(1)
    const lines = [{ ...order.lines[0], gnum: '2', totalPrice: '1.00' }]
    const found = keys(checkDocument('CEB311', '9610', order.head, lines, profile))
    assert.includeMembers(found, ['totalPrice:check.line_total', 'gnum:check.gnum_sequence'])
  })

  test('bonded import (1210) needs emsNo, areaCode and item record numbers; direct mail (9610) the bill', ({
    assert,
  }) => {
    const bonded = demoImportParcel(2, undefined, '1210')[3]
    const head = { ...bonded.head, emsNo: '' }
    const lines = bonded.lines.map((l) => ({ ...l, itemRecordNo: '' }))
    const found = keys(checkDocument('CEB621', '1210', head, lines, profile))
    assert.includeMembers(found, [
      'emsNo:check.required_for_mode',
      'itemRecordNo:check.required_for_mode',
    ])
    const direct = demoImportParcel(1)[3]
    const noBill = { ...direct.head, billNo: '' }
    assert.include(
      keys(checkDocument('CEB621', '9610', noBill, direct.lines, profile)),
      'billNo:check.required_for_mode'
    )
  })

  test('a tenant declares only in its own name and only documents its roles may send', ({
    assert,
  }) => {
    const inv = demoImportParcel(1)[3]
    const other = { ...inv.head, ebcCode: '4403660B02', agentCode: '4403660B02' }
    assert.include(
      keys(checkDocument('CEB621', '9610', other, inv.lines, profile)),
      'ebcCode:check.not_own_party'
    )
    const payment = demoImportParcel(1)[1]
    assert.include(
      keys(checkDocument('CEB411', '9610', payment.head, [], profile)),
      'messageType:check.role'
    )
  })

  test('completing a head fills the fixed values and the own party, never overwrites input', ({
    assert,
  }) => {
    const { head } = completeDocument(
      'CEB621',
      '9610',
      { orderNo: ' A1 ', copNo: 'C1' },
      [{ gname: 'x' }],
      profile
    )
    assert.equal(head.orderNo, 'A1')
    assert.equal(head.appType, '1')
    assert.equal(head.appStatus, '2')
    assert.match(head.appTime, /^\d{14}$/)
    assert.equal(head.ieFlag, 'I')
    assert.equal(head.currency, '142')
    assert.equal(head.tradeMode, '9610')
    assert.equal(head.ebcCode, DEMO_PARTIES.ebcCode)
    const kept = completeDocument('CEB621', '9610', { ebcCode: 'OTHER' }, [], profile)
    assert.equal(kept.head.ebcCode, 'OTHER')
  })
})

test.group('Single window: three-document match (三单对碰)', () => {
  const parcel = (n = 1) => {
    const [order, payment, waybill, inventory] = demoImportParcel(n)
    return {
      inventory: { head: inventory.head, lines: inventory.lines },
      order: { head: order.head, lines: order.lines },
      payment: { head: payment.head },
      waybill: { head: waybill.head },
    }
  }

  test('the demo parcel matches', ({ assert }) => {
    assert.deepEqual(threeDocumentMatch(parcel(1)), [])
    assert.deepEqual(threeDocumentMatch(parcel(2)), [])
  })

  test('missing documents are reported', ({ assert }) => {
    const p = parcel()
    const found = keys(threeDocumentMatch({ inventory: p.inventory }))
    assert.sameMembers(found, [
      'orderNo:match.order_missing',
      'orderNo:match.payment_missing',
      'logisticsNo:match.waybill_missing',
    ])
  })

  test('acturalPaid must equal the payment amountPaid', ({ assert }) => {
    const p = parcel()
    p.payment.head = { ...p.payment.head, amountPaid: '1.00' }
    assert.include(keys(threeDocumentMatch(p)), 'acturalPaid:match.amount_paid')
  })

  test('buyer, payer, consignee and goods lines must agree', ({ assert }) => {
    const p = parcel(3)
    p.inventory.head = { ...p.inventory.head, buyerIdNumber: '110101199001011111' }
    p.payment.head = { ...p.payment.head, payerName: '别人' }
    p.waybill.head = { ...p.waybill.head, consigneeTelephone: '13000000000' }
    p.inventory.lines = [{ ...p.inventory.lines[0], qty: '9', totalPrice: '9999' }]
    const found = keys(threeDocumentMatch(p))
    assert.includeMembers(found, [
      'buyerIdNumber:match.buyer',
      'payerName:match.payer',
      'consigneeTelephone:match.consignee',
      'qty:match.line_field',
      'totalPrice:match.line_field',
    ])
    assert.lengthOf(parcel(3).order.lines, 2)
    assert.include(found, 'InventoryList:match.line_count')
  })
})

test.group('Single window: personal limits for retail import', () => {
  const line = (total: string) => ({ gnum: '1', totalPrice: total })

  test('¥5,000 per order: 5,000.00 passes, 5,000.01 is flagged', ({ assert }) => {
    assert.deepEqual(personalLimits([line('5000.00')], 0), [])
    assert.deepEqual(keys(personalLimits([line('5000.01')], 0)), ['totalPrice:limit.order'])
  })

  test('¥26,000 per buyer per year, counting what is already declared', ({ assert }) => {
    assert.deepEqual(personalLimits([line('1000')], '25000'), [])
    const over = personalLimits([line('1000.01')], '25000')
    assert.deepEqual(keys(over), ['buyerIdNumber:limit.annual'])
    assert.equal(over[0].data?.total, '26000.01')
  })
})
