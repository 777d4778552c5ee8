import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  {
    ignores: ['build/**', '.tools/**', 'tmp/**', 'storage/**', '.adonisjs/**', 'database/schema.ts', 'public/vendor/**'],
  },
  {
    // `(await query).field` reads well in tests and services; the rule only adds temporaries.
    rules: { '@unicorn/no-await-expression-member': 'off' },
  }
)
