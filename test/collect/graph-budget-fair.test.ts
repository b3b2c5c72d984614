// collect-graph shares a workspace's request budget across its topics: with a budget for two
// accounts a run and three topics, the topic created last gets its turn in the second run, and
// over the runs every topic's authors have their follow lists read, evenly.
import t from 'tap'
import { createCollectGraphJob } from '../../jobs/collect-graph.ts'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import type { Database } from '../../src/platform/db/database.ts'
import { openCredentials, sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { connectorFor } from '../../src/tenancy/sources/connector-factory.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { LOCAL_FAKES, localJobs } from '../helpers/local-network.ts'
import { TEST_SECRETS } from '../helpers/test-secrets.ts'
import { startFakeBluesky } from '../fakes/bluesky/index.ts'

const silent: Logger = { info() {}, warn() {}, error() {} }
const WORDS = ['velo', 'train', 'tram'] as const
const AUTHORS_PER_TOPIC = 4
const did = (word: string, i: number) => `did:plc:${word}${i}`
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

async function setUp(t: { teardown(fn: () => unknown): void }, database: Database) {
  const authors = WORDS.flatMap((word) => Array.from({ length: AUTHORS_PER_TOPIC }, (_, i) => ({ did: did(word, i), handle: `${word}${i}.test` })))
  const fake = await startFakeBluesky({
    actors: [{ did: 'did:plc:watcher', handle: 'watcher.test' }, ...authors],
    // Each author posts once on its topic, the first author most often (most active first).
    posts: WORDS.flatMap((word, w) => Array.from({ length: AUTHORS_PER_TOPIC }, (_, i) => Array.from({ length: AUTHORS_PER_TOPIC - i }, (_, k) => ({
      rkey: `${word}-${i}-${k}`, authorDid: did(word, i), text: `Un mot sur le ${word} (${i}.${k})`, createdAt: minutesAgo(10 + w * 50 + i * 10 + k),
    }))).flat()),
    // Everyone follows the watcher: one page per list.
    follows: authors.map((a) => ({ followerDid: a.did, followeeDid: 'did:plc:watcher' })),
    logins: [{ identifier: 'watcher.test', password: 'app-pass-graph', did: 'did:plc:watcher' }],
  })
  t.teardown(() => fake.close())
  const { id: workspaceId } = await createWorkspace(database.db, 'Graph budget')
  await database.db.insertInto('sources').values({
    workspace_id: workspaceId, name: 'bluesky', network: 'bluesky', base_url: fake.url, settings: { pdsUrl: fake.url },
    credentials: sealCredentials(TEST_SECRETS, { identifier: 'watcher.test', appPassword: 'app-pass-graph' }),
  }).execute()
  // Created one after the other: the oldest topic comes first in every list of topics.
  const topicIds: string[] = []
  for (const word of WORDS) {
    const row = await database.db.insertInto('topics').values({ workspace_id: workspaceId, name: word, query: word }).returning('id').executeTakeFirstOrThrow()
    topicIds.push(row.id)
  }
  const collected = await runJob({ db: database.db, log: silent }, localJobs().get('collect-mentions')!, { workspaceId }, { trigger: 'manual' })
  if (collected.status !== 'succeeded') throw new Error(JSON.stringify(collected))
  return { workspaceId, topicIds }
}

/** Per topic word, how many of its authors have had their follow lists read. */
async function readPerTopic(database: Database): Promise<Record<string, number>> {
  const rows = await database.db.selectFrom('accounts').select('external_id').where('graph_collected_at', 'is not', null).execute()
  return Object.fromEntries(WORDS.map((word) => [word, rows.filter((r) => r.external_id.startsWith(`did:plc:${word}`)).length]))
}

t.test('a small graph budget is shared by a workspace\'s topics: none starves, each gets its stalest authors read in turn', async (t) => {
  const database = await openTestDatabase(t)
  const { workspaceId } = await setUp(t, database)
  // Two lists per account, one page each: four requests read two accounts.
  const job = createCollectGraphJob({
    connect: (source, budget) => connectorFor({ ...source, credentials: openCredentials(TEST_SECRETS, source.credentials) }, { addressPolicy: LOCAL_FAKES, ...(budget && { budget }) }),
    requestBudget: 4,
    maxPagesPerList: 1,
  })
  const history: Record<string, number>[] = []
  for (let run = 0; run < 6; run++) {
    const outcome = await runJob({ db: database.db, log: silent }, job, { workspaceId }, { trigger: 'manual' })
    t.equal(outcome.status, 'succeeded', JSON.stringify(outcome))
    if (outcome.status !== 'skipped') t.equal(outcome.stats.requests, 4, `run ${run + 1} spends its budget`)
    history.push(await readPerTopic(database))
  }
  t.same(history[0], { velo: 1, train: 1, tram: 0 }, 'first run: the two oldest topics, one author each')
  t.same(history[1], { velo: 2, train: 1, tram: 1 }, 'second run: the topic left out goes first')
  for (const [run, counts] of history.entries()) {
    const values = Object.values(counts)
    t.ok(Math.max(...values) - Math.min(...values) <= 1, `after run ${run + 1}, no topic more than one author ahead: ${JSON.stringify(counts)}`)
  }
  t.same(history[5], { velo: 4, train: 4, tram: 4 }, 'six runs of four requests read all twelve authors')

  // Each topic's most active author (its first) was read before its others.
  const firsts = await database.db.selectFrom('accounts').select(['external_id', 'graph_collected_at']).where('graph_collected_at', 'is not', null).execute()
  const at = (id: string) => firsts.find((r) => r.external_id === id)!.graph_collected_at!.getTime()
  for (const word of WORDS) t.ok(at(did(word, 0)) <= Math.min(...[1, 2, 3].map((i) => at(did(word, i)))), `${word}: the most active author first`)
})
