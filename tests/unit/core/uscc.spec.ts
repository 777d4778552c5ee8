import { test } from '@japa/runner'
import { isValidUscc, normalizeUscc, usccCheckChar } from '#core/uscc'
import { registrationValidator } from '#core/validators/registration_validator'

test.group('USCC (GB 32100)', () => {
  test('accepts a code whose check character is right', ({ assert }) => {
    // The example printed in many licences; its check character is 3.
    assert.isTrue(isValidUscc('91350100M000100Y43'))
    assert.equal(usccCheckChar('91350100M000100Y4'), '3')
  })

  test('refuses a wrong check character, a wrong length and letters outside the alphabet', ({
    assert,
  }) => {
    assert.isFalse(isValidUscc('91350100M000100Y44'))
    assert.isFalse(isValidUscc('91350100M000100Y4'))
    assert.isFalse(isValidUscc('91350100M000I00Y43'))
  })

  test('normalises spaces and lower case', ({ assert }) => {
    assert.equal(normalizeUscc(' 91350100m000 100y43 '), '91350100M000100Y43')
  })

  test('the validator reports length and checksum separately', async ({ assert }) => {
    const base = {
      userCategory: 'other',
      unitName: '测试公司',
      legalRepresentative: '张三',
      contactPerson: '李四',
      mobile: '13800138000',
      email: 'a@b.cn',
      password: 'Abcdef12',
      passwordConfirmation: 'Abcdef12',
    }
    const short = await registrationValidator.tryValidate({ ...base, uscc: '913501' })
    assert.equal(short[0]?.messages[0].rule, 'uscc.length')
    const wrong = await registrationValidator.tryValidate({ ...base, uscc: '91350100M000100Y44' })
    assert.equal(wrong[0]?.messages[0].rule, 'uscc.checksum')
    const [, ok] = await registrationValidator.tryValidate({
      ...base,
      uscc: '91350100m000100y43',
      mobile: '+86 138-0013-8000',
    })
    assert.equal(ok?.uscc, '91350100M000100Y43')
    assert.equal(ok?.mobile, '13800138000')
  })
})
