import t from 'tap'
import { createXConnector } from '../../src/pipeline/networks/x/index.ts'
import { ConnectorError } from '../../src/pipeline/networks/errors.ts'
import { createManualClock } from '../fakes/fault-injection.ts'
import { generateXSeed } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'

const spec = { kind: 'query', q: '#rustlang' } as const

t.test('a wrong bearer token: clear auth error, token not in the message', async (t) => {
  const fake = await startXFake({ seed: generateXSeed(5) })
  t.teardown(fake.close)
  const x = createXConnector({ baseUrl: fake.url, bearerToken: 'not-the-right-token' })
  const err = await x.searchPage(spec, null).catch((e: unknown) => e)
  t.ok(err instanceof ConnectorError)
  t.equal((err as ConnectorError).kind, 'auth')
  t.equal((err as ConnectorError).message, 'X refused the bearer token (401): check the bearer token of this source')
})

t.test('a spent usage cap fails at once with a clear message', async (t) => {
  const fake = await startXFake({ seed: generateXSeed(5), usageCapped: true })
  t.teardown(fake.close)
  const clock = createManualClock()
  const x = createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token', sleep: clock.sleep, now: clock.now })
  await t.rejects(x.searchPage(spec, null), { kind: 'rate_limited', message: 'X usage cap exceeded (monthly cap): no more reads until the cap resets or the plan is raised' })
  t.same(clock.sleeps, [])
})

t.test('per-endpoint windows: search waits for its window, follows are not held back by it', async (t) => {
  const clock = createManualClock(Date.UTC(2024, 7, 21, 10, 0, 0))
  const seed = generateXSeed(450)
  const fake = await startXFake({ seed, now: clock.now, limits: { search: 2 } })
  t.teardown(fake.close)
  const x = createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token', sleep: clock.sleep, now: clock.now })
  const first = await x.searchPage(spec, null)
  const second = await x.searchPage(spec, first.checkpoint)
  t.same(clock.sleeps, [], 'two searches fit the window')
  await x.followersPage(seed.users[0].id, null)
  t.same(clock.sleeps, [], 'the followers endpoint has its own window')
  await x.searchPage(spec, second.checkpoint)
  t.same(clock.sleeps, [15 * 60_000 + 1000], 'the third search waited for the next 15-minute window')
  t.equal(fake.overLimit, 0)
})

t.test('a since_id older than the 7-day window restarts the walk instead of failing forever', async (t) => {
  const clock = createManualClock(Date.UTC(2024, 7, 21))
  const seed = generateXSeed(30, { startMs: Date.UTC(2024, 7, 20) })
  const fake = await startXFake({ seed, now: clock.now, recentWindowDays: 7 })
  t.teardown(fake.close)
  const x = createXConnector({ baseUrl: fake.url, bearerToken: 'fake-bearer-token', sleep: clock.sleep, now: clock.now })
  const first = await x.searchPage(spec, null)
  t.ok(first.done)
  clock.advance(10 * 86_400_000)
  const later = await x.searchPage(spec, first.checkpoint)
  t.same(later.posts.map((p) => p.externalId).sort(), first.posts.map((p) => p.externalId).sort(), 'the fake keeps old posts: all seen again')
  t.ok(later.done)
  t.same(later.checkpoint, first.checkpoint, 'the newest id is unchanged')
})
