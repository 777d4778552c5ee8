/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for ace commands
|--------------------------------------------------------------------------
|
| Node cannot run the TypeScript sources by itself: register the ts-exec
| hook, then hand over to bin/console.ts. The Node version is checked
| first because Node < 24 fails later with a misleading error.
|
*/
import { createRequire } from 'node:module'

createRequire(import.meta.url)('./scripts/check_node.cjs')

await import('@poppinss/ts-exec')
await import('./bin/console.js')
