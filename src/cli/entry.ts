// The process entry of `relais` (bin/relais.js runs its compiled form; tests run it through tsx).
// `natural` must not print its dotenv banner into CLI output, so the variable is set before
// anything that could load it is imported.
process.env.DOTENV_CONFIG_QUIET = 'true'
const { main } = await import('./main.ts')
process.exitCode = await main(process.argv.slice(2))
