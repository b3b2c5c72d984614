import { buildApp } from '../../api/app.ts'
import { loadConfig } from '../../platform/config/index.ts'
import { openDatabase } from '../../platform/db/database.ts'
import { migrateToLatest } from '../../platform/db/migrator.ts'
import { createMetrics } from '../../platform/observability/metrics.ts'
import { createJobs } from '../../../jobs/index.ts'
import { createScheduler, type Scheduler } from '../../../jobs/scheduler.ts'
import { scheduleOverrides } from '../../../jobs/schedule-overrides.ts'
import { serveDatabaseToCommands, type Io } from '../context.ts'
import { openControlSocket, type ControlSocket } from '../forward/control-socket.ts'
import { listen } from '../listen.ts'
import { jobDepsOf } from '../job-deps.ts'
import { addressPolicyOf } from '../../platform/config/address-policy.ts'
import { openSecrets } from '../../platform/secrets/open-secrets.ts'
import { setupLinkIfNeeded } from '../../tenancy/people/first-run.ts'
import { deliveryWarnings } from '../delivery-warnings.ts'
import { startStreamWorker, type StreamWorker } from '../../pipeline/stream/stream-worker.ts'
import { createPrometheusStreamMetrics } from '../../pipeline/stream/prometheus-stream-metrics.ts'

/**
 * Runs until SIGINT/SIGTERM, then stops the scheduler (waiting for the job in flight to finish its
 * page) and the live readers (storing the batch in flight, handing their leases back), stops
 * taking requests, lets the ones in flight finish, and closes the database.
 */
export async function serveCommand(_args: string[], io: Io): Promise<number> {
  const config = loadConfig()
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, command: 'relais serve', statementTimeoutMs: config.timeouts.statementMs })
  let control: ControlSocket | null = null
  let stopServingCommands: (() => void) | null = null
  try {
    await migrateToLatest(database.db)
    const secrets = await openSecrets(database.db, config)
    const metrics = createMetrics()
    const jobs = createJobs(jobDepsOf(config, secrets))
    let scheduler: Scheduler | null = null
    let streams: StreamWorker | null = null
    const app = await buildApp({
      db: database.db,
      metrics,
      bodyLimit: config.http.bodyLimit,
      rateLimitPerMinute: config.http.rateLimitPerMinute,
      log: { level: config.logLevel },
      publicUrl: config.http.publicUrl,
      addressPolicy: addressPolicyOf(config),
      secrets,
      ...(config.metricsToken && { metricsToken: config.metricsToken }),
      requestTimeoutMs: config.timeouts.requestMs,
      jobs: [...jobs.values()],
      nextRun: (name, workspaceId) => scheduler?.nextRun(name, workspaceId) ?? null,
    })
    // With the embedded database this process owns the folder: other `relais` commands run here
    // (ready before the service says it listens, so a script may go on as soon as it does).
    if (database.kind === 'embedded') {
      stopServingCommands = serveDatabaseToCommands(database, config)
      try {
        control = await openControlSocket(config.database.dataDir, async (argv, commandIo) => (await import('../main.ts')).runCommand(argv, commandIo), (err) => app.log.warn({ err }, 'a command forwarded to this service failed'))
      } catch (error) {
        io.err(`Other relais commands cannot run while this service runs (the control socket could not open: ${(error as Error).message}); stop it to run them.`)
      }
    }
    const base = await listen(app, config.http)
    if (config.scheduler) {
      scheduler = createScheduler({
        db: database.db, log: app.log, metrics, jobs: [...jobs.values()], overrides: await scheduleOverrides(database.db), concurrency: config.collection.concurrency,
      })
      scheduler.start()
    }
    // The live readers of streaming sources, one per source across every process (leases).
    if (config.streaming) streams = startStreamWorker({ db: database.db, policy: addressPolicyOf(config), log: app.log, secrets, metrics: createPrometheusStreamMetrics(metrics.registry) })
    io.err(`Relais is listening on ${base} (database: ${database.kind === 'embedded' ? `embedded in ${database.location}` : database.location}; scheduler ${scheduler ? 'on' : 'off'}; live collection ${streams ? 'on' : 'off'})`)
    io.err(`Web app: ${base}/ · API docs: ${base}/docs · readiness: ${base}/readyz`)
    for (const warning of deliveryWarnings({ smtpUrl: config.smtpUrl, publicUrl: config.http.publicUrl }, base)) io.err(warning)
    const setupLink = await setupLinkIfNeeded(database.db, config.http.publicUrl?.replace(/\/$/, '') ?? base)
    // On a line of its own, so it can be copied (and read by scripts); valid once, for 24 hours.
    if (setupLink) io.err(`First run: open this link to create the first admin and workspace (once, within 24 h):\n${setupLink}`)
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    io.err('Stopping: finishing the job and the requests in flight…')
    await Promise.all([scheduler?.stop(), streams?.stop()])
    await app.close()
    return 0
  } finally {
    await control?.close()
    stopServingCommands?.()
    await database.close()
  }
}
