import t from 'tap'
import { demoInWorkspace } from '../helpers/demo-in-workspace.ts'
import { localJobs } from '../helpers/local-network.ts'
import { runJob } from '../../jobs/run-job.ts'
import { bearer, buildTestApp } from '../helpers/app.ts'

// The demo as `relais demo` builds it: each topic's brand has a Bluesky account, and the posts
// naming it reach the topic's inbox through the sandbox's searchPosts `mentions` filter.
const quiet = { info() {}, warn() {}, error() {} }

t.test('on the demo, the inbox shows posts naming the brand\'s Bluesky account, off the topic\'s query too', async (t) => {
  const { app, database, mine } = await buildTestApp(t)
  const { demo, now } = await demoInWorkspace(t, database, mine.id)
  const outcome = await runJob({ db: database.db, log: quiet, now }, localJobs().get('collect-mentions')!, { workspaceId: mine.id }, { trigger: 'manual' })
  t.equal(outcome.status, 'succeeded', outcome.status === 'skipped' ? outcome.reason : outcome.error ?? '')
  if (outcome.status === 'skipped') return
  t.ok(Number(outcome.stats.ownMentions) > 0, `${outcome.stats.ownMentions} posts attached for naming a brand account (${outcome.stats.ownMentionRequests} requests)`)
  for (const topic of demo.topics) {
    const { own_accounts: own } = await database.db.selectFrom('topics').select('own_accounts').where('id', '=', topic.id).executeTakeFirstOrThrow()
    const handle = own.bluesky?.[0]
    t.ok(handle, `${topic.name}: the brand has a Bluesky account`)
    const res = await app.inject({ url: `/v1/topics/${topic.id}/inbox?limit=100`, headers: bearer(mine.read) })
    t.equal(res.statusCode, 200)
    const items = (res.json() as { items: { why: { en: string; fr: string }; mention: { network: string } }[] }).items
    const naming = items.filter((i) => i.why.en.startsWith(`Mentions @${handle}`))
    t.ok(naming.length > 0, `${topic.name}: ${naming.length} inbox items mention @${handle}`)
    t.ok(naming.every((i) => i.mention.network === 'bluesky' && i.why.fr.startsWith(`Mentionne @${handle}`)), 'on Bluesky, said in English and French')
  }
})
