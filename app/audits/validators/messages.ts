import type { I18n } from '@adonisjs/i18n'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Validation messages for the audit workspace forms: field names and field-specific messages
 * come from `audits_web.fields` / `audits_web.validation`, everything else from the shared ones.
 */
export function auditWebMessages(i18n: I18n): MessagesProviderContact {
  const shared = i18n.createMessagesProvider()
  return {
    getMessage(defaultMessage: string, rule: string, field: FieldContext, meta?: any) {
      const own = i18n.resolveIdentifier(`audits_web.fields.${field.name}`)
      const name = own ? i18n.formatRawMessage(own.message) : String(field.name)
      const specific = i18n.resolveIdentifier(`audits_web.validation.${field.wildCardPath}.${rule}`)
      if (specific) return i18n.formatRawMessage(specific.message, { field: name, ...meta })
      return shared.getMessage(defaultMessage, rule, { ...field, name } as FieldContext, meta)
    },
  }
}
