import t from 'tap'
import { createRedditConnector } from '../../src/pipeline/networks/reddit/index.ts'
import type { SessionStore } from '../../src/pipeline/networks/session-store.ts'
import { createManualClock } from '../fakes/fault-injection.ts'
import { generateRedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake, type RedditFake } from '../fakes/reddit/server.ts'

const spec = { kind: 'query', q: 'rustlang' } as const

/** What the database keeps for a source, here in memory: the saved value and the token requests. */
function memoryStore(): SessionStore & { saved: unknown; requests: number } {
  const store = {
    saved: null as unknown,
    requests: 0,
    load: async () => store.saved,
    save: async (session: unknown) => { store.saved = session },
    beforeLogin: async () => { store.requests++ },
  }
  return store
}

const connectorFor = (fake: RedditFake, store: SessionStore, now: () => number) => createRedditConnector({
  baseUrl: fake.url, tokenUrl: `${fake.url}/api/v1/access_token`, clientId: 'fake-client-id', clientSecret: 'fake-client-secret', now, sessionStore: store,
})

t.test('the app token is reused by later connectors (runs, processes) until it expires', async (t) => {
  const clock = createManualClock()
  const fake = await startRedditFake({ seed: generateRedditSeed(50), now: clock.now, tokenTtlSeconds: 3600 })
  t.teardown(fake.close)
  const store = memoryStore()
  for (let run = 0; run < 6; run++) {
    await connectorFor(fake, store, clock.now).searchPage(spec, null)
    clock.advance(15 * 60_000 / 2)
  }
  t.equal(fake.tokensIssued, 1, 'six connectors, 45 minutes: one token')
  t.equal(store.requests, 1)
  clock.advance(3600_000)
  await connectorFor(fake, store, clock.now).searchPage(spec, null)
  t.equal(fake.tokensIssued, 2, 'an expired token is replaced')
})

t.test('a stored token the API refuses is not read back', async (t) => {
  const clock = createManualClock()
  const fake = await startRedditFake({ seed: generateRedditSeed(50), now: clock.now, tokenTtlSeconds: 3600 })
  t.teardown(fake.close)
  const store = memoryStore()
  await connectorFor(fake, store, clock.now).searchPage(spec, null)
  fake.revokeTokens()
  const page = await connectorFor(fake, store, clock.now).searchPage(spec, null)
  t.ok(page.posts.length > 0)
  t.equal(fake.tokensIssued, 2)
})
