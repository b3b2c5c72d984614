import t from 'tap'
import { openTestDatabase } from '../helpers/database.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { scheduledRun, TOPIC_WORDS } from '../helpers/bluesky-fidelity.ts'
import { latestReadings, listenOn } from '../helpers/network-fidelity.ts'
import { snowflake, type XSeed } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'
import { DEFAULT_X_REFRESH_READS_PER_RUN, RUNS_PER_MONTH, X_MONTHLY_POST_READS } from '../../src/pipeline/networks/x/billed-reads.ts'

/** `perTopic` matched posts on each topic word, a minute apart, none liked yet. */
function seed(perTopic: number): XSeed {
  const users = [0, 1, 2].map((i) => ({ id: String(6_000_000 + i), username: `voix${i}`, name: `Voix ${i}` }))
  const tweets = TOPIC_WORDS.flatMap((word, w) => Array.from({ length: perTopic }, (_, i) => {
    const ms = Date.now() - (1 + i * 3 + w) * 60_000
    return { id: snowflake(ms, w * 1000 + i), authorId: users[(i + w) % 3].id, text: `Un avis sur le ${word}, numéro ${i}`, createdAt: new Date(ms).toISOString(), likes: 0 }
  }))
  return { users, tweets, follows: [] }
}

async function setup(t: Parameters<typeof openTestDatabase>[0] & { teardown(fn: () => unknown): void }, perTopic: number, settings?: Record<string, string>) {
  const database = await openTestDatabase(t)
  const fake = await startXFake({ seed: seed(perTopic) })
  t.teardown(fake.close)
  const listening = await listenOn(database, { network: 'x', baseUrl: fake.url, credentials: { bearerToken: 'fake-bearer-token' }, ...(settings && { settings }) })
  return { database, fake, ...listening }
}

const lookupsSince = (fake: { requests: Array<{ path: string; query: URLSearchParams }> }, from: number) =>
  fake.requests.slice(from).filter((r) => r.path === '/2/tweets')

t.test('an X source’s refresh reads at most its refreshReadsPerRun posts a run, and the job reports the posts X bills', async (t) => {
  const { database, fake, workspaceId } = await setup(t, 90, { refreshReadsPerRun: '150' })
  const first = await scheduledRun(database, workspaceId)
  t.equal(first.status, 'succeeded', first.error ?? '')
  t.equal(first.stats.billedPostReads, fake.postsServed, 'every post X served in the run, as X counts them')

  for (const tweet of fake.seed.tweets) tweet.likes = 4
  const served = fake.postsServed
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  const lookups = lookupsSince(fake, before)
  t.same(lookups.map((r) => (r.query.get('ids') ?? '').split(',').length), [100, 50], '150 posts: a lookup of 100 and one of 50')
  t.equal(second.stats.refreshed, 150)
  t.equal(second.stats.billedPostReads, fake.postsServed - served, 'the search overlap and the 150 refreshed posts')
  t.equal([...(await latestReadings(database, workspaceId)).values()].filter((c) => c.likes === 4).length, 150)

  // Two more runs read the other 120 (oldest reading first), then start again from the oldest.
  await scheduledRun(database, workspaceId)
  const fourth = await scheduledRun(database, workspaceId)
  t.equal(fourth.stats.refreshed, 150)
  const all = [...(await latestReadings(database, workspaceId)).values()]
  t.equal(all.length, 270)
  t.ok(all.every((c) => c.likes === 4), 'every matched post read within two runs')
})

t.test('without the setting, an X source’s refresh reads the default share of a monthly plan, and 0 turns it off', async (t) => {
  // The default spends at most half of X's lower published monthly cap at the default schedule.
  t.ok(DEFAULT_X_REFRESH_READS_PER_RUN * RUNS_PER_MONTH <= X_MONTHLY_POST_READS / 2, `${DEFAULT_X_REFRESH_READS_PER_RUN} × ${RUNS_PER_MONTH} runs ≤ half of ${X_MONTHLY_POST_READS}`)
  const { database, fake, workspaceId } = await setup(t, 150)
  await scheduledRun(database, workspaceId)
  const before = fake.requests.length
  const second = await scheduledRun(database, workspaceId)
  t.equal(second.stats.refreshed, DEFAULT_X_REFRESH_READS_PER_RUN)
  t.equal(lookupsSince(fake, before).length, DEFAULT_X_REFRESH_READS_PER_RUN / 100)

  await database.db.updateTable('sources').set({ settings: { refreshReadsPerRun: '0' } }).where('workspace_id', '=', workspaceId).execute()
  const at = fake.requests.length
  const off = await scheduledRun(database, workspaceId)
  t.equal(off.status, 'succeeded', off.error ?? '')
  t.equal(lookupsSince(fake, at).length, 0, 'no lookups at all')
  t.equal(off.stats.refreshed, 0)
})

t.test('a refreshReadsPerRun that is not a number of posts up to 4,000 is refused with a message that says why', async (t) => {
  const { app, mine } = await buildTestApp(t)
  const post = (settings: Record<string, string>) => app.inject({ method: 'POST', url: '/v1/sources', headers: bearer(mine.admin), payload: { name: 'X', network: 'x', settings, credentials: { bearerToken: 'AAAA' } } })
  for (const bad of ['5000', 'lots', '-1', '1.5']) {
    const refused = await post({ refreshReadsPerRun: bad })
    t.equal(refused.statusCode, 400, bad)
    t.match(refused.json().detail, /refreshReadsPerRun.*whole number of posts from 0 to 4000/, `${bad}: ${refused.json().detail}`)
  }
  const accepted = await post({ refreshReadsPerRun: '4000' })
  t.equal(accepted.statusCode, 201)
  t.same(accepted.json().settings, { refreshReadsPerRun: '4000' })
})
