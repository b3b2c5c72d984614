import t from 'tap'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../src/platform/db/database.ts'
import { collectOutput, type CliResult } from '../helpers/run-cli.ts'

// The other CLI tests run the TypeScript sources; these run `relais` as installed: bin/relais.js
// and the compiled JavaScript that `npm install` / `npm ci` build into dist/ (npm run build).
const BIN = fileURLToPath(new URL('../../bin/relais.js', import.meta.url))

function runBin(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // No TypeScript loader: the compiled build must stand on its own.
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    collectOutput(child, resolve, reject)
  })
}

t.test('relais --help runs from the build', async (t) => {
  const help = await runBin(['--help'], {})
  t.equal(help.code, 0, help.stderr)
  t.match(help.stdout, /relais serve\s+run the API/)
  t.match(help.stdout, /relais workspace create NAME/)
})

t.test('relais workspace create runs from the build and writes the workspace', async (t) => {
  const dataDir = t.testdir()
  const created = await runBin(['workspace', 'create', 'Compiled'], { DATA_DIR: dataDir })
  t.equal(created.code, 0, created.stderr)
  const id = created.stdout.trim()
  t.match(id, /^[0-9a-f-]{36}$/)
  // Read back from the database the command used (DATABASE_URL when set, else DATA_DIR).
  const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir, command: 'test' })
  t.teardown(() => database.close())
  const row = await database.db.selectFrom('workspaces').select('name').where('id', '=', id).executeTakeFirst()
  t.same(row, { name: 'Compiled' })
})
