import t from 'tap'
import { ConfigError, loadConfig } from '../../src/platform/config/index.ts'
import { runCli } from '../helpers/run-cli.ts'

t.test('defaults: embedded database in ./data, port 3000, scheduler on', async (t) => {
  const config = loadConfig({})
  t.same(config.database, { url: undefined, dataDir: './data' })
  t.equal(config.http.port, 3000)
  t.equal(config.scheduler, true)
  t.equal(config.streaming, true, 'live collection on in relais serve')
  t.ok(Object.isFrozen(config) && Object.isFrozen(config.http), 'frozen')
})

t.test('every bad variable is named in one readable error', async (t) => {
  const error = t.throws(() => loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x/y', SCHEDULER: 'maybe', LOG_LEVEL: 'loud' })) as ConfigError
  t.ok(error instanceof ConfigError)
  t.match(error.message, /PORT/)
  t.match(error.message, /DATABASE_URL: must be a postgres/)
  t.match(error.message, /SCHEDULER.*"maybe"/)
  t.match(error.message, /LOG_LEVEL/)
})

t.test('STREAMING=off turns live collection off in relais serve; another value is refused', async (t) => {
  t.equal(loadConfig({ STREAMING: 'off' }).streaming, false)
  t.match((t.throws(() => loadConfig({ STREAMING: 'maybe' })) as ConfigError).message, /STREAMING.*"maybe"/)
})

t.test('an empty variable counts as unset', async (t) => {
  t.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).database.url, undefined)
})

t.test('relais exits with code 1 and the message on a bad environment', async (t) => {
  const result = await runCli(['migrate'], { PORT: 'eighty', DATABASE_URL: undefined, DATA_DIR: t.testdir() })
  t.equal(result.code, 1)
  t.match(result.stderr, /Invalid configuration:\s+- PORT/)
  t.equal(result.stdout, '')
})
