/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** Upper-cases and strips spaces, the way people type a USCC. */
export function normalizeUscc(value: string) {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  return ALPHABET[(31 - (sum % 31)) % 31]
}

/** Whether the code has the GB 32100 shape and a correct check character. */
export function isValidUscc(value: string) {
  return SHAPE.test(value) && usccCheckChar(value.slice(0, 17)) === value[17]
}
