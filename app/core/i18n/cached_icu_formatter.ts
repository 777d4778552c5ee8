import { IntlMessageFormat } from 'intl-messageformat'
import type { TranslationsFormatterContract } from '@adonisjs/i18n/types'

/**
 * ICU formatting with the parsed message kept: the stock formatter parses every message on
 * every call, which cost a page render several milliseconds. Messages are a fixed set, so the
 * cache is bounded by the translation files.
 */
export class CachedIcuFormatter implements TranslationsFormatterContract {
  readonly name = 'icu'
  #cache = new Map<string, IntlMessageFormat>()

  format(message: string, locale: string, data?: Record<string, any>) {
    const key = `${locale}\u0000${message}`
    let formatter = this.#cache.get(key)
    if (!formatter) {
      formatter = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true })
      this.#cache.set(key, formatter)
    }
    return formatter.format(data ?? {}) as string
  }
}
