import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for the complaint forms: field names and field-specific messages come
 * from `complaints.fields` / `complaints.validation`, everything else from the shared messages.
 */
export function complaintMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const own = i18n.resolveIdentifier(`complaints.fields.${field.name}`)
      const name = own ? i18n.formatRawMessage(own.message) : String(field.name)
      const specific = i18n.resolveIdentifier(`complaints.validation.${field.wildCardPath}.${rule}`)
      if (specific) return i18n.formatRawMessage(specific.message, { field: name, ...meta })
      // The shared provider looks the name up again and, finding nothing, keeps it as given.
      return shared.getMessage(defaultMessage, rule, { ...field, name } as FieldContext, meta)
    },
  }
}
