import t from 'tap'
import { sql } from 'kysely'
import { formatRecord, type InterchangeRecord } from '../../src/pipeline/interchange/index.ts'
import { loadTopicGraph } from '../../src/insight/scoring/index.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { syntheticRecords } from '../../bench/interchange/synthetic-file.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { captureStatements, explainAnalyze, repeatedTopicScans } from '../helpers/explain-plans.ts'
import { importText } from '../interchange/fixtures/interchange-io.ts'

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
    const repeated = repeatedTopicScans(await explainAnalyze(db, statement))
    const first = statement.sql.replace(/\s+/g, ' ').trim().slice(0, 40)
    if (/interactions/.test(statement.sql) && /topic_posts/.test(statement.sql)) interactionsExplained = true
    t.ok(repeated.every((scan) => scan.rowsPerLoop <= 2), `"${first}…": each repeated topic_posts scan reads at most 2 rows per outer row: ${JSON.stringify(repeated)}`)
  }
  t.ok(interactionsExplained, 'the interactions statement was among them')
})
