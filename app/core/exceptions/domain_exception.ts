import { Exception } from '@adonisjs/core/exceptions'

/**
 * A business rule said no. `message` is an i18n key; `data` fills its placeholders.
 * The handler flashes it back to the form (HTML) or answers 422 JSON; nothing was changed.
 */
export default class DomainException extends Exception {
  constructor(
    key: string,
    public data: Record<string, unknown> = {},
    options: { status?: number; code?: string; field?: string } = {}
  ) {
    super(key, { status: options.status ?? 422, code: options.code ?? 'E_DOMAIN' })
    this.field = options.field
  }
  field?: string
}
