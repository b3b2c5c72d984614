import t from 'tap'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import type { SearchSpec } from '../../src/pipeline/query/search-spec.ts'
import { createMastodonConnector } from '../../src/pipeline/networks/mastodon/index.ts'
import { createManualClock } from '../fakes/fault-injection.ts'
import { minuteTimes, opaqueIds, startFakeMastodon, type FakeMastodonOptions, type FakeMastodonSeed } from '../fakes/mastodon/index.ts'

const STATUSES = 800

function seed(): FakeMastodonSeed {
  const ids = opaqueIds(STATUSES, 21)
  const followerIds = opaqueIds(200, 22).slice(0, 190)
  return {
    accounts: [
      { id: 'main', username: 'main' },
      { id: 'far', username: 'far', domain: 'far.example' },
      ...followerIds.map((id, i) => ({ id, username: `f${i}`, domain: 'fans.example' })),
    ],
    statuses: minuteTimes(STATUSES).map((createdAt, i) => ({
      id: ids[i],
      accountId: i % 2 === 0 ? 'main' : 'far',
      createdAt,
      text: `status ${i} #topic`,
      ...(i > 0 && i % 7 === 0 ? { inReplyToId: ids[i - 1] } : {}),
    })),
    follows: followerIds.map((id, i) => ({ id: `rel-${String(i).padStart(4, '0')}`, followerId: id, followeeId: 'main' })),
  }
}

async function collect(connector: Connector, origin: string): Promise<{ posts: string[]; follows: string[] }> {
  const spec: SearchSpec = { kind: 'hashtag', tag: 'topic' }
  const posts: string[] = []
  let checkpoint: Checkpoint | null = null
  for (let i = 0; i < 30; i++) {
    const page = await connector.searchPage(spec, checkpoint)
    // Ports differ between runs; the instance's own origin is left out of the comparison.
    posts.push(...page.posts.map((post) => `${post.externalId} reply-to:${post.replyToExternalId}`.replaceAll(origin, '')))
    checkpoint = page.checkpoint
    if (page.done) break
  }
  const follows: string[] = []
  let cursor: string | null = null
  do {
    const page = await connector.followersPage('main@placeholder', cursor)
    follows.push(...page.follows.map((follow) => follow.followerExternalId))
    cursor = page.cursor
  } while (cursor !== null)
  return { posts, follows }
}

async function collectFrom(options: FakeMastodonOptions, rateLimit?: FakeMastodonSeed['rateLimit']) {
  const clock = createManualClock()
  const fake = await startFakeMastodon({ ...seed(), rateLimit }, { ...options, now: clock.now })
  try {
    const connector = createMastodonConnector({
      baseUrl: fake.url,
      localDomain: 'placeholder',
      timeoutMs: 300,
      maxRetries: 8,
      sleep: clock.sleep,
      now: clock.now,
    })
    return { ...(await collect(connector, fake.url)), injected: fake.faults?.injectedTotal ?? 0, waitedMs: clock.now() - createManualClock().now() }
  } finally {
    await fake.close()
  }
}

t.test('with a fifth of the requests failing, the collected set equals the fault-free one', async (t) => {
  const clean = await collectFrom({})
  t.equal(clean.posts.length, STATUSES)
  t.equal(clean.follows.length, 190)
  for (const faultSeed of [1, 2, 3]) {
    const faulty = await collectFrom({ faults: { seed: faultSeed, rate: 0.2 } })
    t.ok(faulty.injected > 5, `${faulty.injected} faults injected (seed ${faultSeed})`)
    t.same(faulty.posts, clean.posts, 'same posts, same order, no duplicates')
    t.same(faulty.follows, clean.follows, 'same followers')
  }
})

t.test('a small rate-limit window is waited out, not failed', async (t) => {
  const clean = await collectFrom({})
  const limited = await collectFrom({}, { limit: 3, windowMs: 5 * 60_000 })
  t.same(limited.posts, clean.posts)
  t.same(limited.follows, clean.follows)
  t.ok(limited.waitedMs >= 5 * 60_000, 'the collection waited for at least one window')
})

t.test('a 429 without Retry-After is waited out until X-RateLimit-Reset', async (t) => {
  const clock = createManualClock()
  const fake = await startFakeMastodon({ ...seed(), rateLimit: { limit: 3, windowMs: 60_000 } }, { now: clock.now })
  t.teardown(() => fake.close())
  const options = { baseUrl: fake.url, localDomain: 'placeholder', sleep: clock.sleep, now: clock.now }
  // Another worker spends the window: this connector learns of it only from the 429.
  for (let i = 0; i < 3; i++) await fetch(`${fake.url}/api/v1/accounts/main`)
  const before = clock.now()
  const { posts, follows } = await collect(createMastodonConnector(options), fake.url)
  t.equal(posts.length, STATUSES)
  t.equal(follows.length, 190)
  t.ok(clock.now() - before >= 60_000, 'waited for the window to reset')
})
