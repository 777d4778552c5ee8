import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

/**
 * Schema-generation rules (database/schema.ts). Single-window amounts are DECIMAL(19,5) and stay
 * strings in JS (issue 6: never floats): the models convert with `decimalColumn`. Named per column
 * because SQLite reports DECIMAL columns with a numeric type.
 */
const decimalAsString = { tsType: 'string', decorators: [{ name: '@column' }] }

export default {
  tables: {
    sw_declarations: { columns: { amount: decimalAsString } },
    sw_declaration_lines: {
      columns: { qty: decimalAsString, price: decimalAsString, total_price: decimalAsString },
    },
  },
} satisfies SchemaRules
