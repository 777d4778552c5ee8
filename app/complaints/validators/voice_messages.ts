import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for the consultation, FAQ and poll forms: field names and field-specific
 * messages from `<namespace>.fields` / `<namespace>.validation`, the rest from the shared ones.
 */
export function voiceMessages(
  i18n: I18n,
  namespace: 'consultations' | 'faq' | 'polls'
): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const own = i18n.resolveIdentifier(`${namespace}.fields.${field.name}`)
      const name = own ? i18n.formatRawMessage(own.message) : String(field.name)
      const specific = i18n.resolveIdentifier(
        `${namespace}.validation.${field.wildCardPath}.${rule}`
      )
      if (specific) return i18n.formatRawMessage(specific.message, { field: name, ...meta })
      return shared.getMessage(defaultMessage, rule, { ...field, name } as FieldContext, meta)
    },
  }
}
