import t from 'tap'
import { PostgresQueryCompiler, sql, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { formatRecord, type InterchangeRecord } from '../../src/pipeline/interchange/index.ts'
import { loadTopicGraph } from '../../src/insight/scoring/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { syntheticRecords } from '../../bench/interchange/synthetic-file.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { importText } from '../interchange/fixtures/interchange-io.ts'

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Loops'?: number
  'Actual Rows'?: number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  Plans?: PlanNode[]
}

/** The statements `work` sends, captured as they are compiled (nothing else about them changes). */
async function captureStatements(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<unknown>) {
  const nodes: RootOperationNode[] = []
  const capture: KyselyPlugin = { transformQuery: (args) => (nodes.push(args.node), args.node), transformResult: async (args) => args.result }
  await work(db.withPlugin(capture))
  const compiler = new PostgresQueryCompiler()
  return nodes.map((node) => compiler.compileQuery(node, { queryId: 'explained' } as never))
}

/**
 * Scans of topic_posts repeated per outer row, with the rows each repetition reads: more than a
 * couple means a range of the topic is walked for every row of the outer side.
 */
function repeatedTopicScans(plan: PlanNode, found: { node: string; index?: string; loops: number; rowsPerLoop: number }[] = []) {
  if (plan['Relation Name'] === 'topic_posts' && (plan['Actual Loops'] ?? 0) > 1) {
    const rowsPerLoop = (plan['Actual Rows'] ?? 0) + (plan['Rows Removed by Filter'] ?? 0) + (plan['Rows Removed by Index Recheck'] ?? 0)
    found.push({ node: plan['Node Type'], index: plan['Index Name'], loops: plan['Actual Loops']!, rowsPerLoop })
  }
  for (const child of plan.Plans ?? []) repeatedTopicScans(child, found)
  return found
}

t.test('right after a bulk import, without a manual ANALYZE, the topic graph loads without scanning the topic per row', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Plans')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo OR #bike OR #cycling OR #commute OR #ebike' }).returning('id').executeTakeFirstOrThrow()

  // Statistics from before the bulk import, as in production: an earlier import of posts from two
  // months ago, analyzed. Then the bulk import brings this month's posts. Stale statistics would
  // see no topic post in the scoring window and walk the topic's range for every interaction.
  const now = new Date('2026-11-20T12:00:00Z')
  const since = new Date(now.getTime() - 30 * 86_400_000)
  const records = [...syntheticRecords({ accounts: 2_000, posts: 12_000, follows: 8_000, seed: 5 })]
  const posts = records.filter((r) => r.type === 'post')
  const dated = (r: InterchangeRecord, i: number, from: Date, spanMs: number) => (r.type === 'post' ? { ...r, createdAt: new Date(from.getTime() + (i * spanMs) / posts.length) } : r)
  const early = posts.slice(0, 1_500).map((r, i) => dated(r, i, new Date(now.getTime() - 70 * 86_400_000), 5 * 86_400_000))
  const bulk = posts.slice(1_500).map((r, i) => dated(r, i, new Date(now.getTime() - 12 * 86_400_000), 10 * 86_400_000))
  const ndjson = (list: InterchangeRecord[]) => list.map((r) => `${formatRecord(r)}\n`).join('')
  await importText(db, workspaceId, ndjson([...records.filter((r) => r.type === 'account'), ...early]))
  await sql`analyze`.execute(db)
  await importText(db, workspaceId, ndjson([...bulk, ...records.filter((r) => r.type === 'follow')]))

  const matched = await sql<{ n: number }>`select count(*)::int as n from topic_posts where topic_id = ${topic.id} and post_created_at >= ${since}`.execute(db)
  t.ok(matched.rows[0].n > 1000, `${matched.rows[0].n} posts on the topic in the window`)

  const statements = await captureStatements(db, (traced) => loadTopicGraph(traced, topic.id, since, now))
  t.ok(statements.length >= 3, `${statements.length} load statements explained`)
  let interactionsExplained = false
  for (const statement of statements) {
    const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (analyze, format json) ${sql.raw(statement.sql.replace(/\$(\d+)/g, (_, i) => literal(statement.parameters[Number(i) - 1])))}`.execute(db)
    const raw = rows[0]['QUERY PLAN']
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[]
    const repeated = repeatedTopicScans(plan[0].Plan)
    const first = statement.sql.replace(/\s+/g, ' ').trim().slice(0, 40)
    if (/interactions/.test(statement.sql) && /topic_posts/.test(statement.sql)) interactionsExplained = true
    t.ok(repeated.every((scan) => scan.rowsPerLoop <= 2), `"${first}…": each repeated topic_posts scan reads at most 2 rows per outer row: ${JSON.stringify(repeated)}`)
  }
  t.ok(interactionsExplained, 'the interactions statement was among them')
})

/** A parameter as an SQL literal, for EXPLAIN of a statement with its values in place. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`
  if (typeof value === 'number') return String(value)
  return `'${String(value).replace(/'/g, "''")}'`
}
