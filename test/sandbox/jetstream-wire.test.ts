// The sandbox's Jetstream: `/subscribe` replays the Bluesky posts from a cursor, in order, with
// the records the AppView serves, then publishes each new post as sandbox time reaches it; a
// cursor older than the replay window starts at the oldest post kept, and wantedDids filters.
import t from 'tap'
import WebSocket from 'ws'
import { PostKind } from '../../src/simulation/sandbox/types.ts'
import { get, smallSandbox, withServer } from './fixtures/sandbox-server.ts'

const HOUR_MS = 3_600_000
const data = smallSandbox()
const nowMs = data.now.getTime()

interface PostEvent { did: string; time_us: number; kind: string; commit: { operation: string; collection: string; rkey: string; cid: string; record: { text: string; createdAt: string } } }

/** The Bluesky posts (reposts aside) created in [fromMs, toMs], as `did rkey-less time` keys in order. */
function blueskyPostsBetween(fromMs: number, toMs: number, did?: string): { did: string; timeUs: number }[] {
  const found: { did: string; timeUs: number }[] = []
  for (let i = 0; i < data.posts.count; i++) {
    const at = data.posts.createdAt[i]
    const author = data.accounts[data.posts.author[i]]
    if (at < fromMs || at > toMs || author.network !== 'bluesky' || data.posts.kind[i] === PostKind.repost) continue
    if (did === undefined || author.did === did) found.push({ did: author.did!, timeUs: at * 1000 })
  }
  return found
}

/** Opens `/subscribe` and collects the events it sends until `until` says enough (bounded). */
function subscribe(url: string) {
  const events: PostEvent[] = []
  const socket = new WebSocket(url)
  socket.on('message', (data) => events.push(JSON.parse(data.toString()) as PostEvent))
  const opened = new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return {
    events,
    opened,
    async until(count: number): Promise<PostEvent[]> {
      const deadline = Date.now() + 20_000
      while (events.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      return events
    },
    close: () => socket.terminate(),
  }
}

t.test('replays from a cursor, then publishes new posts as time passes', async (t) => {
  const sandbox = await withServer()
  t.teardown(() => sandbox.close())
  t.match(sandbox.blueskyJetstreamUrl, /^ws:\/\/127\.0\.0\.1:\d+$/)
  const fromMs = nowMs - 2 * HOUR_MS
  const replayed = blueskyPostsBetween(fromMs, nowMs)
  t.ok(replayed.length > 5, `${replayed.length} Bluesky posts in the last two hours`)
  const stream = subscribe(`${sandbox.blueskyJetstreamUrl}/subscribe?wantedCollections=app.bsky.feed.post&cursor=${fromMs * 1000}`)
  t.teardown(() => stream.close())
  const first = await stream.until(replayed.length)
  t.same(first.map((e) => ({ did: e.did, timeUs: e.time_us })), replayed, 'the posts since the cursor, in order, each once')
  t.ok(first.every((e) => e.kind === 'commit' && e.commit.operation === 'create' && e.commit.collection === 'app.bsky.feed.post'), 'post creates')

  // The record is the one the AppView serves for the same post.
  const sample = first[Math.floor(first.length / 2)]
  const uri = `at://${sample.did}/app.bsky.feed.post/${sample.commit.rkey}`
  const served = await get(`${sandbox.blueskyAppViewUrl}/xrpc/app.bsky.feed.getPosts?uris=${encodeURIComponent(uri)}`)
  const post = (served.body as { posts: { uri: string; cid: string; record: unknown }[] }).posts[0]
  t.same({ uri: post.uri, cid: post.cid, record: post.record }, { uri, cid: sample.commit.cid, record: sample.commit.record }, 'same URI, CID and record as getPosts')

  // An hour later, the hour's posts arrive on the open connection.
  const next = blueskyPostsBetween(nowMs + 1, nowMs + HOUR_MS)
  t.ok(next.length > 0, `${next.length} Bluesky posts in the next hour`)
  sandbox.advance(1)
  const all = await stream.until(replayed.length + next.length)
  t.same(all.slice(replayed.length).map((e) => ({ did: e.did, timeUs: e.time_us })), next, 'then the new ones, as sandbox time reaches them')
})

t.test('a cursor older than the replay window starts at the oldest post kept; no cursor is live; wantedDids filters', async (t) => {
  const sandbox = await withServer()
  t.teardown(() => sandbox.close())
  const kept = blueskyPostsBetween(nowMs - 36 * HOUR_MS, nowMs)
  const old = subscribe(`${sandbox.blueskyJetstreamUrl}/subscribe?wantedCollections=app.bsky.feed.post&cursor=${(nowMs - 100 * HOUR_MS) * 1000}`)
  t.teardown(() => old.close())
  const replayed = await old.until(kept.length)
  t.same(replayed[0] && { did: replayed[0].did, timeUs: replayed[0].time_us }, kept[0], 'the first event is the oldest post of the last 36 hours, without a word')
  t.equal(replayed.length, kept.length, 'and every post kept after it')

  const did = kept[kept.length - 1].did
  const own = blueskyPostsBetween(nowMs - 36 * HOUR_MS, nowMs, did)
  const filtered = subscribe(`${sandbox.blueskyJetstreamUrl}/subscribe?wantedCollections=app.bsky.feed.*&wantedDids=${did}&cursor=${(nowMs - 36 * HOUR_MS) * 1000}`)
  t.teardown(() => filtered.close())
  t.same((await filtered.until(own.length)).map((e) => ({ did: e.did, timeUs: e.time_us })), own, `only ${did}'s posts (a collection prefix matches)`)

  const live = subscribe(`${sandbox.blueskyJetstreamUrl}/subscribe?wantedCollections=app.bsky.feed.post`)
  t.teardown(() => live.close())
  const next = blueskyPostsBetween(nowMs + 1, nowMs + 2 * HOUR_MS)
  await live.opened
  sandbox.advance(2)
  t.same((await live.until(next.length)).map((e) => ({ did: e.did, timeUs: e.time_us })), next, 'without a cursor: only what comes after the connection')

  const refused = await get(`${sandbox.blueskyJetstreamUrl.replace(/^ws/, 'http')}/subscribe`)
  t.equal(refused.status, 426, 'a plain request to /subscribe asks for the upgrade')
  t.equal(refused.headers.get('x-relais-sandbox'), 'simulated')
})
