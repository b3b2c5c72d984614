// The requests collect-mentions makes for a workspace of 3 topics (velo, train, tram) and 4
// sources (Bluesky, Mastodon, Reddit, X) served by the project's fakes (test/fakes): the first run
// (the backlog), then scheduled runs 15 minutes of the fakes' time apart, each fake taking new
// posts and growing engagement (likes, reposts, replies, comments) between runs. For each run it
// prints the job's stats, and per network the requests the fake itself counted, by endpoint, so
// the two can be compared. It asserts nothing.
//   node --import tsx bench/collection/requests-networks.ts [--runs 4]
import { parseArgs } from 'node:util'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { AUTHORS, listen, scheduledRun, TOPIC_WORDS } from '../../test/helpers/bluesky-fidelity.ts'
import { RUN_EVERY_MS } from '../../test/helpers/late-indexing.ts'
import { TEST_SECRETS } from '../../test/helpers/test-secrets.ts'
import { startFakeMastodon, type FakeMastodonStatus } from '../../test/fakes/mastodon/index.ts'
import { startRedditFake } from '../../test/fakes/reddit/server.ts'
import { toBase36, type RedditSeed } from '../../test/fakes/reddit/seed.ts'
import { startXFake } from '../../test/fakes/x/server.ts'
import { snowflake, type XSeed } from '../../test/fakes/x/seed.ts'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '4' } } })
const runs = Number(values.runs)

// The fakes' clock: the runs happen at once in real time, so the scenario is placed in the past
// (as the late-post tests do), the last run at about the real now: each run moves it 15 minutes on,
// so the fakes' rate-limit windows and token lifetimes see the schedule's spacing.
const start = Date.now() - (runs - 1) * RUN_EVERY_MS
let clock = start
let realAtTick = Date.now()
const now = () => clock + (Date.now() - realAtTick)
const iso = (ms: number) => new Date(ms).toISOString()
/** Ten posts per topic word before the first run, ten minutes apart, the newest a minute old. */
const backlog = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: 10 }, (_, i) => ({ word, w, i, ms: start - (1 + i * 10 + w) * 60_000 })))

const xUsers = [0, 1, 2, 3].map((i) => ({ id: String(6_000_000 + i), username: `voix${i}`, name: `Voix ${i}` }))
const xSeed: XSeed = {
  users: xUsers,
  tweets: backlog.map(({ word, w, i, ms }) => ({ id: snowflake(ms, w * 10 + i), authorId: xUsers[(i + w) % 3].id, text: `Un avis sur le ${word}, numéro ${i}`, createdAt: iso(ms), likes: 0, retweets: 0, replies: 0, quotes: 0 })),
  follows: [],
}
const redditUsers = [0, 1, 2, 3].map((i) => ({ id: toBase36(800_000 + i), name: `voix_${i}` }))
const redditSeed: RedditSeed = {
  users: redditUsers,
  posts: backlog.map(({ word, w, i, ms }) => ({ id: toBase36(3_000_000_000 + w * 100 + i), subreddit: 'france', title: `Un avis sur le ${word}, numéro ${i}`, author: redditUsers[(i + w) % 3].name, createdUtc: Math.floor(ms / 1000), score: 1, numComments: 0 })),
  comments: [],
}
const mastodonStatuses: FakeMastodonStatus[] = [...backlog].sort((a, b) => a.ms - b.ms)
  .map(({ word, i, ms }, n) => ({ id: String(150_000_000 + n), accountId: i % 2 === 0 ? 'a1' : 'a2', createdAt: iso(ms), text: `Un avis sur le ${word}, numéro ${i}`, favourites: 0 }))

