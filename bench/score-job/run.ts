/**
 * The score job from the database, end to end and by step, beside its floors measured in the same
 * run, on a topic generated in a throw-away PostgreSQL database. Steps are timed twice: on the
 * statistics left from before most rows arrived (as right after a bulk import), then after ANALYZE.
 * Prints figures and ratios; never asserts on time. See README.md.
 */
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { analyzeTables } from '../../src/platform/db/analyze-tables.ts'
import { computeScores, loadTopicGraph, scoreTopic, type TopicGraph } from '../../src/insight/scoring/index.ts'
import type { AccountScore } from '../../src/insight/scoring/compute-scores.ts'
import { writeScores } from '../../src/insight/scoring/write-snapshot.ts'
import { thinScoreHistory } from '../../src/insight/scoring/thin-history.ts'
import { periodBaseline } from '../../src/insight/rankings/period-baseline.ts'
import { rankingPage } from '../../src/insight/rankings/queries.ts'
import { createBenchDatabase } from '../ingest/bench-database.ts'
import { BENCH_SERVER_URL, exitWithHelpIf, positiveInteger } from '../shared/args.ts'
import { machineLoad, mib } from '../shared/measure.ts'
import { computeFloor, loadFloor, writeFloor } from './floors.ts'
import { createTopic, insertAccounts, insertFollows, insertPosts, SIZES } from './generate-topic.ts'

const HELP = `usage: node --import tsx bench/score-job/run.ts [--size smoke|50k|500k] [--database-url URL] [--seed S]`
const { values } = parseArgs({ options: { size: { type: 'string', default: '50k' }, 'database-url': { type: 'string', default: BENCH_SERVER_URL }, seed: { type: 'string', default: '1' }, help: { type: 'boolean' } } })
exitWithHelpIf(values.help, HELP)
const size = SIZES[values.size]
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`)
const STALE_TIMEOUT_S = 300
const TABLES = ['accounts', 'posts', 'topic_posts', 'interactions', 'follows', 'scores', 'score_runs'] as const

const line = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`)
const s = (seconds: number) => `${seconds.toFixed(3)} s`
/** Wall time, this process's CPU and the database server process's CPU (the machine is shared: CPU is the steadier figure). */
async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number; cpu: number; serverCpu: number }> {
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const serverBefore = bench.backendCpuSeconds()
  const value = await work()
  const cpu = process.cpuUsage(cpuBefore)
  return { value, seconds: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, serverCpu: bench.backendCpuSeconds() - serverBefore }
}
const figures = (run: { seconds: number; cpu: number; serverCpu: number }) => `${s(run.seconds)} wall, cpu ${s(run.cpu)} node + ${s(run.serverCpu)} server`

