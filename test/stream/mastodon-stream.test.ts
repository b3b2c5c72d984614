// Mastodon's streaming API read live: statuses posted while the socket was down are paged from the
// tag timeline on reconnection, each stored once; an edit updates the feed; a delete takes the
// status out of it; a stream gone silent (no event, no heartbeat) is dropped by the watchdog and
// opened again; a source without a user token says why on its status and the worker carries on.
import t from 'tap'
import { buildTestApp } from '../helpers/app.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { startStreamWorker, type StreamWorker } from '../../src/pipeline/stream/stream-worker.ts'
import { LOCAL_POLICY, silentLog, waitFor } from './fixtures/stream-setup.ts'
import { TAG, feed, post, sortedIds, startStreamingInstance, streamingSetup } from './fixtures/mastodon-setup.ts'

const FAST = { flushMs: 40, leaseMs: 1500, reconnectMs: 20, reconnectMaxMs: 200, idleMs: 600, topicsRefreshMs: 200 }

async function started(t: { teardown(fn: () => unknown): void }, db: Parameters<typeof startStreamWorker>[0]['db']): Promise<StreamWorker> {
  const worker = startStreamWorker({ db, policy: LOCAL_POLICY, log: silentLog, secrets: TEST_SECRETS, options: FAST })
  t.teardown(() => worker.stop())
  return worker
}

t.test('the socket dropped while 50 statuses are posted: after reconnection each is in the feed once', async (t) => {
  const ctx = await buildTestApp(t)
  const fake = await startStreamingInstance()
  t.teardown(() => fake.close())
  const before = [post(fake, `Older news #${TAG}`), post(fake, `More older news #${TAG}`)]
  post(fake, 'Off topic, no tag')
  const { topicId } = await streamingSetup(t, ctx, fake)
  const worker = await started(t, ctx.database.db)
  await waitFor(async () => fake.streaming.open() === 1 && (await feed(ctx, topicId)).size === 2, 20_000, 'the newest page to be stored and the stream open')

  const live = [post(fake, `Live one #${TAG}`), post(fake, `Live two #${TAG.toUpperCase()}`)]
  await waitFor(async () => (await feed(ctx, topicId)).size === 4, 20_000, 'the live statuses')
  const connectionsBefore = fake.streaming.connections

  // Dropped, then 50 statuses on the tag (more than one page of the timeline) and some off it,
  // all before the reader can be back.
  fake.streaming.dropAll()
  const meanwhile: string[] = []
  for (let i = 0; i < 50; i++) {
    meanwhile.push(post(fake, `While away ${i} #${TAG}`, i % 2 === 0 ? '2' : '3'))
    if (i % 10 === 0) post(fake, `Unrelated ${i} #other`)
  }
  await waitFor(async () => fake.streaming.connections > connectionsBefore && fake.streaming.open() === 1, 20_000, 'the reconnection')
  const after = [post(fake, `Back live #${TAG}`)]
  const expected = [...before, ...live, ...meanwhile, ...after]
  await waitFor(async () => (await feed(ctx, topicId)).size >= expected.length, 20_000, 'every status on the tag')

  const shown = await feed(ctx, topicId)
  t.same(sortedIds(shown.keys()), sortedIds(expected), `the feed lists the ${expected.length} statuses on #${TAG}, each once, and nothing else`)
  const stored = await ctx.database.db.selectFrom('posts').select('external_id').where('workspace_id', '=', ctx.mine.id).execute()
  t.equal(stored.length, expected.length, 'one stored post per status: read on the page and on the stream, stored once')
  t.ok(worker.metrics.counts().reconnects >= 1, 'the reader counts the reconnection')
  const paged = fake.requests.filter((r) => r.path === `/api/v1/timelines/tag/${TAG}` && r.query.get('min_id') !== null)
  t.ok(paged.length >= 2, `the tag timeline was paged from the checkpoint (${paged.length} pages with min_id)`)
  t.ok(fake.requests.some((r) => r.path === '/api/v2/instance'), 'the streaming URL was read from /api/v2/instance')
})

