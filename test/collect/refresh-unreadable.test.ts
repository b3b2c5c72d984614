import t from 'tap'
import { sql } from 'kysely'
import { openTestDatabase } from '../helpers/database.ts'
import { scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { latestReadings, listenOn } from '../helpers/network-fidelity.ts'
import { startFakeMastodon } from '../fakes/mastodon/index.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { MAX_ENGAGEMENT_MISSES } from '../../src/pipeline/collect/posts-to-refresh.ts'

// Statuses deleted or made private after they were collected can never be read again: the
// engagement refresh must not spend every run's budget on them while readable posts go stale.
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** The refresh line as the pass reads it: the uris of the topic's posts, next to be read first. */
async function line(database: Database, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ external_id: string }>`
    select p.external_id from posts p
    where p.workspace_id = ${workspaceId} and exists (select 1 from topic_posts tp where tp.post_id = p.id)
    order by coalesce((select max(r.read_at) from post_engagement_readings r where r.post_id = p.id), p.collected_at), p.id`.execute(database.db)
  return rows.map((r) => r.external_id)
}

t.test('posts that can no longer be read go to the back of the refresh line, then leave it; readable posts are kept current', async (t) => {
  const database = await openTestDatabase(t)
  const fake = await startFakeMastodon({
    accounts: [{ id: 'a1', username: 'ann' }],
    // An instance before 4.3: statuses are re-read one request each, so the budget is counted in posts.
    batchStatusLookup: false,
    statuses: Array.from({ length: 6 }, (_, i) => ({ id: String(100 + i), accountId: 'a1', createdAt: ago(60 - i), text: `Avis numéro ${i} #velo`, favourites: 0 })),
  })
  t.teardown(() => fake.close())
  const { workspaceId } = await listenOn(database, { network: 'mastodon', baseUrl: fake.url, credentials: {} }, ['#velo'])
  // Each run: one request finds the batch read missing, two read one status each.
  const deps = { refreshRequests: 3 }
  const first = await scheduledRun(database, workspaceId, deps)
  t.equal(first.status, 'succeeded', first.error ?? '')

  // The two first in line are deleted and made private on the instance; every status gets likes.
  const [gone, hidden] = (await line(database, workspaceId)).slice(0, 2)
  const byUri = (uri: string) => fake.state.statuses.items.find((s) => uri.endsWith(`/statuses/${s.id}`))!
  fake.state.deleteStatus(byUri(gone).id)
  byUri(hidden).visibility = 'private'
  for (const status of fake.state.statuses.items) status.favourites = 7
  fake.state.version++
  const unreadable = new Set([gone, hidden])
  const readable = (await line(database, workspaceId)).filter((uri) => !unreadable.has(uri))
  t.equal(readable.length, 4)

  const asked = new Map<string, number>()
  for (let run = 0; run < 7; run++) {
    const before = fake.requests.length
    const outcome = await scheduledRun(database, workspaceId, deps)
    t.equal(outcome.status, 'succeeded', outcome.error ?? '')
    for (const request of fake.requests.slice(before)) {
      const id = /^\/api\/v1\/statuses\/([^/]+)$/.exec(request.path)?.[1]
      if (id !== undefined) asked.set(id, (asked.get(id) ?? 0) + 1)
    }
  }
  // Seven runs of two reads: the unreadable pair first (they were first in line), then the four
  // readable ones, then the pair again behind them, and so on until the pair leaves the line after
  // its third failure. Without the failed readings kept, the pair would take every run's two reads.
  const readings = await latestReadings(database, workspaceId)
  for (const uri of readable) t.equal(readings.get(uri)?.likes, 7, `kept current: ${uri}`)
  t.equal(asked.get(byUri(gone).id), MAX_ENGAGEMENT_MISSES, 'the deleted status was tried three times, then left alone')
  t.equal(asked.get(byUri(hidden).id), MAX_ENGAGEMENT_MISSES, 'the private status too')
  const { rows } = await sql<{ misses: number }>`
    select m.misses from post_engagement_misses m join posts p on p.id = m.post_id
    where p.workspace_id = ${workspaceId} order by p.external_id`.execute(database.db)
  t.same(rows.map((r) => r.misses), [MAX_ENGAGEMENT_MISSES, MAX_ENGAGEMENT_MISSES], 'their failed readings are kept; the readable posts have none')

  const again = fake.requests.length
  await scheduledRun(database, workspaceId, deps)
  const later = fake.requests.slice(again).filter((r) => r.path === `/api/v1/statuses/${byUri(gone).id}` || r.path === `/api/v1/statuses/${byUri(hidden).id}`)
  t.equal(later.length, 0, 'out of the line for good')
})
