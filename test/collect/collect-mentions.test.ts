import t from 'tap'
import { sql } from 'kysely'
import { localJobs as createJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { generateSandbox, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { fileDatabase } from '../helpers/app.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { addSandboxSources } from '../helpers/sandbox-sources.ts'
import { danglingReferences } from '../helpers/dangling-references.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
const data = generateSandbox({ seed: 'collect-e2e', accounts: 400, days: 5, futureHours: 24 })

async function setUp(database: Database, sandbox: Awaited<ReturnType<typeof startSandboxServer>>) {
  const { id: workspaceId } = await createWorkspace(database.db, 'Collect')
  await addSandboxSources(database.db, workspaceId, sandbox)
  const topic = await database.db
    .insertInto('topics')
    .values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR #mobilite' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { workspaceId, topicId: topic.id }
}

async function collect(database: Database, topicId: string, maxPagesPerSearch?: number) {
  const jobs = createJobs({ connectorTuning: { maxRetries: 2 }, ...(maxPagesPerSearch && { maxPagesPerSearch }) })
  return runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { topicId }, { trigger: 'manual' })
}

async function topicPosts(database: Database, topicId: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('topic_posts').innerJoin('posts', 'posts.id', 'topic_posts.post_id')
    .select(['posts.network', 'posts.external_id']).where('topic_id', '=', topicId).execute()
  return rows.map((r) => `${r.network} ${r.external_id}`).sort()
}

t.test('collect-mentions stores each on-topic post once, with its author and interactions', async (t) => {
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const database = await fileDatabase()
  const { topicId } = await setUp(database, sandbox)

  const first = await collect(database, topicId)
  t.equal(first.status, 'succeeded', JSON.stringify(first))
  const collected = await topicPosts(database, topicId)
  t.ok(collected.length > 20, `collected ${collected.length} posts`)
  t.same(new Set(collected).size, collected.length, 'no duplicate')
  t.ok(collected.some((p) => p.startsWith('mastodon')) && collected.some((p) => p.startsWith('bluesky')), 'both networks')

  const offTopic = await sql<{ n: number }>`
    select count(*)::int as n from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and cardinality(tp.matched_terms) > 0 and not (p.hashtags && array['velo','mobilite']::text[])`.execute(database.db)
  t.equal(offTopic.rows[0].n, 0, 'every matched post carries one of the hashtags')
  // The rest of the topic is the conversation under matched posts: replies, put on the topic without terms.
  const unmatched = await sql<{ n: number }>`
    select count(*)::int as n from topic_posts tp join posts p on p.id = tp.post_id
    where tp.topic_id = ${topicId} and cardinality(tp.matched_terms) = 0 and p.reply_to_external_id is null`.execute(database.db)
  t.equal(unmatched.rows[0].n, 0, 'every other post on the topic is a reply under a matched post')
  const authorless = await sql<{ n: number }>`
    select count(*)::int as n from topic_posts tp join posts p on p.id = tp.post_id where tp.topic_id = ${topicId} and p.author_id is null`.execute(database.db)
  t.equal(authorless.rows[0].n, 0, 'every post has its author')
  const kinds = await sql<{ kind: string }>`select distinct kind from interactions`.execute(database.db)
  t.ok(kinds.rows.length >= 2, `typed interactions: ${kinds.rows.map((r) => r.kind).join(', ')}`)
  t.same(await danglingReferences(database.db), [], 'posts, matches and interactions point at stored rows')

  const again = await collect(database, topicId)
  t.equal(again.status, 'succeeded')
  t.same(await topicPosts(database, topicId), collected, 'a second run finds nothing new and duplicates nothing')

  sandbox.advance(24)
  const later = await collect(database, topicId)
  const grown = await topicPosts(database, topicId)
  t.ok(grown.length > collected.length, `new posts after a day: ${grown.length - collected.length}`)
  t.ok(collected.every((p) => grown.includes(p)), 'nothing lost')
  t.match(later.status, 'succeeded')
})

t.test('a collection cut into many short runs ends with exactly the posts of one uninterrupted run', async (t) => {
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const whole = await openTestDatabase(t)
  const pieces = await openTestDatabase(t)
  const a = await setUp(whole, sandbox)
  const b = await setUp(pieces, sandbox)
  t.equal((await collect(whole, a.topicId)).status, 'succeeded')
  let runs = 0
  let before = -1
  for (let after = 0; after !== before && runs < 200; runs++) {
    before = after
    t.equal((await collect(pieces, b.topicId, 1)).status, 'succeeded')
    after = (await topicPosts(pieces, b.topicId)).length
  }
  t.ok(runs > 2, `it took ${runs} one-page runs`)
  t.same(await topicPosts(pieces, b.topicId), await topicPosts(whole, a.topicId))
})

t.test('a source that refuses its credentials fails the run with a clear error, and the others are still collected', async (t) => {
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const database = await fileDatabase()
  const { workspaceId, topicId } = await setUp(database, sandbox)
  await database.db.updateTable('sources').set({ credentials: sealCredentials(TEST_SECRETS, { identifier: 'nobody.bsky.sandbox.example', appPassword: 'wrong' }) }).where('workspace_id', '=', workspaceId).where('network', '=', 'bluesky').execute()
  const outcome = await collect(database, topicId)
  t.equal(outcome.status, 'failed')
  t.match(outcome.status === 'failed' && outcome.error, /Vélo · bluesky .*(refused|credentials|password|401|auth)/i)
  const stored = await database.db.selectFrom('job_runs').select(['status', 'error']).where('id', '=', (outcome as { runId: number }).runId).executeTakeFirstOrThrow()
  t.equal(stored.status, 'failed')
  t.match(stored.error, /bluesky/)
  t.ok((await topicPosts(database, topicId)).some((p) => p.startsWith('mastodon')), 'Mastodon was collected anyway')
})