t.test('an edit updates the feed, an edit the topic no longer matches leaves it, a delete removes the status', async (t) => {
  const ctx = await buildTestApp(t)
  const fake = await startStreamingInstance()
  t.teardown(() => fake.close())
  const { topicId } = await streamingSetup(t, ctx, fake, { query: `#${TAG} -giveaway` })
  await started(t, ctx.database.db)
  await waitFor(async () => fake.streaming.open() === 1, 20_000, 'the stream to open')
  const edited = post(fake, `First version #${TAG}`)
  const unmatched = post(fake, `On topic for now #${TAG}`)
  const deleted = post(fake, `Soon gone #${TAG}`)
  const kept = post(fake, `Stays #${TAG}`)
  await waitFor(async () => (await feed(ctx, topicId)).size === 4, 20_000, 'the four statuses')

  fake.state.editStatus(edited, `Second version, corrected #${TAG}`)
  // Still on the hashtag (so still on its stream), but now excluded by the topic's query.
  fake.state.editStatus(unmatched, `Now a giveaway #${TAG}`)
  fake.state.deleteStatus(deleted)
  await waitFor(async () => (await feed(ctx, topicId)).size === 2, 20_000, 'the feed to lose two statuses')
  await waitFor(async () => (await feed(ctx, topicId)).get(edited)?.startsWith('Second version') === true, 20_000, 'the edit')
  const shown = await feed(ctx, topicId)
  t.same(sortedIds(shown.keys()), sortedIds([edited, kept]), 'the edited status and the untouched one remain')
  t.equal(shown.get(edited), `Second version, corrected #${TAG}`, 'the feed shows the edited text')
  const rows = await ctx.database.db.selectFrom('posts').select(['external_id', 'text']).where('workspace_id', '=', ctx.mine.id).execute()
  t.notOk(rows.some((row) => row.external_id.endsWith(`/statuses/${deleted}`)), 'the deleted status is no longer stored')
  t.ok(rows.some((row) => row.external_id.endsWith(`/statuses/${unmatched}`) && row.text === `Now a giveaway #${TAG}`), 'the status edited off the topic is stored with its new text, on no topic')
})

t.test('a stream gone silent is dropped by the watchdog and opened again; what was missed is paged', async (t) => {
  const ctx = await buildTestApp(t)
  const fake = await startStreamingInstance()
  t.teardown(() => fake.close())
  const { topicId } = await streamingSetup(t, ctx, fake)
  const worker = await started(t, ctx.database.db)
  await waitFor(async () => fake.streaming.open() === 1, 20_000, 'the stream to open')
  const first = post(fake, `Before the stall #${TAG}`)
  await waitFor(async () => (await feed(ctx, topicId)).has(first), 20_000, 'the first status')

  const connections = fake.streaming.connections
  // Silent from now on: no event, no heartbeat, the connection left open.
  fake.streaming.stalled = true
  const during = post(fake, `During the stall #${TAG}`)
  await waitFor(async () => fake.streaming.connections > connections, 20_000, 'a new connection')
  fake.streaming.stalled = false
  t.ok(worker.metrics.counts().reconnects >= 1, 'the reader reconnected on its own')
  await waitFor(async () => (await feed(ctx, topicId)).has(during), 20_000, 'the status missed by the stalled stream')
  const after = post(fake, `After the stall #${TAG}`)
  await waitFor(async () => (await feed(ctx, topicId)).has(after), 20_000, 'a live status on the new connection')
  t.same(sortedIds((await feed(ctx, topicId)).keys()), sortedIds([first, during, after]), 'the feed has every status, each once')
})

t.test('a source without a user token: a clear error on its status, the worker carries on', async (t) => {
  const ctx = await buildTestApp(t)
  const fake = await startStreamingInstance()
  t.teardown(() => fake.close())
  const none = await streamingSetup(t, ctx, fake, { credentials: {}, name: 'No token' })
  const worker = await started(t, ctx.database.db)
  const lastError = async (sourceId: string) => (await ctx.database.db.selectFrom('stream_leases').select('last_error').where('source_id', '=', sourceId).executeTakeFirst())?.last_error ?? null
  await waitFor(async () => (await lastError(none.sourceId)) !== null, 20_000, 'the error to be recorded')
  t.match(await lastError(none.sourceId), /access token of a user account/, 'the status says a user token is needed')
  t.same(worker.reading(), [none.sourceId], 'the source stays held, unread, without crashing the worker')

  // A token the instance knows but that is no user's: the streaming API answers 401.
  fake.state.tokens.add('not-a-user')
  const app = await streamingSetup(t, ctx, fake, { credentials: { accessToken: 'not-a-user' }, name: 'App token' })
  await waitFor(async () => (await lastError(app.sourceId)) !== null, 20_000, 'the refusal to be recorded')
  t.match(await lastError(app.sourceId), /refused its streaming API \(401\)/, 'the status says the instance refused the stream')
  t.ok(fake.streaming.refused >= 1, 'the instance refused it')
  t.equal(fake.streaming.connections, 0, 'no stream was opened')
  t.notOk((await lastError(app.sourceId))!.includes('not-a-user'), 'the token is not in the message')
})
