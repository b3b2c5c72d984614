import t from 'tap'
import { demoInWorkspace } from '../helpers/demo-in-workspace.ts'
import { localJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'
import { sandboxTruth } from '../../bench/quality/sandbox.ts'

// The demo as `relais demo` builds it — the sandbox over the real wire formats, the real
// connectors and jobs — read through the rankings API.
interface Item { rank: number; relay: number; influence: number; audience: boolean; reasons: string[]; account: { handle: string }; components: { amplification: number; topicPosts: number } }
const quiet = { info() {}, warn() {}, error() {} }

t.test('on the demo, relays passed content on and every item says why', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const { data, demo, now } = await demoInWorkspace(t, database, mine.id)
  const jobs = localJobs()
  for (const name of ['collect-mentions', 'collect-graph', 'score']) {
    const outcome = await runJob({ db: database.db, log: quiet, now }, jobs.get(name)!, { workspaceId: mine.id }, { trigger: 'manual' })
    t.equal(outcome.status, 'succeeded', `${name} succeeded`)
  }
  for (const [i, topic] of demo.topics.entries()) {
    const get = async (ranking: string, lang = 'en'): Promise<Item[]> =>
      (await app.inject({ url: `/v1/topics/${topic.id}/${ranking}?limit=500&lang=${lang}`, headers: bearer(mine.read) })).json().items
    const relays = await get('relays')
    t.ok(relays.length > 0, `${topic.name}: ${relays.length} relays`)
    t.ok(relays.every((r) => r.components.amplification > 0), 'every listed relay reposted or quoted something on the topic')
    const influencers = await get('influencers')
    const hubs = sandboxTruth(data, ['velo', 'rust'][i]).roles.hub
    // A hub whose posts the topic's query or languages left out has nothing on the topic to judge.
    const authors = influencers.filter((r) => r.components.topicPosts > 0).map((r) => r.account.handle)
    const collectedHubs = [...hubs].filter((h) => authors.includes(h))
    t.ok(collectedHubs.length >= hubs.size / 2, `${topic.name}: ${collectedHubs.length} of ${hubs.size} planted hubs have on-topic posts collected`)
    t.ok(collectedHubs.every((h) => authors.indexOf(h) < 10), `${topic.name}: each of them is in the influencers' top 10 (at ${collectedHubs.map((h) => authors.indexOf(h) + 1)})`)
    const firstAudience = influencers.findIndex((r) => r.audience)
    t.ok(firstAudience === -1 || influencers.slice(firstAudience).every((r) => r.audience && r.influence === 0), 'accounts with no on-topic post come last, labelled, with no influence')
    t.ok(influencers.every((r) => r.reasons.length > 0), 'every influencer has reasons')
    t.match((await get('influencers', 'fr'))[0].reasons[0], /^A écrit \d+ publications? sur le sujet/, 'reasons in French with lang=fr')
    // The planted bridges follow and pass on two communities; the followers they reach beyond the
    // topic graph are people the topic's content does not reach otherwise (ranks in the message).
    const bridges = sandboxTruth(data, ['velo', 'rust'][i]).roles.bridge
    const relayTop10 = relays.slice(0, 10).map((r) => r.account.handle)
    const ranks = [...bridges].map((b) => relays.findIndex((r) => r.account.handle === b) + 1)
    t.ok([...bridges].every((b) => relayTop10.includes(b)), `${topic.name}: planted bridges in the relays' top 10 (at ${ranks.join(', ')})`)
  }
})
