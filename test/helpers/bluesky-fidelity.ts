// A workspace listening to three topics through one Bluesky source on the fake (PDS + AppView),
// and the collect-mentions runs the fidelity tests make against it.
import { runJob, type RunOutcome } from '../../jobs/run-job.ts'
import type { JobDeps } from '../../jobs/index.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { startFakeBluesky, type FakeBluesky, type FakeBlueskyPost } from '../fakes/bluesky/index.ts'
import { localJobs } from './local-network.ts'
import { TEST_SECRETS } from './test-secrets.ts'

export const LOGIN = { identifier: 'brand.test', password: 'app-pass-5678', did: 'did:plc:brand' }
export const TOPIC_WORDS = ['velo', 'train', 'tram'] as const
export const AUTHORS = ['did:plc:ann', 'did:plc:ben', 'did:plc:cat']
const silent: Logger = { info() {}, warn() {}, error() {} }

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** Ten posts per topic word, the newest a minute old, ten minutes apart, with some likes. */
function seedPosts(): FakeBlueskyPost[] {
  return TOPIC_WORDS.flatMap((word, w) =>
    Array.from({ length: 10 }, (_, i) => ({
      rkey: `${word}-${i}`,
      authorDid: AUTHORS[(i + w) % AUTHORS.length],
      text: `Un avis sur le ${word}, numéro ${i}`,
      createdAt: minutesAgo(1 + i * 10 + w),
      likes: i,
    })),
  ).reverse()
}

export interface Listening { fake: FakeBluesky; workspaceId: string; sourceId: string; topicIds: string[] }

export async function listen(t: { teardown(fn: () => unknown): void }, database: Database, extraPosts: FakeBlueskyPost[] = []): Promise<Listening> {
  const fake = await startFakeBluesky({
    actors: [{ did: LOGIN.did, handle: LOGIN.identifier }, ...AUTHORS.map((did) => ({ did, handle: `${did.slice(8)}.test` }))],
    posts: [...extraPosts, ...seedPosts()],
    logins: [LOGIN],
  })
  t.teardown(() => fake.close())
  const { id: workspaceId } = await createWorkspace(database.db, 'Fidelity')
  const source = await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'bluesky', network: 'bluesky', base_url: fake.url,
    settings: { pdsUrl: fake.url }, credentials: sealCredentials(TEST_SECRETS, { identifier: LOGIN.identifier, appPassword: LOGIN.password }),
  }).returning('id').executeTakeFirstOrThrow()
  const topics = await database.db.insertInto('topics')
    .values(TOPIC_WORDS.map((word) => ({ workspace_id: workspaceId, name: word, query: word })))
    .returning('id').execute()
  return { fake, workspaceId, sourceId: source.id, topicIds: topics.map((row) => row.id) }
}

/** One scheduled run, by a fresh set of jobs: nothing survives between runs but the database. */
export async function scheduledRun(database: Database, workspaceId: string, deps: JobDeps = {}): Promise<Extract<RunOutcome, { runId: number }>> {
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 }, ...deps })
  const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId }, { trigger: 'schedule' })
  if (outcome.status === 'skipped') throw new Error(outcome.reason)
  return outcome
}

/** The external ids of a topic's matched posts. */
export async function matched(database: Database, topicId: string): Promise<string[]> {
  const rows = await database.db.selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select('posts.external_id').where('topic_posts.topic_id', '=', topicId).execute()
  return rows.map((row) => row.external_id).sort()
}
