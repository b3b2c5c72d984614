// The requests collect-mentions makes for the demo workspace (`relais demo`: the simulated
// network, its Mastodon instances and Bluesky, two topics), as the job's stats report them: the
// first run (the backlog), then scheduled runs 15 minutes of simulated time apart. Each run's line
// gives the stats, their request counts summed, and the requests the sandbox itself received, by
// endpoint (ids folded into `:id`), to compare. It asserts nothing; the figures go against each
// network's documented budget (see the collection note).
//   node --import tsx bench/collection/requests.ts [--accounts 2000] [--runs 4]
import { parseArgs } from 'node:util'
import { createJobs } from '../../jobs/index.ts'
import { runJob } from '../../jobs/run-job.ts'
import { openDatabase } from '../../src/platform/db/database.ts'
import { migrateToLatest } from '../../src/platform/db/migrator.ts'
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'
import { systemResolver } from '../../src/pipeline/networks/http/resolve-target.ts'
import { createDemoWorkspace } from '../../src/simulation/demo/demo-setup.ts'
import { generateSandbox, startSandboxServer } from '../../src/simulation/sandbox/index.ts'
import { randomBytes } from 'node:crypto'

const { values } = parseArgs({ options: { accounts: { type: 'string', default: '2000' }, runs: { type: 'string', default: '4' } } })
const silent = { info() {}, warn() {}, error() {} }
const data = generateSandbox({ seed: 'relais-demo', accounts: Number(values.accounts), days: 14, now: new Date() })
/** The job's stats that count requests to the networks; their sum is what the sandbox should see. */
const REQUEST_STATS = ['searchRequests', 'ownMentionRequests', 'refreshRequests', 'threadRequests', 'repostRequests', 'gapRequests', 'setupRequests', 'profileRequests', 'referenceRequests', 'logins']
const received = new Map<string, number>()
const endpointOf = ({ method, url }: { method: string; url: string }) =>
  `${method} ${new URL(url, 'http://sandbox.invalid').pathname.replace(/\/\d+(?=\/|$)/g, '/:id')}`
const sandbox = await startSandboxServer({ data, onRequest: (request) => received.set(endpointOf(request), (received.get(endpointOf(request)) ?? 0) + 1) })
const database = await openDatabase({ dataDir: ':memory:', command: 'bench' })
try {
  await migrateToLatest(database.db)
  const secrets = createSecretBox([randomBytes(32)])
  const demo = await createDemoWorkspace(database.db, data, sandbox, secrets)
  const jobs = createJobs({ addressPolicy: { allowPrivate: true, allowHttpSources: true, resolver: systemResolver }, secrets })
  const sources = await database.db.selectFrom('sources').select('network').where('workspace_id', '=', demo.workspaceId).execute()
  console.log(`demo: ${demo.topics.length} topics, sources: ${sources.map((s) => s.network).join(', ')}`)
  for (let run = 0; run < Number(values.runs); run++) {
    if (run > 0) sandbox.advance(0.25)
    received.clear()
    const outcome = await runJob({ db: database.db, log: silent }, jobs.get('collect-mentions')!, { workspaceId: demo.workspaceId }, { trigger: 'manual' })
    const s = outcome.status === 'skipped' ? {} : outcome.stats
    console.log(`run ${run + 1} (${run === 0 ? 'backlog' : '+15 min'}): ${outcome.status} ${Object.entries(s).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}=${v}`).join(' ')}`)
    if (outcome.status === 'failed') console.log(`  error: ${String(outcome.error ?? '').slice(0, 500)}`)
    const statsSum = REQUEST_STATS.reduce((sum, key) => sum + Number((s as Record<string, unknown>)[key] ?? 0), 0)
    const sandboxSum = [...received.values()].reduce((a, b) => a + b, 0)
    console.log(`  requests: stats ${statsSum}, sandbox ${sandboxSum} (${[...received].sort().map(([endpoint, n]) => `${endpoint} ${n}`).join(', ')})`)
  }
} finally {
  await database.close()
  await sandbox.close()
}
