import { Decimal } from 'decimal.js'

/**
 * Amounts are decimals end to end (issue 6: DECIMAL, never floats). MySQL returns DECIMAL columns as
 * strings; SQLite returns them as numbers, which `String()` turns back into the shortest exact text for
 * the ≤15 significant digits real amounts have. The model exposes them as strings either way.
 */
export const decimalColumn = {
  consume: (value: unknown) =>
    value === null || value === undefined ? null : new Decimal(value as string).toFixed(),
  prepare: (value: unknown) =>
    value === null || value === undefined || value === '' ? null : String(value),
}

/** A decimal from form/XML text; throws on anything that is not a plain decimal number. */
export const dec = (value: string | number | Decimal) => new Decimal(value)

/** Text for XML: no exponent, no trailing zeros beyond what the value has. */
export const decText = (value: Decimal) => value.toFixed()

export { Decimal }
