// Secrets never reach the logs: API keys, source credentials and webhook signing secrets, whether
// the request carrying them succeeds, is refused or is malformed, and whether a collection job
// using them succeeds or is refused by the network. The test reads the log output itself: the
// API's JSON log lines at the most verbose level, and what `relais job run` prints.
import t from 'tap'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import { buildApp } from '../../src/api/app.ts'
import { BLUESKY_SANDBOX_PASSWORD } from '../../src/simulation/sandbox/index.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { bearer, fileDatabase, workspaceWithKeys } from '../helpers/app.ts'
import { runCli } from '../helpers/run-cli.ts'
import { childDatabaseTemplate } from '../reliability/fixtures/child-database.ts'
import { REDDIT_CLIENT, startCollectionWorld, X_BEARER } from '../reliability/fixtures/collection-world.ts'
import { resolveHostNamesLocally } from './fixtures/local-dns.ts'

t.teardown(resolveHostNamesLocally())

async function appLoggingTo(lines: string[]) {
  const database = await fileDatabase()
  const app = await buildApp({
    db: database.db, metrics: createMetrics(), bodyLimit: 1 << 20, rateLimitPerMinute: 100_000, jobs: [...createJobs().values()], secrets: TEST_SECRETS,
    log: { level: 'trace', stream: { write: (line) => void lines.push(line) } },
  })
  t.teardown(() => app.close())
  return { app, database }
}

const found = (lines: string[], secrets: string[]) => lines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `"${s}" in ${line.slice(0, 300)}`))

t.test('API requests carrying keys and credentials log none of them', async (t) => {
  const lines: string[] = []
  const { app, database } = await appLoggingTo(lines)
  const workspace = await workspaceWithKeys(database, 'Logs')
  const wrongKey = workspace.admin.slice(0, -4) + (workspace.admin.endsWith('AAAA') ? 'BBBB' : 'AAAA')
  const credentials = { accessToken: 'mastodon-access-token-1f0e9d8c7b6a' }
  // A key reads rls_<public id>_<secret>, and the secret itself may hold '_': it is all that follows the second one.
  const secretPart = (key: string) => key.split('_').slice(2).join('_')
  const secrets = [workspace.admin, workspace.read, secretPart(workspace.admin), secretPart(wrongKey), credentials.accessToken,
    'reddit-client-secret-5a4b3c2d1e', 'bearer-in-a-bad-body-0a9b8c7d', 'half-a-json-secret-6e5f4a3b']

  const requests = [
    { method: 'GET', url: '/v1/topics', headers: { ...bearer(workspace.read), 'x-request-id': 'log-test-1' } },
    { method: 'GET', url: '/v1/topics', headers: bearer(wrongKey) },
    { method: 'GET', url: '/v1/sources', headers: { authorization: `Basic ${Buffer.from(`user:${workspace.admin}`).toString('base64')}` } },
    { method: 'POST', url: '/v1/sources', headers: bearer(workspace.admin), payload: { name: 'Piaille', network: 'mastodon', baseUrl: 'https://piaille.example', credentials } },
    { method: 'POST', url: '/v1/sources', headers: bearer(workspace.admin), payload: { name: 'Reddit', network: 'reddit', credentials: { clientId: 'id', clientSecret: 'reddit-client-secret-5a4b3c2d1e', extra: 'bearer-in-a-bad-body-0a9b8c7d' } } },
    { method: 'POST', url: '/v1/sources', headers: bearer(workspace.admin), payload: { name: 'X', network: 'x', credentials: { bearerToken: 42, other: 'bearer-in-a-bad-body-0a9b8c7d' } } },
    { method: 'POST', url: '/v1/sources', headers: { ...bearer(workspace.admin), 'content-type': 'application/json' }, payload: '{"name":"Broken","credentials":{"accessToken":"half-a-json-secret-6e5f4a3b"' },
    { method: 'POST', url: '/v1/sources', headers: bearer(workspace.read), payload: { name: 'Denied', network: 'mastodon', baseUrl: 'https://piaille.example', credentials } },
    { method: 'GET', url: '/v1/sources', headers: bearer(workspace.admin) },
  ] as const
  for (const request of requests) {
    const res = await app.inject({ ...request, headers: { ...request.headers } })
    t.ok(res.statusCode < 500, `${request.method} ${request.url} → ${res.statusCode}`)
  }
  const created = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(workspace.admin), payload: { url: 'https://hooks.example.com/relais', events: ['alert.created'] } })
  t.equal(created.statusCode, 201, 'a webhook is created, its signing secret shown once')
  secrets.push((created.json() as { secret: string }).secret)

  t.ok(lines.filter((l) => /"incoming request"/.test(l)).length >= requests.length, `${lines.length} log lines written, one per request at least`)
  t.ok(lines.some((l) => /request refused/.test(l) && /unauthorized|validation_failed|invalid_json/.test(l)), 'refusals are logged, with their reason')
  t.same(found(lines, secrets), [], `none of ${secrets.length} secrets appears in the log`)
})

