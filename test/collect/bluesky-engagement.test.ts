import t from 'tap'
import { sql } from 'kysely'
import { openTestDatabase } from '../helpers/database.ts'
import { listen, minutesAgo, scheduledRun } from '../helpers/bluesky-fidelity.ts'
import { postUri } from '../fakes/bluesky/index.ts'

interface Counts { likes: number; reposts: number; replies: number; quotes: number }

/** What the server says now, read straight from its getPosts (25 at a time). */
async function serverCounts(url: string, uris: string[]): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>()
  for (let i = 0; i < uris.length; i += 25) {
    const query = new URLSearchParams(uris.slice(i, i + 25).map((uri) => ['uris', uri]))
    const body = await (await fetch(`${url}/xrpc/app.bsky.feed.getPosts?${query}`)).json() as { posts: { uri: string; likeCount: number; repostCount: number; replyCount: number; quoteCount: number }[] }
    for (const p of body.posts) counts.set(p.uri, { likes: p.likeCount, reposts: p.repostCount, replies: p.replyCount, quotes: p.quoteCount })
  }
  return counts
}

t.test('after a run, every matched post younger than the window has the server’s current counts', async (t) => {
  const database = await openTestDatabase(t)
  // One matched post older than the 7-day window: its counts are left as first read.
  const old = { rkey: 'velo-old', authorDid: 'did:plc:ann', text: 'Un vieux velo', createdAt: minutesAgo(10 * 24 * 60), likes: 2 }
  const { fake, workspaceId } = await listen(t, database, [old])
  // The first search reads counts right after posting, as a real schedule does: almost all zero.
  for (const post of fake.state.posts.values()) post.likes = 0
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')

  // Engagement grows after the first read: likes, reposts, replies and quotes.
  let n = 0
  for (const [uri, post] of fake.state.posts) {
    post.likes = (n * 7) % 23 + 1
    if (n % 3 === 0) fake.state.reposts.push({ rkey: `rp${n}`, byDid: 'did:plc:cat', subjectUri: uri, indexedAt: new Date().toISOString() })
    if (n % 4 === 0) fake.state.addPost({ rkey: `reply${n}`, authorDid: 'did:plc:ben', text: 'Une réponse', createdAt: new Date().toISOString(), replyTo: { parent: uri } })
    if (n % 5 === 0) fake.state.addPost({ rkey: `quote${n}`, authorDid: 'did:plc:cat', text: 'Une citation', createdAt: new Date().toISOString(), quote: { uri } })
    n++
  }
  fake.state.version++
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.status, 'succeeded', second.error ?? '')

  const rows = await sql<Counts & { uri: string; recent: boolean }>`
    select p.external_id as uri, p.likes, p.reposts, p.replies, p.quotes, p.created_at > now() - interval '7 days' as recent
    -- Posts matched by their own words: the replies read under them join the topic with no terms.
    from posts p where exists (select 1 from topic_posts tp where tp.post_id = p.id and cardinality(tp.matched_terms) > 0)`.execute(database.db)
  const recent = rows.rows.filter((row) => row.recent)
  t.equal(recent.length, 30, 'ten matched posts per topic in the window')
  const getPostsByRuns = fake.requests.filter((r) => r.nsid === 'app.bsky.feed.getPosts')
  const server = await serverCounts(fake.url, recent.map((row) => row.uri))
  for (const row of recent) t.same({ likes: row.likes, reposts: row.reposts, replies: row.replies, quotes: row.quotes }, server.get(row.uri), row.uri)
  t.ok(recent.filter((row) => row.likes > 0).length === 30, 'the counts are not the zeros of the first read')
  const oldRow = rows.rows.find((row) => row.uri === postUri(old.authorDid, old.rkey))
  t.equal(oldRow?.likes, 0, 'a post older than the window is not re-read')

  // Readings are kept with their time: two per recent post (one per run), rising.
  const readings = await sql<{ n: number; rising: number }>`
    select count(*)::int as n, count(*) filter (where likes > 0)::int as rising from post_engagement_readings`.execute(database.db)
  t.equal(readings.rows[0].n, 60)
  t.equal(readings.rows[0].rising, 30)
  // getPosts takes 25 uris: 30 posts of one source are two requests, reported in the stats.
  t.equal(second.stats.refreshRequests, 2)
  t.equal(second.stats.refreshed, 30)
  t.equal(getPostsByRuns.length, 4, 'two per run, as reported')
  t.ok(getPostsByRuns.every((r) => r.query.getAll('uris').length <= 25))
  t.equal(second.stats.logins, 0, 'the refresh needs no login (the AppView reads are public)')
})

t.test('a workspace may set a shorter engagement window', async (t) => {
  const database = await openTestDatabase(t)
  const { fake, workspaceId } = await listen(t, database)
  // Half an hour: only the posts written in the last 30 minutes are re-read.
  await database.db.updateTable('workspaces').set({ settings: { engagementWindowDays: 30 / (24 * 60) } }).where('id', '=', workspaceId).execute()
  for (const post of fake.state.posts.values()) post.likes = 0
  await scheduledRun(database, workspaceId)
  for (const post of fake.state.posts.values()) post.likes = 9
  fake.state.version++
  const outcome = await scheduledRun(database, workspaceId)
  // Young: inside the window. Old: behind both the window and the search's one-hour overlap
  // (the search re-reads its overlap and takes the counts it finds there too).
  const rows = await sql<{ likes: number; young: boolean }>`
    select p.likes, p.created_at > now() - interval '29 minutes' as young from posts p
    where p.created_at < now() - interval '65 minutes' or p.created_at > now() - interval '29 minutes'`.execute(database.db)
  const young = rows.rows.filter((r) => r.young)
  t.ok(young.length >= 6 && young.every((r) => r.likes === 9), `the ${young.length} posts inside the window re-read`)
  t.ok(rows.rows.filter((r) => !r.young).every((r) => r.likes === 0), 'posts outside it left alone')
  t.ok(Number(outcome.stats.refreshed) >= young.length && Number(outcome.stats.refreshed) < 30, `refreshed ${outcome.stats.refreshed} of 30`)
})
