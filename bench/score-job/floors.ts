// The floors each step of the score job is compared with, measured on the same server in the
// same run: shipping the rows the load returns (COPY … TO), the graph computation alone, and
// storing the snapshot's rows (COPY … FROM). psql runs the COPYs, as a client would.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { betweenness, fromEdges, kCore, louvain, pageRankWithStats } from '../../src/graph/index.ts'
import type { TopicGraph } from '../../src/insight/scoring/index.ts'
import { tieEdges } from '../../src/insight/scoring/topic-graph.ts'

/** Wall seconds of one psql command (its start-up, ~10 ms, included). */
function psql(url: string, command: string): number {
  const started = performance.now()
  const result = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`)
  return (performance.now() - started) / 1000
}

/**
 * The rows the load returned (one per edge and one per node, as wide as the load's) copied into
 * tables of their own, untimed; then timed: COPY of each to the client.
 */
export async function loadFloor(db: Kysely<DB>, url: string, graph: TopicGraph): Promise<number> {
  const edges = tieEdges(graph)
  await sql`drop table if exists floor_edges, floor_nodes`.execute(db)
  await sql`create unlogged table floor_edges (source_id bigint, target_id bigint, kind text, occurred_at timestamptz)`.execute(db)
  await sql`create unlogged table floor_nodes (id bigint, posts int, engagement float8, followers int)`.execute(db)
  const CHUNK = 200_000
  for (let start = 0; start < edges.src.length; start += CHUNK) {
    const end = Math.min(edges.src.length, start + CHUNK)
    const ids = (a: Int32Array) => Array.from(a.subarray(start, end), (v) => graph.accountIds[v])
    await sql`insert into floor_edges select s, t, 'reply', now() from unnest(${ids(edges.src)}::bigint[], ${ids(edges.dst)}::bigint[]) as r(s, t)`.execute(db)
  }
  await sql`insert into floor_nodes select id, 1, 1.5, 100 from unnest(${graph.accountIds}::bigint[]) as id`.execute(db)
  await sql`analyze floor_edges, floor_nodes`.execute(db)
  return psql(url, '\\copy floor_edges to /dev/null') + psql(url, '\\copy floor_nodes to /dev/null')
}

/**
 * The graph algorithms alone on the loaded edges, as the scoring calls them (build, PageRank,
 * Louvain, betweenness sampled above 3,000 nodes, k-core): the compute step's floor. Split out:
 * build + PageRank, the part the graph library's own benchmark measures.
 */
export function computeFloor(graph: TopicGraph): { all: number; pageRank: number } {
  const n = graph.accountIds.length
  const edges = tieEdges(graph)
  const started = performance.now()
  const g = fromEdges(n, edges.src, edges.dst)
  pageRankWithStats(g, { tolerance: 1e-9, maxIterations: 500 })
  const pageRank = (performance.now() - started) / 1000
  louvain(g, { seed: 42 })
  betweenness(g, { directed: false, normalized: true, ...(n > 3000 && { samples: 256 }) })
  kCore(g)
  return { all: (performance.now() - started) / 1000, pageRank }
}

/** The snapshot's rows (as written: ranks, scores, components JSON) copied into a table like scores. */
export async function writeFloor(db: Kysely<DB>, url: string, runId: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-score-floor-'))
  try {
    const { rows } = await sql<{ line: string }>`
      select concat_ws(',', run_id, account_id, influence, relay, influence_rank, relay_rank, coalesce(previous_influence_rank::text, ''),
        coalesce(previous_relay_rank::text, ''), prospect, community, '"' || replace(components::text, '"', '""') || '"') as line
      from scores where run_id = ${runId}`.execute(db)
    const file = join(dir, 'scores.csv')
    writeFileSync(file, rows.map((r) => r.line).join('\n') + '\n')
    await sql`drop table if exists floor_scores`.execute(db)
    await sql`create table floor_scores (like scores including all)`.execute(db)
    return psql(url, `\\copy floor_scores from '${file}' with (format csv)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
