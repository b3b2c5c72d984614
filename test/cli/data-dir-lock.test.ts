import t from 'tap'
import { once } from 'node:events'
import { runCli, startCli } from '../helpers/run-cli.ts'

// The embedded database's own behaviour: the same with or without DATABASE_URL, so it runs once,
// in the suite without it.
const embeddedOnly = { skip: process.env.DATABASE_URL ? 'embedded database only (runs in the suite without DATABASE_URL)' : false }

t.test('a second process refuses the embedded data folder while the first holds it', embeddedOnly, async (t) => {
  const dataDir = t.testdir()
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0', SCHEDULER: 'off' }
  const server = startCli(['serve'], env)
  t.teardown(() => { server.kill('SIGKILL') })
  let stderr = ''
  server.stderr!.on('data', (d) => (stderr += d))
  while (!/listening on/.test(stderr)) {
    if (server.exitCode !== null) t.fail(`serve exited: ${stderr}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // Other commands go through the running service (test/cli/commands-beside-serve.test.ts);
  // `secrets rotate` changes the keys it holds in memory, so it opens the folder itself and is refused.
  const second = await runCli(['secrets', 'rotate'], env)
  t.equal(second.code, 1)
  t.match(second.stderr, new RegExp(`in use by another relais process \\(pid ${server.pid}, "relais serve"`))

  server.kill('SIGTERM')
  const [code] = await once(server, 'exit')
  t.equal(code, 0, 'serve stops cleanly on SIGTERM')
  const third = await runCli(['workspace', 'create', 'W'], env)
  t.equal(third.code, 0, 'the folder is free again once the holder stopped')
})

t.test('a lock left by a killed process does not block the folder', embeddedOnly, async (t) => {
  const dataDir = t.testdir()
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0', SCHEDULER: 'off' }
  const server = startCli(['serve'], env)
  let stderr = ''
  server.stderr!.on('data', (d) => (stderr += d))
  while (!/listening on/.test(stderr)) await new Promise((r) => setTimeout(r, 100))
  server.kill('SIGKILL')
  await once(server, 'exit')
  const after = await runCli(['workspace', 'create', 'W'], env)
  t.equal(after.code, 0, after.stderr)
})
