// EXPLAIN ANALYZE of the statements a piece of code sends, and what to look for in the plans:
// a scan of topic_posts repeated for every row of an outer side.
import { PostgresQueryCompiler, sql, type Kysely, type KyselyPlugin, type RootOperationNode } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'

export interface PlanNode {
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
export async function captureStatements(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<unknown>) {
  const nodes: RootOperationNode[] = []
  const capture: KyselyPlugin = { transformQuery: (args) => (nodes.push(args.node), args.node), transformResult: async (args) => args.result }
  await work(db.withPlugin(capture))
  const compiler = new PostgresQueryCompiler()
  return nodes.map((node) => compiler.compileQuery(node, { queryId: 'explained' } as never))
}

/** The plan PostgreSQL ran for one captured statement, with its values in place. */
export async function explainAnalyze(db: Kysely<DB>, statement: { sql: string; parameters: readonly unknown[] }): Promise<PlanNode> {
  const text = statement.sql.replace(/\$(\d+)/g, (_, i) => literal(statement.parameters[Number(i) - 1]))
  const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (analyze, format json) ${sql.raw(text)}`.execute(db)
  const raw = rows[0]['QUERY PLAN']
  return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0].Plan
}

/**
 * Scans of topic_posts repeated per outer row, with the rows each repetition reads: more than a
 * couple means a range of the topic is walked for every row of the outer side.
 */
export function repeatedTopicScans(plan: PlanNode, found: { node: string; index?: string; loops: number; rowsPerLoop: number }[] = []) {
  if (plan['Relation Name'] === 'topic_posts' && (plan['Actual Loops'] ?? 0) > 1) {
    const rowsPerLoop = (plan['Actual Rows'] ?? 0) + (plan['Rows Removed by Filter'] ?? 0) + (plan['Rows Removed by Index Recheck'] ?? 0)
    found.push({ node: plan['Node Type'], index: plan['Index Name'], loops: plan['Actual Loops']!, rowsPerLoop })
  }
  for (const child of plan.Plans ?? []) repeatedTopicScans(child, found)
  return found
}

/** A parameter as an SQL literal, for EXPLAIN of a statement with its values in place. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return `'${value.toISOString()}'::timestamptz`
  if (typeof value === 'number') return String(value)
  return `'${String(value).replace(/'/g, "''")}'`
}