const bench = await createBenchDatabase(values['database-url'])
const db = bench.db
let topicId = ''
try {
  console.log(`Relais score-job benchmark — ${values.size} topic, node ${process.version}, ${machineLoad()}`)
  // Autovacuum off on the throw-away database's tables: the statistics stay those this run sets.
  for (const table of TABLES) await sql`alter table ${sql.table(table)} set (autovacuum_enabled = false)`.execute(db)
  const generated = await timed(async () => {
    const { topicId } = await createTopic(db, positiveInteger('seed', values.seed))
    await insertAccounts(db, size.accounts)
    // A tenth first, from 40–70 days ago, analyzed: the statistics a database had before a bulk
    // load brought this month's posts (they see no topic post in the scoring window).
    const tenth = Math.round(size.posts / 10)
    await insertPosts(db, topicId, size.accounts, 1, tenth, [40, 70])
    await insertFollows(db, size.accounts, size.follows / 10)
    await analyzeTables(db, TABLES)
    await insertPosts(db, topicId, size.accounts, tenth + 1, size.posts)
    await insertFollows(db, size.accounts, (size.follows * 9) / 10)
    return topicId
  })
  topicId = generated.value
  const counts = await sql<Record<string, number>>`select (select count(*) from accounts)::int as accounts, (select count(*) from posts)::int as posts,
    (select count(*) from topic_posts)::int as topic_posts, (select count(*) from interactions)::int as interactions, (select count(*) from follows)::int as follows`.execute(db)
  line('generated (untimed for the targets)', `${s(generated.seconds)}: ${JSON.stringify(counts.rows[0])}`)

  const now = new Date()
  const since = new Date(now.getTime() - 30 * 86_400_000)
  // A plan gone wrong on stale statistics can run for many minutes: it is stopped and reported.
  await sql`set statement_timeout = ${sql.lit(`${STALE_TIMEOUT_S}s`)}`.execute(db)
  const stale = await steps('stale statistics (the older tenth analyzed)', now, since).catch((error: Error) => {
    line('load graph', `stopped after ${STALE_TIMEOUT_S} s (${error.message})`)
    return null
  })
  await sql`set statement_timeout = 0`.execute(db)
  await analyzeTables(db, TABLES)
  const fresh = await steps('fresh statistics (after ANALYZE)', new Date(now.getTime() + 60_000), since)

  console.log(`\n== End to end: scoreTopic + thinning + a week's movers, fresh statistics  [${machineLoad()}]`)
  const endToEnd = await timed(async () => {
    const summary = await scoreTopic(db, topicId, { now: new Date(now.getTime() + 120_000) })
    await movers(summary.runId)
    return summary
  })
  line('score job, one topic', `${figures(endToEnd)}, ${endToEnd.value.accounts} accounts, ${endToEnd.value.coverage.edges} edges`)
  const peak = process.resourceUsage().maxRSS * 1024
  line('peak RSS of this process', `${mib(peak)} = ${(peak / endToEnd.value.coverage.edges).toFixed(0)} bytes/edge (bench arrays and generator included)`)

  console.log(`\n== Floors, same run  [${machineLoad()}]`)
  const floors = {
    load: await loadFloor(db, bench.url, fresh.graph),
    compute: computeFloor(fresh.graph),
    write: await writeFloor(db, bench.url, fresh.runId),
  }
  line('COPY … TO of the rows the load returns', s(floors.load))
  line('graph algorithms alone (of which build + PageRank)', `${s(floors.compute.all)} (${s(floors.compute.pageRank)})`)
  line('COPY … FROM of the snapshot rows', s(floors.write))
  console.log('\n== Ratios: step ÷ floor')
  for (const [label, run] of [['stale', stale], ['fresh', fresh]] as const) {
    if (run === null) continue
    line(`${label}: load / compute / write`, `${(run.load / floors.load).toFixed(1)}× / ${(run.compute / floors.compute.all).toFixed(1)}× / ${(run.write / floors.write).toFixed(1)}×`)
  }
  line('stale ÷ fresh load', stale ? `${(stale.load / fresh.load).toFixed(2)}×` : `> ${(STALE_TIMEOUT_S / fresh.load).toFixed(0)}× (stopped)`)
} finally {
  await bench.drop()
}

async function steps(label: string, now: Date, since: Date) {
  console.log(`\n== Steps, ${label}  [${machineLoad()}]`)
  bench.resetQueryTimes()
  const load = await timed(() => loadTopicGraph(db, topicId, since, now))
  const graph: TopicGraph = load.value
  line('load graph', `${figures(load)} (${graph.accountIds.length} nodes, ${graph.followFrom.length + graph.interactions.length} edges)`)
  for (const [statement, times] of bench.queryTimes.byLabel) line(`  statement "${statement}"`, `${times.count} × = ${s(times.ms / 1000)}`)
  const compute = await timed(() => computeScores(graph))
  line('compute scores', figures(compute))
  const write = await timed(() => writeSnapshot(compute.value, graph, now, since))
  line('write snapshot', figures(write))
  const moved = await timed(() => movers(write.value))
  line('movers (thinning + a week\'s movers, top 50)', figures(moved))
  line('sum of steps', s(load.seconds + compute.seconds + write.seconds + moved.seconds))
  return { graph, runId: write.value, load: load.seconds, compute: compute.seconds, write: write.seconds }
}

async function writeSnapshot(scores: AccountScore[], graph: TopicGraph, now: Date, since: Date): Promise<number> {
  const rank = (value: (x: AccountScore) => number) => {
    const r = new Int32Array(scores.length)
    ;[...scores].sort((a, b) => value(b) - value(a) || a.node - b.node).forEach((x, i) => (r[x.node] = i + 1))
    return r
  }
  return db.transaction().execute(async (trx) => {
    const previous = await trx.selectFrom('score_runs').select('id').where('topic_id', '=', topicId).orderBy('id', 'desc').limit(1).executeTakeFirst()
    const run = await trx.insertInto('score_runs').values({ topic_id: topicId, computed_at: now, window_start: since, coverage: {} as never, params: {} }).returning('id').executeTakeFirstOrThrow()
    await writeScores(trx, run.id, previous?.id ?? null, scores, graph.accountIds, rank((x) => x.influence), rank((x) => x.relay), new Set())
    return run.id
  })
}

async function movers(runId: number): Promise<void> {
  await thinScoreHistory(db, topicId, new Date())
  const baseline = await periodBaseline(db, topicId, runId, 'week')
  await rankingPage(db, runId, topicId, 'influencers', { period: 'week' }, 0, 50, 'en', { kind: 'snapshot', runId: baseline?.runId ?? null })
}
