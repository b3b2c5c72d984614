import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { latestReadings, listenOn, storedCounts, type Counts } from '../helpers/network-fidelity.ts'
import { startFakeMastodon, type FakeMastodon } from '../fakes/mastodon/index.ts'
import type { FakeMastodonStatus } from '../fakes/mastodon/seed.ts'

const HASHTAGS = TOPIC_WORDS.map((word) => `#${word}`)

/** Ten statuses per hashtag, oldest first (the server's id order), the newest a minute old, none favourited yet. */
function statuses(): FakeMastodonStatus[] {
  const list = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => ({
    minutes: 1 + i * 10 + w, accountId: i % 2 === 0 ? 'a1' : 'a2', text: `Un avis sur le #${word}, numéro ${i}`, word, i,
  }))).sort((a, b) => b.minutes - a.minutes)
  return list.map((s, n) => ({ id: String(110_000_000 + n), accountId: s.accountId, createdAt: new Date(Date.now() - s.minutes * 60_000).toISOString(), text: s.text, favourites: 0 }))
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }, batchStatusLookup: boolean) {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon({
    accounts: [{ id: 'a1', username: 'ann' }, { id: 'a2', username: 'ben', domain: 'other.example' }, { id: 'a3', username: 'cat' }],
    statuses: statuses(),
    batchStatusLookup,
  })
  t.teardown(fake.close)
  const listening = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: {} }, HASHTAGS)
  return { database, fake, ...listening }
}

/** Favourites, boosts and replies come in after the first read. */
function engage(fake: FakeMastodon): void {
  const tagged = fake.state.statuses.items.filter((s) => s.text?.includes('#'))
  let n = 0
  for (const status of tagged) {
    status.favourites = (n * 7) % 23 + 1
    if (n % 3 === 0) fake.state.addStatus({ id: String(120_000_000 + n), accountId: 'a3', createdAt: new Date().toISOString(), reblogOfId: status.id })
    if (n % 4 === 0) fake.state.addStatus({ id: String(130_000_000 + n), accountId: 'a3', createdAt: new Date().toISOString(), text: 'Une réponse', inReplyToId: status.id })
    n++
  }
  fake.state.version++
}

/** What the instance says now, read status by status, keyed by uri (Relais's key). */
async function serverCounts(fake: FakeMastodon): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>()
  for (const status of fake.state.statuses.items.filter((s) => s.text?.includes('#'))) {
    const body = await (await fetch(`${fake.url}/api/v1/statuses/${status.id}`)).json() as { uri: string; favourites_count: number; reblogs_count: number; replies_count: number; quotes_count: number }
    counts.set(body.uri, { likes: body.favourites_count, reposts: body.reblogs_count, replies: body.replies_count, quotes: body.quotes_count })
  }
  return counts
}

t.test('on Mastodon 4.3+, a run leaves every matched status younger than the window with the instance’s current counts, twenty a request', async (t) => {
  const { database, fake, workspaceId } = await setup(t, true)
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  engage(fake)
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')

  const stored = await storedCounts(database, workspaceId)
  const server = await serverCounts(fake)
  t.equal(stored.size, 30)
  for (const [uri, counts] of server) t.same(stored.get(uri), counts, uri)
  // The walk's two-hour overlap brings counts too: the refresh's own readings show it read them all.
  const readings = await latestReadings(database, workspaceId)
  for (const [uri, counts] of server) t.same(readings.get(uri), counts, `read by the refresh: ${uri}`)
  t.ok([...stored.values()].every((c) => c.likes > 0), 'not the zeros of the first read')
  const batches = fake.requests.slice(before).filter((r) => r.path === '/api/v1/statuses')
  t.equal(batches.length, 2, '30 statuses: two batch reads')
  t.ok(batches.every((r) => r.query.getAll('id[]').length <= 20))
  t.equal(second.stats.refreshRequests, 2)
  t.equal(second.stats.refreshed, 30)
})

t.test('an instance without the batch read (before 4.3) is found out once per run and read status by status within the cap', async (t) => {
  const { database, fake, workspaceId } = await setup(t, false)
  await scheduledRun(database, workspaceId)
  engage(fake)
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')
  const requests = fake.requests.slice(before)
  t.equal(requests.filter((r) => r.path === '/api/v1/statuses').length, 1, 'the missing batch read is tried once')
  // Status by status: GET /api/v1/statuses/:id (the conversation pass's context and reblogged_by reads are not the refresh's).
  t.equal(requests.filter((r) => /^\/api\/v1\/statuses\/[^/]+$/.test(r.path)).length, 30)
  t.equal(second.stats.refreshRequests, 31, 'every request counted, the 404 too')
  const readings = await latestReadings(database, workspaceId)
  for (const [uri, counts] of await serverCounts(fake)) t.same(readings.get(uri), counts, uri)

  // A smaller cap: one request finds the batch read missing, nine read one status each.
  for (const status of fake.state.statuses.items) status.favourites = 50
  const capped = await scheduledRun(database, workspaceId, { refreshRequests: 10 })
  t.equal(capped.stats.refreshRequests, 10)
  t.equal(capped.stats.refreshed, 9)
  t.equal([...(await latestReadings(database, workspaceId)).values()].filter((c) => c.likes === 50).length, 9, 'nine statuses read by the refresh')
})
