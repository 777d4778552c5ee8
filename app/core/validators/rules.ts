import vine, { VineString } from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { isValidUscc, normalizeUscc } from '#core/uscc'

/** Chinese mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

const usccRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const normalized = normalizeUscc(value)
  field.mutate(normalized, field)
  if (normalized.length !== 18) {
    field.report('The {{ field }} must be 18 characters', 'uscc.length', field)
  } else if (!isValidUscc(normalized)) {
    field.report('The {{ field }} check digit is wrong', 'uscc.checksum', field)
  }
})

const mobileRule = vine.createRule((value: unknown, _: undefined, field: FieldContext) => {
  if (typeof value !== 'string') return
  const normalized = value.replace(/[\s-]/g, '').replace(/^\+?86/, '')
  field.mutate(normalized, field)
  if (!MOBILE_PATTERN.test(normalized))
    field.report('The {{ field }} is not a mobile number', 'mobile', field)
})

declare module '@vinejs/vine' {
  interface VineString {
    uscc(): this
    mobile(): this
  }
}

VineString.macro('uscc', function (this: VineString) {
  return this.use(usccRule())
})
VineString.macro('mobile', function (this: VineString) {
  return this.use(mobileRule())
})
