import t from 'tap'
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { loadTopicInteractions, type InteractionColumns } from '../../src/insight/scoring/load-interactions.ts'
import { createTopic, insertAccounts, insertPosts } from '../../bench/score-job/generate-topic.ts'
import { createWorkspace } from '../../src/tenancy/workspaces/service.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { captureStatements, explainAnalyze, repeatedTopicScans } from '../helpers/explain-plans.ts'

const NOW = new Date('2026-11-20T12:00:00Z')
const SINCE = new Date(NOW.getTime() - 30 * 86_400_000)
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000)

t.test('the topic\'s interactions: made by an on-topic post or by one answering, reposting or quoting one, each once', async (t) => {
  const { db } = await openTestDatabase(t)
  const { id: workspaceId } = await createWorkspace(db, 'Load')
  const topic = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Vélo', query: '#velo' }).returning('id').executeTakeFirstOrThrow()
  const other = await db.insertInto('topics').values({ workspace_id: workspaceId, name: 'Train', query: '#train' }).returning('id').executeTakeFirstOrThrow()
  const accounts = await db.insertInto('accounts')
    .values(['ana', 'bob', 'cleo', 'dan', 'eve'].map((h) => ({ workspace_id: workspaceId, network: 'mastodon', external_id: h, handle: `${h}@ex.social` })))
    .returning(['id', 'external_id']).execute()
  const id = (h: string) => Number(accounts.find((a) => a.external_id === h)!.id)
  const post = async (ext: string, author: string, days: number, ref: { reply?: string; repost?: string; quote?: string } = {}, topics: string[] = []) => {
    const { rows } = await sql<{ id: number }>`
      insert into posts (workspace_id, network, external_id, author_id, created_at, reply_to_external_id, repost_of_external_id, quote_of_external_id)
      values (${workspaceId}, 'mastodon', ${ext}, ${id(author)}, ${daysAgo(days)}, ${ref.reply ?? null}, ${ref.repost ?? null}, ${ref.quote ?? null}) returning id`.execute(db)
    for (const topicId of topics) await sql`insert into topic_posts (topic_id, post_id, post_created_at) values (${topicId}, ${rows[0].id}, ${daysAgo(days)})`.execute(db)
    return rows[0].id
  }
  const interact = (postId: number, kind: 'reply' | 'repost' | 'quote' | 'mention', source: string, target: string, days: number) =>
    sql`insert into interactions (network, kind, source_id, target_id, post_id, occurred_at) values ('mastodon', ${kind}, ${id(source)}, ${id(target)}, ${postId}, ${daysAgo(days)})`.execute(db)

  const root = await post('root', 'ana', 5, {}, [topic.id])
  await interact(root, 'mention', 'ana', 'eve', 5) // made by an on-topic post
  const reply = await post('reply', 'bob', 4, { reply: 'root' }) // off-topic words, answering an on-topic post
  await interact(reply, 'reply', 'bob', 'ana', 4)
  await interact(reply, 'mention', 'bob', 'dan', 4)
  const boost = await post('boost', 'cleo', 3, { repost: 'root' })
  await interact(boost, 'repost', 'cleo', 'ana', 3)
  const quote = await post('quote', 'dan', 2, { quote: 'root' }, [topic.id]) // on-topic and quoting one: once
  await interact(quote, 'quote', 'dan', 'ana', 2)
  const train = await post('train', 'eve', 2, {}, [other.id]) // another topic's post and its answer
  await interact(train, 'mention', 'eve', 'bob', 2)
  const trainReply = await post('train-reply', 'ana', 1, { reply: 'train' })
  await interact(trainReply, 'reply', 'ana', 'eve', 1)
  const old = await post('old', 'eve', 45, {}, [topic.id]) // on the topic, before the window
  await interact(old, 'mention', 'eve', 'cleo', 45)
  const lateReply = await post('late-reply', 'cleo', 1, { reply: 'old' }) // answers a post outside the window
  await interact(lateReply, 'reply', 'cleo', 'eve', 1)

  const rows = rowsOf(await loadTopicInteractions(db, topic.id, SINCE))
  const seen = rows.map((r) => `${accounts.find((a) => Number(a.id) === Number(r.source_id))!.external_id} ${r.kind} ${accounts.find((a) => Number(a.id) === Number(r.target_id))!.external_id}`).sort()
  t.same(seen, ['ana mention eve', 'bob mention dan', 'bob reply ana', 'cleo repost ana', 'dan quote ana'])
  t.same(await loadTopicInteractions(db, other.id, SINCE).then((r) => [...r.kinds].sort()), ['mention', 'reply'], 'the other topic has its own')
})

t.test('on statistics from before a bulk load (never analyzed since), the statement walks no topic range per row and returns what a plain formulation returns', async (t) => {
  const { db } = await openTestDatabase(t)
  const { workspaceId, topicId } = await createTopic(db, 3)
  // A few accounts and old posts, analyzed; then this month's posts arrive and nothing analyzes them.
  await insertAccounts(db, workspaceId, 800)
  await insertPosts(db, workspaceId, topicId, 800, 1, 300, [40, 70])
  await sql`analyze`.execute(db)
  await insertPosts(db, workspaceId, topicId, 800, 301, 6_000)
  const since = new Date(Date.now() - 30 * 86_400_000)

  const statements = await captureStatements(db, (traced) => loadTopicInteractions(traced, topicId, since))
  t.equal(statements.length, 1)
  const repeated = repeatedTopicScans(await explainAnalyze(db, statements[0]))
  t.ok(repeated.every((scan) => scan.rowsPerLoop <= 2), `no repeated walk of the topic's range: ${JSON.stringify(repeated)}`)

  const rows = rowsOf(await loadTopicInteractions(db, topicId, since))
  await sql`analyze`.execute(db) // the reference runs on fresh statistics: its shape is the one that needs them
  const reference = await plainFormulation(db, topicId, since)
  t.ok(reference.length > 1000, `${reference.length} interactions in the window`)
  const key = (r: { source_id: number; target_id: number; kind: string; occurredMs: number }) => `${r.source_id} ${r.target_id} ${r.kind} ${new Date(r.occurredMs).toISOString()}`
  t.same(rows.map((r) => key({ ...r, occurredMs: r.occurred_at_ms })).sort(), reference.map((r) => key({ ...r, occurredMs: r.occurred_at.getTime() })).sort(), 'the same interactions, each once')
})

/** The loaded columns as one object per interaction. */
function rowsOf(columns: InteractionColumns) {
  return columns.kinds.map((kind, k) => ({ source_id: columns.sourceIds[k], target_id: columns.targetIds[k], kind, occurred_at_ms: columns.occurredMs[k] }))
}

/** The same set written the obvious way (one row per interaction, tested by `exists`): the reference. */
async function plainFormulation(db: Kysely<DB>, topicId: string, since: Date) {
  const { rows } = await sql<{ source_id: number; target_id: number; kind: string; occurred_at: Date }>`
    select i.source_id, i.target_id, i.kind, i.occurred_at from interactions i join posts ip on ip.id = i.post_id
    where i.occurred_at >= ${since} and (
      exists (select 1 from topic_posts tp where tp.topic_id = ${topicId} and tp.post_id = i.post_id and tp.post_created_at >= ${since})
      or exists (select 1 from posts ref join topic_posts tp on tp.topic_id = ${topicId} and tp.post_id = ref.id and tp.post_created_at >= ${since}
        where ref.workspace_id = ip.workspace_id and ref.network = ip.network and ref.external_id in (ip.reply_to_external_id, ip.repost_of_external_id, ip.quote_of_external_id)))`.execute(db)
  return rows
}
