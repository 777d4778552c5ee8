import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for the service desk forms: field names come from `service_desk.fields`,
 * field-specific messages from `service_desk.validation`, everything else from the shared ones.
 */
export function serviceDeskMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const own = i18n.resolveIdentifier(`service_desk.fields.${field.name}`)
      const name = own ? i18n.formatRawMessage(own.message) : String(field.name)
      const specific = i18n.resolveIdentifier(
        `service_desk.validation.${field.wildCardPath}.${rule}`
      )
      if (specific) return i18n.formatRawMessage(specific.message, { field: name, ...meta })
      return shared.getMessage(defaultMessage, rule, { ...field, name } as FieldContext, meta)
    },
  }
}
