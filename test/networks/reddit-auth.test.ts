import t from 'tap'
import { createRedditConnector, type RedditConnectorOptions } from '../../src/pipeline/networks/reddit/index.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import { createManualClock } from '../fakes/fault-injection.ts'
import { generateRedditSeed } from '../fakes/reddit/seed.ts'
import { startRedditFake, type RedditFake } from '../fakes/reddit/server.ts'

const spec = { kind: 'query', q: 'rustlang' } as const

function connectorFor(fake: RedditFake, extra: Partial<RedditConnectorOptions> = {}) {
  return createRedditConnector({
    baseUrl: fake.url,
    tokenUrl: `${fake.url}/api/v1/access_token`,
    clientId: 'fake-client-id',
    clientSecret: 'fake-client-secret',
    ...extra,
  })
}

t.test('wrong credentials: a clear auth error without the secret in it', async (t) => {
  const fake = await startRedditFake({ seed: generateRedditSeed(5) })
  t.teardown(fake.close)
  const err = await connectorFor(fake, { clientSecret: 'wrong-secret-value' }).searchPage(spec, null).catch((e: unknown) => e)
  t.ok(err instanceof ConnectorError)
  const ce = err as ConnectorError
  t.equal(ce.kind, 'auth')
  t.equal(ce.network, 'reddit')
  t.equal(ce.message, 'Reddit refused the credentials (401): check the client id and secret of this source')
  t.notMatch(ce.message, /wrong-secret-value|fake-client-id/)
  t.equal(fake.tokensIssued, 0)
})

t.test('missing credentials are a config error before any request', async (t) => {
  t.throws(() => createRedditConnector({ clientId: '', clientSecret: 'x' }), { kind: 'config', message: /no client id or secret/ })
})

t.test('one token serves every request until it expires', async (t) => {
  const clock = createManualClock()
  const fake = await startRedditFake({ seed: generateRedditSeed(250), now: clock.now, tokenTtlSeconds: 3600 })
  t.teardown(fake.close)
  const connector = connectorFor(fake, { now: clock.now, sleep: clock.sleep })
  let page = await connector.searchPage(spec, null)
  page = await connector.searchPage(spec, page.checkpoint)
  t.equal(fake.tokensIssued, 1)
  clock.advance(3600_000)
  const last = await connector.searchPage(spec, page.checkpoint)
  t.ok(last.done)
  t.equal(fake.tokensIssued, 2, 'renewed once expired')
})

t.test('a token revoked early is renewed once and the call succeeds', async (t) => {
  const fake = await startRedditFake({ seed: generateRedditSeed(150) })
  t.teardown(fake.close)
  const connector = connectorFor(fake)
  const first = await connector.searchPage(spec, null)
  fake.revokeTokens()
  const second = await connector.searchPage(spec, first.checkpoint)
  t.equal(first.posts.length + second.posts.length, 150)
  t.equal(fake.tokensIssued, 2)
})

t.test('a user agent Reddit blocks gets its HTML page reported as such', async (t) => {
  const fake = await startRedditFake({ seed: generateRedditSeed(5) })
  t.teardown(fake.close)
  const clock = createManualClock()
  const connector = connectorFor(fake, { userAgent: 'node', maxRetries: 1, sleep: clock.sleep, now: clock.now })
  await t.rejects(connector.searchPage(spec, null), { kind: 'unavailable', message: /^Reddit answered 429 with an HTML page \(not JSON\)/ })
})

t.test('never more requests per window than X-Ratelimit-* allows', async (t) => {
  const clock = createManualClock()
  const fake = await startRedditFake({ seed: generateRedditSeed(450), now: clock.now, rateLimit: { limit: 2, windowSeconds: 60 } })
  t.teardown(fake.close)
  const connector = connectorFor(fake, { now: clock.now, sleep: clock.sleep })
  let checkpoint = null
  let collected = 0
  for (let done = false; !done; ) {
    const page = await connector.searchPage(spec, checkpoint)
    collected += page.posts.length
    checkpoint = page.checkpoint
    done = page.done
  }
  t.equal(collected, 450)
  t.equal(fake.apiRequests, 5)
  t.equal(fake.overLimit, 0, 'no request was refused')
  // 2 requests per 60 s window starting on a minute boundary: wait to each window end + 1 s.
  t.same(clock.sleeps, [61_000, 60_000])
})