t.test('collection jobs, succeeding or refused by the networks, log no credential', async (t) => {
  const lines: string[] = []
  const { app, database } = await appLoggingTo(lines)
  const world = await startCollectionWorld({ accounts: 60, days: 2, redditPosts: 40, xPosts: 40 })
  t.teardown(() => world.close())
  const workspace = await workspaceWithKeys(database, 'Job logs')
  await world.addSources(database.db, workspace.id)
  await world.addTopics(database.db, workspace.id)
  const job = createJobs().get('collect-mentions')!
  const run = () => runJob({ db: database.db, log: app.log }, job, { workspaceId: workspace.id }, { trigger: 'manual' })

  t.equal((await run()).status, 'succeeded', 'with the right credentials the run succeeds')
  const refused = { mastodon: { accessToken: 'wrong-mastodon-token-77aa66bb' }, bluesky: { identifier: 'alice.bsky.sandbox.example', appPassword: 'wrong-app-password-55cc44dd' },
    reddit: { clientId: REDDIT_CLIENT.clientId, clientSecret: 'wrong-reddit-secret-33ee22ff' }, x: { bearerToken: 'wrong-x-bearer-11aa00bb' } }
  for (const [network, credentials] of Object.entries(refused)) {
    await database.db.updateTable('sources').set({ credentials }).where('workspace_id', '=', workspace.id).where('network', '=', network).execute()
  }
  const failed = await run()
  t.equal(failed.status, 'failed', 'with wrong credentials the run fails')
  t.ok(lines.some((l) => /collection failed for a source/.test(l)), 'each refused source is logged')
  const secrets = [REDDIT_CLIENT.clientSecret, X_BEARER, BLUESKY_SANDBOX_PASSWORD, ...Object.values(refused).flatMap((c) => Object.entries(c).filter(([k]) => k !== 'identifier' && k !== 'clientId').map(([, v]) => v))]
  t.same(found(lines, secrets), [], `none of ${secrets.length} credentials appears in ${lines.length} log lines`)
  const stored = await database.db.selectFrom('job_runs').select('error').where('workspace_id', '=', workspace.id).where('status', '=', 'failed').executeTakeFirstOrThrow()
  t.same(found([stored.error ?? ''], secrets), [], 'nor in the error the run records (shown by the API)')

  // The same refused collection from the command line: what it prints.
  const copy = await childDatabaseTemplate(t, async (child) => {
    const { id } = await workspaceWithKeys(child, 'CLI logs')
    await world.addSources(child.db, id)
    await world.addTopics(child.db, id)
    for (const [network, credentials] of Object.entries(refused)) await child.db.updateTable('sources').set({ credentials }).where('network', '=', network).execute()
  })
  const cli = await runCli(['job', 'run', 'collect-mentions'], { ...(await copy()).env, LOG_LEVEL: 'trace' })
  t.equal(cli.code, 1, 'the command reports the failure')
  t.match(cli.stderr, /failed/, 'and says what failed')
  t.same(found([cli.stdout, cli.stderr], secrets), [], 'without printing a credential')
})
