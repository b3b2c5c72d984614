#!/usr/bin/env node
// The `relais` command: runs the compiled JavaScript that `npm install` (or `npm run build`)
// writes to dist/, so no TypeScript is transpiled at start-up.
try {
  await import('../dist/src/cli/entry.js')
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli/entry.js')) throw error
  process.stderr.write('Relais is not built: run `npm run build` in its folder (npm install and npm ci do it).\n')
  process.exitCode = 1
}
