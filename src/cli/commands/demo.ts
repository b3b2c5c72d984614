import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../../api/app.ts'
import { loadConfig } from '../../platform/config/index.ts'
import { addressPolicyOf } from '../../platform/config/address-policy.ts'
import { openSecrets } from '../../platform/secrets/open-secrets.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrator.ts'
import { createDemoWorkspace } from '../../simulation/demo/demo-setup.ts'
import { takeFreshDataDir } from '../../simulation/demo/fresh-data-dir.ts'
import { startDemoStream } from '../../simulation/demo/demo-stream.ts'
import type { StreamWorker } from '../../pipeline/stream/stream-worker.ts'
import { createMetrics } from '../../platform/observability/metrics.ts'
import { generateSandbox, SANDBOX_LABEL, startSandboxServer } from '../../simulation/sandbox/index.ts'
import { createJobs } from '../../../jobs/index.ts'
import { mailSettingsOf } from '../job-deps.ts'
import { runJob } from '../../../jobs/run-job.ts'
import { consoleLogger } from '../console-logger.ts'
import { progressReporter } from '../progress-bar.ts'
import { UsageError, type Io } from '../context.ts'
import { listen } from '../listen.ts'
import { demoSignInLink } from '../../tenancy/people/first-run.ts'
import { deliveryWarnings } from '../delivery-warnings.ts'

/**
 * Everything on one machine, offline: a seeded simulated network served over the real Mastodon
 * and Bluesky wire formats on loopback, a fresh embedded database in DATA_DIR/demo, a workspace
 * with two topics, one collection and scoring, then the API until Ctrl-C. Sandbox time passes
 * with the wall clock: new posts appear as their time comes, and the Bluesky ones reach the feed
 * live through the sandbox's Jetstream (unless STREAMING=off).
 */
export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { accounts: { type: 'string', default: '2000' } } })
  const accounts = Number(values.accounts)
  if (!Number.isInteger(accounts) || accounts < 100 || accounts > 100_000) throw new UsageError('--accounts takes a whole number from 100 to 100000.')
  const config = loadConfig()
  const dataDir = join(config.database.dataDir, 'demo')
  // A fresh demo each time (the sandbox's ports change), but only once the folder is ours.
  const lock = takeFreshDataDir(dataDir, 'relais demo')
  io.err(`${SANDBOX_LABEL}: nothing here is real; no network outside this machine is contacted.`)

  let sandbox: Awaited<ReturnType<typeof startSandboxServer>> | null = null
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null
  let stream: StreamWorker | null = null
  try {
    const data = generateSandbox({ seed: 'relais-demo', accounts, days: 14, now: new Date() })
    sandbox = await startSandboxServer({ data, liveClock: true })
    database = await openDatabase({ dataDir, command: 'relais demo', heldLock: lock })
    await migrateToLatest(database.db)
    // The demo's key file lives in its own folder, with its embedded database.
    const secrets = await openSecrets(database.db, { secretKey: config.secretKey, database: { url: undefined, dataDir } })
    const demo = await createDemoWorkspace(database.db, data, sandbox, secrets)
    const log = consoleLogger(io)
    // Reading live from the start, so that nothing written while the first collection runs is missed.
    if (config.streaming) stream = startDemoStream(database.db, addressPolicyOf(config), secrets, log)
    // The demo's own sandbox listens on loopback over http: the demo opens that for its collection.
    const jobs = createJobs({ addressPolicy: { ...addressPolicyOf(config), allowPrivate: true, allowHttpSources: true }, secrets, mail: mailSettingsOf(config) })
    for (const name of ['collect-mentions', 'collect-graph', 'score']) {
      const bar = progressReporter((text) => process.stderr.write(text), io.interactive)
      const outcome = await runJob({ db: database.db, log }, jobs.get(name)!, { workspaceId: demo.workspaceId }, { trigger: 'manual', onProgress: (p) => bar.update(p) })
      bar.finish()
      io.err(outcome.status === 'skipped' ? `${name}: skipped` : `${name}: ${outcome.status} ${JSON.stringify(outcome.stats)}${outcome.error ? `\n${outcome.error}` : ''}`)
    }

    const metrics = createMetrics()
    const app = await buildApp({ db: database.db, metrics, bodyLimit: config.http.bodyLimit, rateLimitPerMinute: config.http.rateLimitPerMinute, jobs: [...jobs.values()], publicUrl: config.http.publicUrl, addressPolicy: addressPolicyOf(config), secrets })
    const base = await listen(app, config.http)
    const [first] = demo.topics
    const webApp = await demoSignInLink(database.db, demo.workspaceId, base)
    io.out([
      '',
      `Relais demo — ${SANDBOX_LABEL}`,
      `Web app: ${webApp}`,
      `  API docs      ${base}/docs`,
      `  API key       ${demo.key}`,
      ...demo.topics.map((t) => `  topic         ${t.name}: ${base}/v1/topics/${t.id}/influencers`),
      `  try           curl -H "Authorization: Bearer ${demo.key}" ${base}/v1/topics/${first.id}/influencers?limit=10`,
      `  sandbox       ${sandbox.url} (simulated Mastodon and Bluesky)`,
      stream ? `  live          new Bluesky posts reach the feed within seconds (${sandbox.blueskyJetstreamUrl})` : '  live          off (STREAMING=off): new posts arrive with the next collection run',
      '',
      'Ctrl-C stops the demo (its data is rebuilt on the next run).',
    ].join('\n'))
    for (const warning of deliveryWarnings({ smtpUrl: config.smtpUrl, publicUrl: config.http.publicUrl }, base)) io.err(warning)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await app.close()
    return 0
  } finally {
    await stream?.stop()
    if (database) await database.close()
    else lock.release()
    await sandbox?.close()
  }
}