const database = await openDatabase({ dataDir: ':memory:', command: 'bench' })
const teardowns: Array<() => unknown> = []
try {
  await migrateToLatest(database.db)
  // Bluesky: the fidelity workspace (3 topics, one Bluesky source with its login), its backlog
  // moved behind the first run.
  const { fake: bluesky, workspaceId } = await listen({ teardown: (fn) => teardowns.push(fn) }, database)
  for (const post of bluesky.state.posts.values()) Object.assign(post, { createdAt: iso(Date.parse(post.createdAt) - (Date.now() - start)), likes: 0 })
  bluesky.state.version++
  const mastodon = await startFakeMastodon({
    accounts: [{ id: 'a1', username: 'ann' }, { id: 'a2', username: 'ben', domain: 'other.example' }, { id: 'a3', username: 'cat' }],
    statuses: mastodonStatuses,
    tokens: ['bench-token'],
  }, { now })
  teardowns.push(mastodon.close)
  const reddit = await startRedditFake({ seed: redditSeed, now })
  teardowns.push(reddit.close)
  const x = await startXFake({ seed: xSeed, now })
  teardowns.push(x.close)
  await database.db.insertInto('sources').values([
    { workspace_id: workspaceId, name: 'mastodon', network: 'mastodon', base_url: mastodon.url, settings: {}, credentials: sealCredentials(TEST_SECRETS, { accessToken: 'bench-token' }) },
    { workspace_id: workspaceId, name: 'reddit', network: 'reddit', base_url: reddit.url, settings: { tokenUrl: `${reddit.url}/api/v1/access_token` }, credentials: sealCredentials(TEST_SECRETS, { clientId: 'fake-client-id', clientSecret: 'fake-client-secret' }) },
    { workspace_id: workspaceId, name: 'x', network: 'x', base_url: x.url, settings: {}, credentials: sealCredentials(TEST_SECRETS, { bearerToken: 'fake-bearer-token' }) },
  ]).execute()

  /** Between runs: two new posts per topic on each network, and engagement growing on all of them. */
  function moveOn(run: number) {
    realAtTick = Date.now()
    clock = start + run * RUN_EVERY_MS
    let n = 0
    for (const [uri, post] of bluesky.state.posts) {
      post.likes = (post.likes ?? 0) + (n % 5)
      if (n % 4 === run % 4) bluesky.state.reposts.push({ rkey: `rp-${run}-${n}`, byDid: AUTHORS[2], subjectUri: uri, indexedAt: iso(clock - 60_000) })
      if (n % 6 === run % 6 && !post.replyTo) bluesky.state.addPost({ rkey: `re-${run}-${n}`, authorDid: AUTHORS[1], text: 'Une réponse', createdAt: iso(clock - 90_000), replyTo: { parent: uri } })
      n++
    }
    x.seed.tweets.forEach((tweet, i) => Object.assign(tweet, { likes: (tweet.likes ?? 0) + (i % 4), retweets: (tweet.retweets ?? 0) + (i % 7 === run % 7 ? 1 : 0), replies: (tweet.replies ?? 0) + (i % 5 === 0 ? 1 : 0) }))
    for (const [i, post] of redditSeed.posts.entries()) {
      post.score = (post.score ?? 0) + (i % 6)
      if (i % 5 === run % 5) {
        redditSeed.comments!.push({ id: toBase36(4_000_000_000 + run * 1000 + i), postId: post.id, parentId: `t3_${post.id}`, author: redditUsers[3].name, body: 'Un commentaire', createdUtc: Math.floor((clock - 120_000) / 1000) })
        post.numComments = (post.numComments ?? 0) + 1
      }
    }
    const tagged = mastodon.state.statuses.items.filter((s) => s.text?.startsWith('Un avis'))
    for (const [i, status] of tagged.entries()) {
      status.favourites = (status.favourites ?? 0) + (i % 3)
      if (i % 5 === run % 5) mastodon.state.addStatus({ id: String(160_000_000 + run * 1000 + i), accountId: 'a3', createdAt: iso(clock - 60_000), reblogOfId: status.id })
      if (i % 7 === run % 7) mastodon.state.addStatus({ id: String(170_000_000 + run * 1000 + i), accountId: 'a3', createdAt: iso(clock - 60_000), text: 'Une réponse', inReplyToId: status.id })
    }
    for (const [w, word] of TOPIC_WORDS.entries()) {
      for (let k = 0; k < 2; k++) {
        const ms = clock - (2 + k * 5 + w) * 60_000
        const text = `Du nouveau sur le ${word}, run ${run + 1}.${k}`
        bluesky.state.addPost({ rkey: `${word}-run-${run}-${k}`, authorDid: AUTHORS[(k + w) % 3], text, createdAt: iso(ms) })
        x.seed.tweets.push({ id: snowflake(ms, 1000 + run * 10 + w * 2 + k), authorId: xUsers[k].id, text, createdAt: iso(ms), likes: 0, retweets: 0, replies: 0, quotes: 0 })
        redditSeed.posts.push({ id: toBase36(3_100_000_000 + run * 100 + w * 2 + k), subreddit: 'france', title: text, author: redditUsers[k].name, createdUtc: Math.floor(ms / 1000), score: 1, numComments: 0 })
        mastodon.state.addStatus({ id: String(180_000_000 + run * 100 + w * 2 + k), accountId: 'a1', createdAt: iso(ms), text, favourites: 0 })
      }
    }
    bluesky.state.version++
    mastodon.state.version++
  }

  // What each fake saw, by endpoint (ids folded into `:id`); Reddit's token endpoint is counted apart.
  const seen = () => ({
    bluesky: count(bluesky.requests.map((r) => r.nsid)),
    mastodon: count(mastodon.requests.map((r) => r.path.replace(/\/\d{3,}(?=\/|$)/g, '/:id'))),
    reddit: count([...redditPaths(), ...Array<string>(reddit.tokensIssued).fill('POST /api/v1/access_token')]),
    x: count(x.requests.map((r) => r.path.replace(/\/\d{3,}(?=\/|$)/g, '/:id'))),
  })
  const redditPaths = () => reddit.requests.map((r) => r.path.replace(/^\/comments\/[a-z0-9]+$/, '/comments/:id'))

  const statRows = ['searchRequests', 'ownMentionRequests', 'refreshRequests', 'threadRequests', 'repostRequests', 'gapRequests', 'setupRequests', 'profileRequests', 'referenceRequests', 'logins', 'posts', 'matched', 'refreshed', 'replies', 'reposts']
  const stats: Array<Record<string, unknown>> = []
  const perRun: Array<ReturnType<typeof seen>> = []
  let before = seen()
  for (let run = 0; run < runs; run++) {
    if (run > 0) moveOn(run)
    const outcome = await scheduledRun(database, workspaceId)
    if (outcome.status !== 'succeeded') console.log(`run ${run + 1}: ${outcome.status} ${outcome.error ?? ''}`)
    stats.push(outcome.stats)
    const after = seen()
    perRun.push(difference(after, before))
    before = after
  }

  const head = ['', ...Array.from({ length: runs }, (_, r) => (r === 0 ? 'run 1 (backlog)' : `run ${r + 1} (+${r * 15} min)`))]
  const rows: string[][] = [head, ['job stats'], ...statRows.map((key) => [`  ${key}`, ...stats.map((s) => String(s[key] ?? '-'))])]
  const requestKeys = statRows.slice(0, 10)
  rows.push(['  requests (sum of the 10 above)', ...stats.map((s) => String(requestKeys.reduce((sum, k) => sum + Number(s[k] ?? 0), 0)))])
  rows.push(['requests counted by the fakes'])
  for (const network of ['bluesky', 'mastodon', 'reddit', 'x'] as const) {
    const endpoints = [...new Set(perRun.flatMap((p) => [...p[network].keys()]))].sort()
    rows.push([`  ${network}`, ...perRun.map((p) => String(sum(p[network])))])
    for (const endpoint of endpoints) rows.push([`    ${endpoint}`, ...perRun.map((p) => String(p[network].get(endpoint) ?? 0))])
  }
  rows.push(['  all four fakes', ...perRun.map((p) => String(sum(p.bluesky) + sum(p.mastodon) + sum(p.reddit) + sum(p.x)))])
  const widths = head.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)))
  const sources = await database.db.selectFrom('sources').select('network').where('workspace_id', '=', workspaceId).orderBy('network').execute()
  console.log(`workspace: ${TOPIC_WORDS.length} topics (${TOPIC_WORDS.join(', ')}), sources: ${sources.map((s) => s.network).join(', ')} (test/fakes), ${runs} runs`)
  for (const row of rows) console.log(row.length === 1 ? row[0] : row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
  // The runs' notes, each once, with the runs that gave it.
  const notes = new Map<string, number[]>()
  stats.forEach((s, r) => { for (const note of s.notes ? String(s.notes).split(' | ') : []) notes.set(note, [...(notes.get(note) ?? []), r + 1]) })
  for (const [note, inRuns] of notes) console.log(`note (runs ${inRuns.join(', ')}): ${note}`)
} finally {
  for (const teardown of teardowns.reverse()) await teardown()
  await database.close()
}

function count(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

function sum(counts: Map<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0)
}

function difference<T extends Record<string, Map<string, number>>>(after: T, before: T): T {
  const out = {} as Record<string, Map<string, number>>
  for (const [network, counts] of Object.entries(after)) {
    out[network] = new Map([...counts].map(([key, n]) => [key, n - (before[network].get(key) ?? 0)]).filter(([, n]) => Number(n) > 0) as Array<[string, number]>)
  }
  return out as T
}
