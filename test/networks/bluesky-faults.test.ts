import t from 'tap'
import { createBlueskyConnector } from '../../src/pipeline/networks/bluesky/index.ts'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import { createManualClock } from '../fakes/fault-injection.ts'
import { startFakeBluesky, type FakeBlueskyOptions, type FakeBlueskySeed } from '../fakes/bluesky/index.ts'

const LOGIN = { identifier: 'me.test', password: 'app-password', did: 'did:plc:me' }

const POSTS = 2400
const FOLLOWERS = 600

function seed(): FakeBlueskySeed {
  const actors = [{ did: LOGIN.did, handle: 'me.test' }, ...Array.from({ length: FOLLOWERS }, (_, i) => ({ did: `did:plc:u${i}`, handle: `u${i}.test` }))]
  return {
    actors,
    posts: Array.from({ length: POSTS }, (_, i) => ({
      rkey: `r${i}`,
      authorDid: `did:plc:u${i % FOLLOWERS}`,
      text: `${i % 4 === 0 ? 'Weather' : 'Tide'} report ${i} ☔ #coast`,
      createdAt: new Date(Date.UTC(2024, 7, 20) + i * 45_000).toISOString(),
    })),
    follows: actors.slice(1).map((actor) => ({ followerDid: actor.did, followeeDid: LOGIN.did })),
    logins: [LOGIN],
  }
}

async function collect(connector: Connector, expireTokens: () => void): Promise<{ posts: string[]; follows: string[]; profiles: string[] }> {
  const posts: string[] = []
  let checkpoint: Checkpoint | null = null
  for (let i = 0; i < 40; i++) {
    const page = await connector.searchPage({ kind: 'query', q: 'tide' }, checkpoint)
    posts.push(...page.posts.map((post) => `${post.externalId} ${post.hashtags.join(',')} ${post.mentions.length}`))
    checkpoint = page.checkpoint
    if (i === 5) expireTokens()
    if (page.done) break
  }
  const follows: string[] = []
  let cursor: string | null = null
  do {
    const page = await connector.followersPage(LOGIN.did, cursor)
    follows.push(...page.follows.map((follow) => follow.followerExternalId))
    cursor = page.cursor
  } while (cursor !== null)
  const profiles = (await connector.profiles(follows)).map((profile) => `${profile.externalId} ${profile.followersCount} ${profile.postsCount}`)
  return { posts, follows, profiles }
}

async function collectFrom(options: FakeBlueskyOptions, rateLimit?: FakeBlueskySeed['rateLimit']) {
  const clock = createManualClock(Date.UTC(2024, 7, 23))
  const start = clock.now()
  const fake = await startFakeBluesky({ ...seed(), rateLimit }, { ...options, now: clock.now })
  try {
    const connector = createBlueskyConnector({
      appViewUrl: fake.url,
      pdsUrl: fake.url,
      identifier: LOGIN.identifier,
      appPassword: LOGIN.password,
      timeoutMs: 300,
      maxRetries: 8,
      sleep: clock.sleep,
      now: clock.now,
    })
    return { ...(await collect(connector, () => fake.state.expireTokens())), injected: fake.faults?.injectedTotal ?? 0, waitedMs: clock.now() - start }
  } finally {
    await fake.close()
  }
}

t.test('with a fifth of the requests failing, the collected set equals the fault-free one', async (t) => {
  const clean = await collectFrom({})
  t.equal(clean.posts.length, POSTS * 0.75)
  t.equal(clean.follows.length, FOLLOWERS)
  t.equal(clean.profiles.length, FOLLOWERS)
  for (const faultSeed of [4, 5, 6]) {
    const faulty = await collectFrom({ faults: { seed: faultSeed, rate: 0.2 } })
    t.ok(faulty.injected >= 5, `${faulty.injected} faults injected (seed ${faultSeed})`)
    t.same(faulty.posts, clean.posts, 'same posts, same order, no duplicates')
    t.same(faulty.follows, clean.follows, 'same followers')
    t.same(faulty.profiles, clean.profiles, 'same profiles and counts')
  }
})

t.test('rate limits with RateLimit-* headers and Retry-After are waited out', async (t) => {
  const clean = await collectFrom({})
  const limited = await collectFrom({}, { limit: 2, windowSeconds: 300 })
  t.same(limited.posts, clean.posts)
  t.same(limited.follows, clean.follows)
  t.ok(limited.waitedMs >= 300_000, 'the collection waited for at least one window')
})
