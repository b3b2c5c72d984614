import t from 'tap'
import { once } from 'node:events'
import { spawn } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { controlSocketPath, ensurePrivateSocketFolder } from '../../src/cli/forward/protocol.ts'
import { join } from 'node:path'
import { collectOutput, relaisArgs, runCli, startCli, type CliResult } from '../helpers/run-cli.ts'
import { TEST_SECRET_KEY } from '../helpers/test-secrets.ts'

// With the embedded database, `relais serve` owns the data folder; every other command run beside
// it goes through it, as the README's two terminals say: same output, same exit code, and what it
// does is there for the running service at once.
const embeddedOnly = { skip: process.env.DATABASE_URL ? 'embedded database only (runs in the suite without DATABASE_URL)' : false }

t.test('commands run beside relais serve go through it', embeddedOnly, async (t) => {
  const records = [
    { type: 'account', network: 'mastodon', id: 'ada@piaille.example', handle: 'ada@piaille.example' },
    { type: 'post', network: 'mastodon', id: 'https://piaille.example/1', authorId: 'ada@piaille.example', createdAt: '2026-12-01T10:00:00Z', text: 'Le vélo en ville' },
  ].map((r) => JSON.stringify(r)).join('\n') + '\n'
  const callerDir = t.testdir({ 'records.ndjson': records, data: {} })
  const dataDir = join(callerDir, 'data')
  const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0', SCHEDULER: 'off' }
  const server = startCli(['serve'], env)
  t.teardown(() => { server.kill('SIGKILL') })
  let stderr = ''
  server.stderr!.on('data', (d) => (stderr += d))
  while (!/listening on (http:\/\/\S+)/.test(stderr)) {
    if (server.exitCode !== null) { t.fail(`serve exited: ${stderr}`); return }
    await new Promise((r) => setTimeout(r, 100))
  }
  const base = /listening on (http:\/\/\S+)/.exec(stderr)![1]

  const workspace = await runCli(['workspace', 'create', 'Équipe vélo'], env)
  t.equal(workspace.code, 0, workspace.stderr)
  const workspaceId = workspace.stdout.trim()
  t.match(workspaceId, /^[0-9a-f-]{36}$/, 'the workspace id is printed on standard output, as without a service')
  t.match(workspace.stderr, /Workspace "Équipe vélo" created/)

  const key = await runCli(['key', 'create', '--workspace', workspaceId, '--scopes', 'admin'], env)
  t.equal(key.code, 0, key.stderr)
  const secret = key.stdout.trim().split('\n')[0]
  const topics = await fetch(`${base}/v1/topics`, { headers: { authorization: `Bearer ${secret}` } })
  t.equal(topics.status, 200, 'the running service accepts the key at once, with no restart')

  // A relative path is read from the caller's folder; standard input goes along with `-`.
  const fromFile = await run(['import', 'records.ndjson', '--workspace', workspaceId], env, { cwd: callerDir })
  t.equal(fromFile.code, 0, fromFile.stderr)
  t.match(fromFile.stderr, /Imported 2 lines: 1 account, 1 post/)
  const fromStdin = await run(['import', '-', '--workspace', workspaceId], env, { stdin: records.replace('Le vélo', 'Un vélo').replace('piaille.example/1', 'piaille.example/2') })
  t.equal(fromStdin.code, 0, fromStdin.stderr)

  const exported = await runCli(['export', '--workspace', workspaceId], env)
  t.equal(exported.code, 0, exported.stderr)
  const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string })
  t.same(lines.map((l) => l.type), ['account', 'post', 'post'], 'the export comes back on standard output, whole')
  t.same(lines.slice(1).map((l) => l.text).sort(), ['Le vélo en ville', 'Un vélo en ville'], 'both imports are there: the file and standard input')

  const missing = await runCli(['key', 'create', '--workspace', '00000000-0000-4000-8000-000000000000', '--scopes', 'read'], env)
  t.equal(missing.code, 1, 'a failing command keeps its exit code')
  t.match(missing.stderr, /No workspace/)
  const usage = await runCli(['import', '--workspace', workspaceId], env)
  t.equal(usage.code, 2, 'a usage mistake keeps its exit code')

  const migrate = await runCli(['migrate'], env)
  t.equal(migrate.code, 0, migrate.stderr)
  t.match(migrate.stderr, /is up to date/, 'migrate goes through too (the service brought the schema up to date when it started)')

  const rotate = await runCli(['secrets', 'rotate'], env)
  t.equal(rotate.code, 1, 'secrets rotate changes what the service holds in memory: it is refused while it runs')
  t.match(rotate.stderr, /in use by another relais process/)

  server.kill('SIGTERM')
  const [code] = await once(server, 'exit')
  t.equal(code, 0)
  t.notOk(existsSync(controlSocketPath(dataDir)), 'the control socket goes away with the service')
  const after = await runCli(['workspace', 'create', 'Seule'], env)
  t.equal(after.code, 0, 'with no service, commands open the folder themselves again')
})

t.test('a control socket left by a killed service does not get in the way', embeddedOnly, async (t) => {
  const dataDir = t.testdir()
  const socket = controlSocketPath(dataDir)
  ensurePrivateSocketFolder(socket)
  writeFileSync(socket, '') // not a socket anybody listens on
  t.teardown(() => rmSync(socket, { force: true }))
  const result = await runCli(['workspace', 'create', 'W'], { DATA_DIR: dataDir, DATABASE_URL: undefined })
  t.equal(result.code, 0, result.stderr)
})

function run(args: string[], env: Record<string, string | undefined>, options: { cwd?: string; stdin?: string }): Promise<CliResult> {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', SECRET_KEY: TEST_SECRET_KEY, ...env }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  const child = spawn(process.execPath, relaisArgs(args), { env: merged, cwd: options.cwd, stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
  if (options.stdin !== undefined) child.stdin!.end(options.stdin)
  return new Promise((resolve, reject) => collectOutput(child, resolve, reject))
}
