import { CompiledQuery, type Kysely, type KyselyPlugin, type QueryResult, type UnknownRow } from 'kysely'
import { buildApp } from '../../src/api/app.ts'
import type { DB } from '../../src/platform/db/schema.ts'
import { createMetrics } from '../../src/platform/observability/metrics.ts'
import type { RankedTopic } from './seed-ranked-topic.ts'

const REPEAT = 200

/**
 * The statements one request of the benchmark runs, captured as the app sends them (a Kysely
 * plugin compiles each one), each with its plan (EXPLAIN ANALYZE) and its mean time over
 * repeated runs: where a request's database time goes. A fresh app is used, so its first request
 * renders the page and the second is served from the page cache.
 */
export async function explainRequest(db: Kysely<DB>, topic: RankedTopic): Promise<void> {
  let captured: CompiledQuery[] = []
  const capture: KyselyPlugin = {
    transformQuery(args) {
      captured.push(db.getExecutor().compileQuery(args.node, args.queryId))
      return args.node
    },
    transformResult: async (args) => args.result,
  }
  const app = await buildApp({ db: db.withPlugin(capture), metrics: createMetrics(), bodyLimit: 1024 * 1024, rateLimitPerMinute: 1_000_000 })
  const request = async () => {
    const res = await app.inject({ url: `/v1/topics/${topic.topicId}/influencers?limit=50`, headers: { authorization: `Bearer ${topic.readKey}` } })
    if (res.statusCode !== 200) throw new Error(`explain: the request answered ${res.statusCode}`)
  }
  let again: CompiledQuery[]
  try {
    await request()
    const first = captured
    captured = []
    await request()
    again = captured
    captured = first
  } finally {
    await app.close()
  }
  // The API key was verified by the benchmark's server moments ago, so it is read from the key cache here.
  console.log(`\nStatements of one request: ${captured.length} for the first (its page not rendered yet), ${again.length} for the same request again`)
  for (const [i, query] of captured.entries()) {
    const started = performance.now()
    for (let r = 0; r < REPEAT; r++) await db.executeQuery(query)
    const meanMs = (performance.now() - started) / REPEAT
    console.log(`\n#${i + 1} mean ${meanMs.toFixed(3)} ms over ${REPEAT} runs (one at a time, round trip included)`)
    console.log(`   ${query.sql.replace(/\s+/g, ' ').trim().slice(0, 400)}`)
    const plan: QueryResult<UnknownRow> = await db.executeQuery(CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]))
    for (const row of plan.rows) console.log(`   | ${Object.values(row)[0]}`)
  }
}
