import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for the single-window forms: field names from `sw_web.fields` (the CEB
 * element names and the form's own fields), field-specific messages from `sw_web.validation`,
 * everything else from the shared messages.
 */
export function swMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const own = i18n.resolveIdentifier(`sw_web.fields.${field.name}`)
      const name = own ? i18n.formatRawMessage(own.message) : String(field.name)
      const specific = i18n.resolveIdentifier(`sw_web.validation.${field.wildCardPath}.${rule}`)
      if (specific) return i18n.formatRawMessage(specific.message, { field: name, ...meta })
      return shared.getMessage(defaultMessage, rule, { ...field, name } as FieldContext, meta)
    },
  }
}
