import edge from 'edge.js'
import { Decimal } from 'decimal.js'
import { statusWords } from '#single_window/receipts/status_catalogue'

/**
 * Edge globals of the single-window pages: `swStatusWords(i18n, code, info)` gives a status in
 * plain words (label, official meaning, next step, tone) from the status catalogue; `swAmount`
 * shows a DECIMAL amount with two decimals without ever going through a float.
 */
edge.global('swStatusWords', statusWords)
edge.global('swAmount', (value: string | null | undefined) => {
  if (value === null || value === undefined || value === '') return ''
  try {
    return new Decimal(value).toFixed(2)
  } catch {
    return String(value)
  }
})
