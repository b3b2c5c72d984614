// A gap in a live stream (recorded by the reader when the instance no longer kept the span) is
// filled through search bounded to the span, for every topic using the source: the posts of the
// span on a topic are stored, the gap says `filled`; a fill cut short by its budget goes on from
// its progress; a source that cannot search says why on the gap, which stays open.
import t from 'tap'
import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { LOGIN, TOPIC_WORDS, listen, matched, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { LOCAL_FAKES } from '../helpers/local-network.ts'
import { postUri, type FakeBluesky } from '../fakes/bluesky/index.ts'
import { connectorFor } from '../../src/tenancy/sources/connector-factory.ts'
import { workspaceTopicMatchers } from '../../src/pipeline/ingest/topic-matchers.ts'
import { GAP_MARGIN_MS, fillStreamGaps } from '../../src/pipeline/collect/fill-stream-gaps.ts'
import { runJob } from '../../jobs/run-job.ts'
import { localJobs } from '../helpers/local-network.ts'

const MINUTE_US = 60e6

async function recordGap(db: Kysely<DB>, workspaceId: string, sourceId: string, fromMinutesAgo: number, toMinutesAgo: number): Promise<{ id: number; fromUs: number; toUs: number }> {
  const nowUs = Date.now() * 1000
  const fromUs = nowUs - fromMinutesAgo * MINUTE_US
  const toUs = nowUs - toMinutesAgo * MINUTE_US
  const row = await db.insertInto('stream_gaps').values({ workspace_id: workspaceId, source_id: sourceId, from_us: fromUs, to_us: toUs }).returning('id').executeTakeFirstOrThrow()
  return { id: row.id, fromUs, toUs }
}

/** The fake's posts on `word` whose creation falls in the gap widened by the margin: what the fill must store. */
function plantedInGap(fake: FakeBluesky, word: string, gap: { fromUs: number; toUs: number }): string[] {
  const since = gap.fromUs / 1000 - GAP_MARGIN_MS
  const until = gap.toUs / 1000 + GAP_MARGIN_MS
  return [...fake.state.posts.values()]
    .filter((post) => post.text.includes(word) && Date.parse(post.createdAt) >= since && Date.parse(post.createdAt) < until)
    .map((post) => postUri(post.authorDid, post.rkey)).sort()
}

function fillerFor(db: Kysely<DB>, fake: FakeBluesky, listening: { workspaceId: string; sourceId: string; topicIds: string[] }, credentials: Record<string, string>) {
  const connector = connectorFor({ id: listening.sourceId, network: 'bluesky', base_url: fake.url, settings: { pdsUrl: fake.url }, credentials }, { addressPolicy: LOCAL_FAKES }, { maxRetries: 1 })
  return async (maxRequests: number) => fillStreamGaps(db, {
    workspaceId: listening.workspaceId, sourceId: listening.sourceId, connector, maxRequests, signal: new AbortController().signal,
    topics: listening.topicIds.map((id, i) => ({ id, query: TOPIC_WORDS[i] })), matchers: await workspaceTopicMatchers(db, listening.workspaceId),
  })
}

const LOGIN_CREDENTIALS = { identifier: LOGIN.identifier, appPassword: LOGIN.password }

t.test('the posts of the span are stored for each topic, and the gap is filled', async (t) => {
  const database = await openTestDatabase(t)
  const listening = await listen(t, database)
  const gap = await recordGap(database.db, listening.workspaceId, listening.sourceId, 45, 25)
  const expected = TOPIC_WORDS.map((word) => plantedInGap(listening.fake, word, gap))
  t.ok(expected.every((uris) => uris.length >= 3), `posts planted in the span: ${expected.map((uris) => uris.length).join(', ')}`)

  const result = await fillerFor(database.db, listening.fake, listening, LOGIN_CREDENTIALS)(100)
  for (const [i, word] of TOPIC_WORDS.entries()) t.same(await matched(database, listening.topicIds[i]), expected[i], `topic "${word}": exactly its posts of the span`)
  const row = await database.db.selectFrom('stream_gaps').select(['status', 'posts', 'filled_at', 'note']).where('id', '=', gap.id).executeTakeFirstOrThrow()
  const total = expected.reduce((sum, uris) => sum + uris.length, 0)
  t.equal(row.status, 'filled')
  t.equal(row.posts, total, `${total} posts stored by the fill, counted on the gap`)
  t.ok(row.filled_at !== null, 'with the time it was filled')
  t.equal(row.note, null)
  t.same({ filled: result.filled, posts: result.posts }, { filled: 1, posts: total })
})

t.test('a fill cut short by its budget goes on where it stopped', async (t) => {
  const database = await openTestDatabase(t)
  const listening = await listen(t, database)
  const gap = await recordGap(database.db, listening.workspaceId, listening.sourceId, 45, 25)
  const fill = fillerFor(database.db, listening.fake, listening, LOGIN_CREDENTIALS)
  const statuses: string[] = []
  let requests = 0
  for (let run = 0; run < 10; run++) {
    const result = await fill(1)
    requests += result.requests
    const row = await database.db.selectFrom('stream_gaps').select('status').where('id', '=', gap.id).executeTakeFirstOrThrow()
    statuses.push(row.status)
    if (row.status === 'filled') break
  }
  t.same(statuses, ['needs_backfill', 'needs_backfill', 'filled'], 'one search per run: filled at the third (one search per topic)')
  t.equal(requests, 3, 'no search read twice')
  for (const [i, word] of TOPIC_WORDS.entries()) t.same(await matched(database, listening.topicIds[i]), plantedInGap(listening.fake, word, gap), `topic "${word}" complete`)
})

t.test('a source without a login for search: the gap says why and stays open', async (t) => {
  const database = await openTestDatabase(t)
  const listening = await listen(t, database)
  const gap = await recordGap(database.db, listening.workspaceId, listening.sourceId, 45, 25)
  const result = await fillerFor(database.db, listening.fake, listening, {})(100)
  const row = await database.db.selectFrom('stream_gaps').select(['status', 'note']).where('id', '=', gap.id).executeTakeFirstOrThrow()
  t.equal(row.status, 'needs_backfill', 'not filled')
  t.match(row.note, /needs a login/, 'the gap says search needs a login')
  t.equal(result.notes.length, 1, 'the run notes it too')
})

t.test('collect-mentions fills the gaps of the sources it collects with', async (t) => {
  const database = await openTestDatabase(t)
  const listening = await listen(t, database)
  const gap = await recordGap(database.db, listening.workspaceId, listening.sourceId, 45, 25)
  const outcome = await scheduledRun(database, listening.workspaceId)
  t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  t.equal(outcome.stats?.gapsFilled, 1, 'the run counts one gap filled')
  t.equal(outcome.stats?.gapRequests, 3, 'with one search per topic')
  const row = await database.db.selectFrom('stream_gaps').select('status').where('id', '=', gap.id).executeTakeFirstOrThrow()
  t.equal(row.status, 'filled')
})

t.test('a run limited to one topic fills the gap for that topic only: the gap stays open until the others are searched', async (t) => {
  const database = await openTestDatabase(t)
  const listening = await listen(t, database)
  const gap = await recordGap(database.db, listening.workspaceId, listening.sourceId, 45, 25)
  const [first, ...others] = listening.topicIds
  const jobs = localJobs({ connectorTuning: { maxRetries: 1 } })
  const silent = { info() {}, warn() {}, error() {} }
  const limited = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { topicId: first }, { trigger: 'manual' })
  t.equal(limited.status, 'succeeded')
  t.equal(limited.status !== 'skipped' && limited.stats?.gapsFilled, 0, 'the limited run fills no gap')
  t.equal(limited.status !== 'skipped' && limited.stats?.gapRequests, 1, 'it searched the span for its topic')
  const open = await database.db.selectFrom('stream_gaps').select(['status', 'progress']).where('id', '=', gap.id).executeTakeFirstOrThrow()
  t.equal(open.status, 'needs_backfill', 'the gap stays open for the other topics')
  t.same((open.progress as { done: string[] }).done, [`${first}:0`], 'its progress says the first topic\'s search is done, and only that')
  const firstInGap = plantedInGap(listening.fake, TOPIC_WORDS[0], gap)
  t.ok(firstInGap.length >= 3, `${firstInGap.length} posts of the first topic in the span`)
  t.same((await matched(database, first)).filter((uri) => firstInGap.includes(uri)), firstInGap, 'the first topic has every post of the span')

  const full = await scheduledRun(database, listening.workspaceId)
  t.equal(full.stats?.gapsFilled, 1, 'the next run over every topic fills it')
  t.equal(full.stats?.gapRequests, others.length, 'searching only the topics not searched yet')
  t.equal((await database.db.selectFrom('stream_gaps').select('status').where('id', '=', gap.id).executeTakeFirstOrThrow()).status, 'filled')
  for (const [i, word] of TOPIC_WORDS.entries()) {
    const inGap = plantedInGap(listening.fake, word, gap)
    t.same((await matched(database, listening.topicIds[i])).filter((uri) => inGap.includes(uri)), inGap, `topic "${word}": every post of the span`)
  }
})
