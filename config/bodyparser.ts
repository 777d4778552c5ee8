import { defineConfig } from '@adonisjs/core/bodyparser'
import { uploadLimitMb } from '#config/uploads'

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    // The per-file limit is checked again in the attachment service with a translated message.
    limit: `${uploadLimitMb + 1}mb`,
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
