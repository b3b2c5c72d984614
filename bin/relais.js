#!/usr/bin/env node
// The `relais` command. TypeScript sources run through tsx; `natural` must not print its dotenv
// banner into CLI output, so the variable is set before anything loads it.
process.env.DOTENV_CONFIG_QUIET = 'true'
const { register } = await import('tsx/esm/api')
register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
