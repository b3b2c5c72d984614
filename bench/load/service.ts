import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
// What `relais serve` runs, in this process: the API listening on 127.0.0.1, the scheduler
// (cron fires and the queue of runs asked for through the API), over a fresh database holding a
// workspace whose topic was collected from the sandbox and scored once.
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createJobs } from '../../jobs/index.ts'
import { runJob } from '../../jobs/run-job.ts'
import { createScheduler, type Scheduler } from '../../jobs/scheduler.ts'
import { buildApp } from '../../src/api/app.ts'
import { openDatabase, type Database } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, generateSandbox, MASTODON_SANDBOX_TOKEN, startSandboxServer, type SandboxServer } from '../../src/simulation/sandbox/index.ts'
import { createApiKey, createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { adminQuery, withDatabaseName } from '../../src/platform/db/admin-query.ts'

const INSTANCE = 'piaille.sandbox.example'
const quiet = { info() {}, warn() {}, error() {} }

export interface LoadService {
  url: string
  database: Database
  sandbox: SandboxServer
  topicId: string
  keys: { read: string; admin: string }
  close(): Promise<void>
}

async function freshDatabase(serverUrl: string | null): Promise<{ database: Database; drop(): Promise<void> }> {
  if (serverUrl === null) {
    const database = await openDatabase({ dataDir: ':memory:', command: 'bench load' })
    return { database, drop: async () => {} }
  }
  const name = `relais_bench_load_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `create database ${name}`)
  // The pool `relais serve` opens.
  const database = await openDatabase({ url: withDatabaseName(serverUrl, name), dataDir: ':memory:', command: 'bench load', poolSize: 10 })
  return { database, drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) }
}

export async function startLoadService(options: { databaseUrl: string | null; accounts: number; rateLimit: number }): Promise<LoadService> {
  const { database, drop } = await freshDatabase(options.databaseUrl)
  await migrateToLatest(database.db)
  // Posts up to two days ahead are revealed while the bench runs, so collection keeps finding some.
  const sandbox = await startSandboxServer({ data: generateSandbox({ seed: 'bench-load', accounts: options.accounts, days: 7, now: new Date(), futureHours: 48 }) })
  const { id: workspaceId } = await createWorkspace(database.db, 'Load')
  const secrets = createSecretBox([randomBytes(32)]) // this run's own key
  await database.db.insertInto('sources').values([
    { workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: sandbox.mastodonUrl(INSTANCE), settings: { localDomain: INSTANCE }, credentials: sealCredentials(secrets, { accessToken: MASTODON_SANDBOX_TOKEN }) },
    { workspace_id: workspaceId, name: 'bluesky', network: 'bluesky', base_url: sandbox.blueskyAppViewUrl, settings: { pdsUrl: sandbox.blueskyPdsUrl }, credentials: sealCredentials(secrets, { identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD }) },
  ]).execute()
  const topic = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR #mobilite OR vélotaf' }).returning('id').executeTakeFirstOrThrow()
  // The bench's sandbox listens on loopback.
  const jobs = createJobs({ addressPolicy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, secrets })
  for (const name of ['collect-mentions', 'collect-graph', 'score']) {
    const outcome = await runJob({ db: database.db, log: quiet }, jobs.get(name)!, { topicId: topic.id }, { trigger: 'manual', workspaceId })
    if (outcome.status !== 'succeeded') throw new Error(`setting up: ${name} ${outcome.status}: ${JSON.stringify(outcome)}`)
  }
  const metrics = createMetrics()
  let scheduler: Scheduler | null = null
  const app = await buildApp({
    db: database.db, metrics, bodyLimit: 1 << 20, rateLimitPerMinute: options.rateLimit,
    jobs: [...jobs.values()], nextRun: (job, workspace) => scheduler?.nextRun(job, workspace) ?? null,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  scheduler = createScheduler({ db: database.db, log: quiet, metrics, jobs: [...jobs.values()], queuePollMs: 500 })
  scheduler.start()
  const [read, admin] = await Promise.all([createApiKey(database.db, workspaceId, ['read']), createApiKey(database.db, workspaceId, ['admin'])])
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    database, sandbox, topicId: topic.id, keys: { read: read.key, admin: admin.key },
    async close() {
      await scheduler?.stop()
      await app.close()
      await sandbox.close()
      await database.close()
      await drop()
    },
  }
}
