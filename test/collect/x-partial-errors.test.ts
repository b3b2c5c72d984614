import t from 'tap'
import { runJob } from '../../jobs/run-job.ts'
import type { Logger } from '../../src/tenancy/job-runs/job.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { localJobs } from '../helpers/local-network.ts'
import { listenOn } from '../helpers/network-fidelity.ts'
import { snowflake } from '../fakes/x/seed.ts'
import { startXFake } from '../fakes/x/server.ts'

t.test('X partial errors of a search page are counted in the run’s stats and logged without the token', async (t) => {
  const database = await openTestDatabase(t)
  const now = Date.now()
  const deleted = snowflake(now - 60 * 60_000, 1)
  const users = [{ id: '5000001', username: 'voix', name: 'Voix' }]
  const tweets = [
    // Two matched posts quote posts that are gone: X keeps them and answers each gone one in `errors[]`.
    { id: snowflake(now - 5 * 60_000, 2), authorId: '5000001', text: 'Le velo, vu ici', createdAt: new Date(now - 5 * 60_000).toISOString(), quoteOf: deleted },
    { id: snowflake(now - 4 * 60_000, 3), authorId: '5000001', text: 'Le train aussi', createdAt: new Date(now - 4 * 60_000).toISOString(), quoteOf: snowflake(now - 90 * 60_000, 4) },
    { id: snowflake(now - 3 * 60_000, 5), authorId: '5000001', text: 'Le tram, rien à redire', createdAt: new Date(now - 3 * 60_000).toISOString() },
  ]
  const fake = await startXFake({ seed: { users, tweets, follows: [] }, bearerToken: 'secret-bearer-123' })
  t.teardown(fake.close)
  const { workspaceId } = await listenOn(database, { network: 'x', baseUrl: fake.url, credentials: { bearerToken: 'secret-bearer-123' } })
  const warnings: Array<{ obj: object; msg?: string }> = []
  const log: Logger = { info() {}, error() {}, warn: (obj, msg) => warnings.push({ obj, ...(msg !== undefined && { msg }) }) }

  const outcome = await runJob({ db: database.db, log }, localJobs({ connectorTuning: { maxRetries: 1 } }).get('collect-mentions')!, { workspaceId }, { trigger: 'schedule' })
  if (outcome.status === 'skipped') throw new Error(outcome.reason)
  t.equal(outcome.status, 'succeeded', outcome.error ?? '')
  t.equal(outcome.stats.partialErrors, 2, 'one per gone quoted post')
  t.equal(outcome.stats.matched, 3, 'the posts themselves are kept')
  const logged = warnings.filter((w) => w.msg?.includes('partial errors'))
  t.equal(logged.length, 2, 'one log line per page that had some')
  const text = JSON.stringify(logged)
  t.match(text, `Could not find tweet with referenced_tweets.id: [${deleted}]`)
  t.notMatch(text, 'secret-bearer-123')
})
