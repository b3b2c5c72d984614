import t, { type Test } from 'tap'
import { lockDataDir } from '../../src/platform/db/data-dir-lock.ts'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openTestDatabase } from '../helpers/database.ts'
import { collectOutput, relaisArgs, runCli, type CliResult } from '../helpers/run-cli.ts'
import { main } from '../../src/cli/main.ts'
import { recordSet } from '../interchange/fixtures/interchange-io.ts'

// `relais import` and `relais export` as a person runs them: against an embedded database in a
// temporary folder, or a fresh database on the server of DATABASE_URL when it is set. Each
// process costs a start-up, so one scenario chains the commands.
async function environment(t: Test, dir: string): Promise<Record<string, string | undefined>> {
  const env: Record<string, string | undefined> = { DATA_DIR: join(dir, 'data') }
  if (process.env.DATABASE_URL) env.DATABASE_URL = (await openTestDatabase(t)).url
  return env
}

const records = [
  { type: 'post', network: 'instagram', id: 'p2', authorId: 'bob', createdAt: '2024-05-01T09:30:00.000Z', text: 'Merci @alice.rides !', replyTo: 'p1', lang: 'fr', likes: 0, reposts: 0, replies: 0 },
  { type: 'account', network: 'instagram', id: 'alice', handle: 'alice.rides', displayName: 'Alice', followersCount: 120, followingCount: 80, postsCount: 12, bio: 'Vélotaf' },
  { type: 'account', network: 'instagram', id: 'bob', handle: 'bob', avatar: 'ignored' },
  { type: 'post', network: 'instagram', id: 'p1', authorId: 'alice', createdAt: '2024-05-01T08:00:00.000Z', text: 'Nouvelle piste #velo', lang: 'fr', likes: 4, reposts: 1, replies: 1 },
  { type: 'follow', network: 'instagram', followerId: 'bob', followeeId: 'alice' },
]
const file = records.map((r) => JSON.stringify(r)).join('\n')

t.test('import a file with a bad line, export it back, import again from standard input', async (t) => {
  const dir = t.testdir()
  const env = await environment(t, dir)
  const created = await runCli(['workspace', 'create', 'Imports'], env)
  t.equal(created.code, 0, created.stderr)
  const id = created.stdout.trim()
  const path = join(dir, 'in.ndjson')
  const lines = file.split('\n')
  writeFileSync(path, [...lines.slice(0, 2), '{"type":"post","network":"instagram","id":"p9","createdAt":"soon"}', ...lines.slice(2)].join('\n'))

  const imported = await runCli(['import', path, '--workspace', id], env)
  t.equal(imported.code, 0, imported.stderr)
  t.match(imported.stderr, /^line 3: post: createdAt must be an ISO-8601 date-time/m)
  t.match(imported.stderr, 'Imported 6 lines: 2 accounts, 2 posts, 1 follow; 1 line skipped')

  const exported = await runCli(['export', '--workspace', id], env)
  t.equal(exported.code, 0, exported.stderr)
  t.match(exported.stderr, 'Exported 2 accounts, 2 posts, 1 follow.')
  t.same(recordSet(exported.stdout), recordSet(file))
  t.match(exported.stdout, /^\{"type":"account","network":"instagram","id":"alice"/, 'accounts first, type first')

  // "-" reads standard input; past 100 bad lines only their count is printed.
  const input = [...Array.from({ length: 130 }, (_, i) => `bad line ${i}`), file].join('\n')
  const piped = await runWithInput(['import', '-', '--workspace', id], env, input)
  t.equal(piped.code, 0, piped.stderr)
  t.equal(piped.stderr.match(/^line \d+: /gm)?.length, 100)
  t.match(piped.stderr, /^line 100: not valid JSON/m)
  t.match(piped.stderr, '… 30 more bad lines not shown.')
  t.match(piped.stderr, 'Imported 135 lines: 2 accounts, 2 posts, 1 follow; 130 lines skipped')

  const unknown = await runCli(['import', path, '--workspace', '00000000-0000-0000-0000-000000000000'], env)
  t.equal(unknown.code, 1)
  t.match(unknown.stderr, /No workspace with id 00000000-0000-0000-0000-000000000000/)
})

t.test('usage mistakes exit with 2, a file that cannot be read with 1, before any database is opened', async (t) => {
  const dir = t.testdir()
  const expect = async (args: string[], code: number, message: RegExp) => {
    const errors: string[] = []
    const result = await main(args, { out: () => {}, err: (line) => errors.push(line), interactive: false })
    t.equal(result, code, `relais ${args.join(' ')}`)
    t.match(errors.join('\n'), message)
  }
  const id = '00000000-0000-0000-0000-000000000000'
  await expect(['import', '--workspace', id], 2, /relais import FILE\.ndjson --workspace ID/)
  await expect(['import', 'a.ndjson'], 2, /relais import FILE\.ndjson --workspace ID/)
  await expect(['import', 'a.ndjson', 'b.ndjson', '--workspace', id], 2, /one FILE and --workspace are required/)
  await expect(['import', 'a.ndjson', '--workspace', id, '--frobnicate'], 2, /Unknown option '--frobnicate'/)
  await expect(['export'], 2, /relais export --workspace ID/)
  await expect(['export', '--workspace', id, 'out.ndjson'], 2, /records go to standard output/)
  await expect(['import', join(dir, 'missing.ndjson'), '--workspace', id], 1, /Cannot read .*missing\.ndjson: ENOENT/)
  await expect(['import', dir, '--workspace', id], 1, /not a file/)
})

t.test('import refuses an embedded data folder another process holds', { skip: process.env.DATABASE_URL ? 'embedded database only' : false }, async (t) => {
  const dir = t.testdir()
  const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: undefined }
  const path = join(dir, 'in.ndjson')
  writeFileSync(path, file)
  // Held by a process that serves no commands (another import, say): a running `relais serve`
  // takes the command instead (test/cli/commands-beside-serve.test.ts).
  const lock = lockDataDir(join(dir, 'data'), 'relais import')
  t.teardown(() => lock.release())
  const refused = await runCli(['import', path, '--workspace', '00000000-0000-0000-0000-000000000000'], env)
  t.equal(refused.code, 1)
  t.match(refused.stderr, new RegExp(`in use by another relais process \\(pid ${process.pid}, "relais import"`))
})

function runWithInput(args: string[], env: Record<string, string | undefined>, input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env }
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
    const child = spawn(process.execPath, relaisArgs(args), { env: merged, stdio: ['pipe', 'pipe', 'pipe'] })
    collectOutput(child, resolve, reject)
    child.stdin.end(input)
  })
}
