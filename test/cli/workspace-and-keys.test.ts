import t from 'tap'
import { runCli } from '../helpers/run-cli.ts'

// Against the configured database: DATABASE_URL when set, else an embedded one in a temporary folder.
t.test('workspace create prints an id; key create prints a key once; revoke works', async (t) => {
  const env = { DATA_DIR: t.testdir() }
  const ws = await runCli(['workspace', 'create', 'Acme', 'Bikes'], env)
  t.equal(ws.code, 0, ws.stderr)
  const workspaceId = ws.stdout.trim()
  t.match(workspaceId, /^[0-9a-f-]{36}$/)
  t.match(ws.stderr, /Workspace "Acme Bikes" created/)

  const key = await runCli(['key', 'create', '--workspace', workspaceId, '--scopes', 'read,write'], env)
  t.equal(key.code, 0, key.stderr)
  t.match(key.stdout.trim(), /^rls_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/)
  t.match(key.stderr, /shown only now/)

  const revoked = await runCli(['key', 'revoke', key.stdout.trim()], env)
  t.equal(revoked.code, 0)
  t.match(revoked.stderr, /revoked/)
})

t.test('usage mistakes are explained', async (t) => {
  const env = { DATA_DIR: t.testdir() }
  const badScope = await runCli(['key', 'create', '--workspace', '00000000-0000-0000-0000-000000000000', '--scopes', 'read,root'], env)
  t.equal(badScope.code, 2)
  t.match(badScope.stderr, /--scopes takes a comma-separated list of read, write, admin/)
  const noWorkspace = await runCli(['key', 'create', '--workspace', '00000000-0000-0000-0000-000000000000'], env)
  t.equal(noWorkspace.code, 1)
  t.match(noWorkspace.stderr, /No workspace with id/)
  const unknown = await runCli(['frobnicate'], env)
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /Unknown command "frobnicate"/)
})
