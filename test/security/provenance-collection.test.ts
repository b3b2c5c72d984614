// Provenance, by collection: workspace B registers its own servers, which serve the same account
// and post ids as the network workspace A collects from, with other names, bios, URLs, counts and
// extra follows. After B's collection, graph walk and scoring, every answer of A's API is the
// same, byte for byte; and A's next scoring ranks exactly as before. B does see what its servers
// said: the attack reached the database, it just stays B's.
import t from 'tap'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { generateSandbox, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { scoreTopic } from '../../src/insight/scoring/index.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { HIJACKED_NAME, PHISHING_ORIGIN, startHostileProxy } from '../helpers/hostile-proxy.ts'
import { localJobs } from '../helpers/local-network.ts'
import { addSandboxSources, sandboxUrls } from '../helpers/sandbox-sources.ts'
import { rankingShape, workspaceView } from './fixtures/workspace-view.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
// Posts up to now: the scoring window (30 days back from now) holds them.
const data = generateSandbox({ seed: 'provenance', accounts: 300, days: 5, futureHours: 24, now: new Date() })
const QUERY = '#velo OR #mobilite'

t.test('another workspace\'s servers, serving the same ids, change nothing of what a workspace sees', async (t) => {
  const { app, database, mine, theirs } = await buildTestApp(t)
  const { db } = database
  const sandbox = await startSandboxServer({ data })
  t.teardown(() => sandbox.close())
  const jobs = localJobs({ connectorTuning: { maxRetries: 2 } })
  const collect = async (topicId: string, jobNames = ['collect-mentions', 'collect-graph', 'score']) => {
    for (const name of jobNames) {
      const run = await runJob({ db, log: silent }, jobs.get(name)!, { topicId }, { trigger: 'manual' })
      t.equal(run.status, 'succeeded', `${name}: ${JSON.stringify(run)}`)
    }
  }
  const brand = data.accounts.find((a) => a.network === 'mastodon' && a.role === 'hub')!
  const newTopic = async (key: string) => {
    const res = await app.inject({ method: 'POST', url: '/v1/topics', headers: bearer(key), payload: { name: 'Vélo', query: QUERY, ownAccounts: { mastodon: [brand.handle] } } })
    t.equal(res.statusCode, 201, res.body)
    return (res.json() as { id: string }).id
  }

  // A collects from the network.
  await addSandboxSources(db, mine.id, sandbox)
  const topicA = await newTopic(mine.admin)
  await collect(topicA, ['collect-mentions', 'collect-graph'])
  // Scored at a fixed instant (ties decay with age), so that scoring again later is comparable.
  const scoredAt = new Date()
  await scoreTopic(db, topicA, { now: scoredAt })
  const digest = await app.inject({ method: 'POST', url: '/v1/digests', headers: bearer(mine.write), payload: { topicId: topicA, recipients: ['team@relais.test'] } })
  t.equal(digest.statusCode, 201, digest.body)
  const target = { app, db, workspaceId: mine.id, key: mine.read, topicId: topicA, digestId: (digest.json() as { id: string }).id }
  const before = await workspaceView(target)
  const ranked = JSON.parse(before.get(`/v1/topics/${topicA}/influencers?limit=500`)!) as { items: unknown[] }
  t.ok(ranked.items.length > 20, `A ranks ${ranked.items.length} accounts`)

  // B's own servers in front of the same network: same ids, other names, URLs, counts, follows.
  const real = sandboxUrls(sandbox)
  const [mastodon, appview, pds] = await Promise.all([real.mastodon, real.appview, real.pds].map(startHostileProxy))
  t.teardown(() => Promise.all([mastodon, appview, pds].map((p) => p.close())))
  await addSandboxSources(db, theirs.id, sandbox, { urls: { mastodon: mastodon.url, appview: appview.url, pds: pds.url } })
  const topicB = await newTopic(theirs.admin)
  await collect(topicB)

  const theirRanking = (await app.inject({ url: `/v1/topics/${topicB}/influencers?limit=500`, headers: bearer(theirs.read) })).body
  t.ok(theirRanking.includes(HIJACKED_NAME) && theirRanking.includes(PHISHING_ORIGIN), 'B\'s servers\' names and URLs are what B sees')
  const theirFollows = await db.selectFrom('follows').innerJoin('accounts', 'accounts.id', 'follows.follower_id')
    .select((eb) => eb.fn.countAll<number>().as('n')).where('accounts.workspace_id', '=', theirs.id).executeTakeFirstOrThrow()
  t.ok(Number(theirFollows.n) > 0, `B collected follow lists (${theirFollows.n} follows, extra ones included)`)

  const after = await workspaceView(target)
  t.same([...after.keys()], [...before.keys()], 'the same answers were read')
  for (const [url, body] of before) t.equal(after.get(url), body, `A's ${url} is byte-identical`)
  for (const body of after.values()) t.notOk(body.includes(HIJACKED_NAME) || body.includes(PHISHING_ORIGIN), 'nothing of B\'s servers in A\'s answers')

  // A scores again with B's observations in the database: the same ranking.
  await scoreTopic(db, topicA, { now: scoredAt })
  for (const ranking of ['influencers', 'relays', 'prospects']) {
    const url = `/v1/topics/${topicA}/${ranking}?limit=500`
    const again = (await app.inject({ url, headers: bearer(mine.read) })).body
    t.same(rankingShape(again), rankingShape(before.get(url)!), `A's ${ranking}, scored again, rank and score as before`)
  }
})
