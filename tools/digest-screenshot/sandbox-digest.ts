import { randomBytes } from 'node:crypto'
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { createJobs } from '../../jobs/index.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import type { DigestLanguage } from '../../src/platform/db/tables/digests.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, generateSandbox, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { createAnalyseJob } from '../../jobs/analyse.ts'
import { createDigestService } from '../../src/insight/digest/service.ts'
import type { RenderedDigest } from '../../src/insight/digest/render/index.ts'

const quiet: Logger = { info() {}, warn() {}, error() {} }
const INSTANCE = 'piaille.sandbox.example'

/**
 * A digest as a reader gets it, from the simulated network: an embedded database collects the
 * sandbox's "velo" conversation over its Mastodon and Bluesky APIs, ranks it a week ago and now,
 * looks for spikes, and renders the preview of a subscription to it.
 */
export async function sandboxDigest(options: { language?: DigestLanguage; timeZone?: string } = {}): Promise<RenderedDigest> {
  const now = new Date()
  const data = generateSandbox({ seed: 'digest-preview', accounts: 1500, days: 16, futureHours: 0, now })
  const database = await openDatabase({ dataDir: ':memory:', command: 'digest screenshot' })
  const sandbox = await startSandboxServer({ data })
  try {
    const { db } = database
    await migrateToLatest(db)
    const { id: workspaceId } = await createWorkspace(db, 'Sandbox')
    // A key for this in-memory run only.
    const secrets = createSecretBox([randomBytes(32)])
    await db.insertInto('sources').values([
      { workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: sandbox.mastodonUrl(INSTANCE), settings: { localDomain: INSTANCE } },
      { workspace_id: workspaceId, name: 'bluesky', network: 'bluesky', base_url: sandbox.blueskyAppViewUrl, settings: { pdsUrl: sandbox.blueskyPdsUrl }, credentials: sealCredentials(secrets, { identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD }) },
    ]).execute()
    const hub = data.truth.hubs.find((h) => h.topic === 'velo')
    const topic = await db
      .insertInto('topics')
      .values({ workspace_id: workspaceId, name: 'Vélo en ville', query: '#velo OR #mobilite', own_accounts: hub ? { [hub.network]: [data.accounts[hub.account].handle] } : {} })
      .returning('id').executeTakeFirstOrThrow()
    // Its own sandbox on loopback: opened for this screenshot run only.
    const jobs = createJobs({ addressPolicy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, secrets })
    await runJob({ db, log: quiet }, jobs.get('collect-mentions')!, { topicId: topic.id }, { trigger: 'manual' })
    await scoreTopic(db, topic.id, { now: new Date(now.getTime() - 7 * 86_400_000) })
    await scoreTopic(db, topic.id, { now })
    // Look back over the whole week, as hourly runs would have.
    await runJob({ db, log: quiet }, createAnalyseJob({ lookbackHours: 7 * 24 }), { topicId: topic.id }, { trigger: 'manual' })
    const digests = createDigestService({ db, publicUrl: 'https://relais.example' })
    const sub = await digests.create(workspaceId, { topicId: topic.id, recipients: ['team@relais.example'], weekday: 'monday', hour: 8, timeZone: options.timeZone ?? 'Europe/Paris', language: options.language ?? 'en' })
    return await digests.preview(workspaceId, sub.id, 'https://relais.example')
  } finally {
    await sandbox.close()
    await database.close()
  }
}
