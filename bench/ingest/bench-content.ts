// The workspace the bench ingests for, emptying the content tables between runs, and a digest of
// what a run stored (in external ids, not row ids) so runs with different batch sizes or code can
// be checked to store the same thing.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import type { WhatIf } from './args.ts'
import { topicMatcher, type TopicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'

/** Three topics of the sandbox's communities, each matching part of the corpus. */
const TOPICS = [
  { name: 'Vélo', query: '#velo OR #mobilite OR #velotaf OR vélo OR "piste cyclable"', languages: [] },
  { name: 'Rust', query: '(#rustlang OR #cargo OR rust OR "open source") -crypto', languages: [] },
  { name: 'Klima', query: '#klimaschutz OR #energiewende OR wärmepumpe OR solar', languages: ['de', 'en'] },
]

export async function createWorkspaceTopics(db: Kysely<DB>): Promise<TopicMatcher[]> {
  const workspace = await db.insertInto('workspaces').values({ name: 'Ingest bench' }).returning('id').executeTakeFirstOrThrow()
  const topics = await db
    .insertInto('topics')
    .values(TOPICS.map((t) => ({ workspace_id: workspace.id, name: t.name, query: t.query, languages: t.languages })))
    .returning(['id', 'query', 'networks', 'languages'])
    .execute()
  return topics.map(topicMatcher)
}

/**
 * Empties what ingest writes (cascade: later tables pointing at posts or accounts, such as imports);
 * `restart identity` so every run starts from the same row ids.
 */
export async function resetContent(db: Kysely<DB>): Promise<void> {
  await sql`truncate interactions, topic_posts, posts, accounts restart identity cascade`.execute(db)
  // Dirty pages of the previous run are flushed now rather than during the next measurement.
  await sql`checkpoint`.execute(db)
}

export interface ContentDigest {
  accounts: number
  posts: number
  topicPosts: number
  interactions: number
  digest: string
}

export async function contentDigest(db: Kysely<DB>): Promise<ContentDigest> {
  const { rows } = await sql<ContentDigest>`
    with account_rows as (
      select concat_ws('|', 'a', network, external_id, handle, display_name, bio, url, followers_count, following_count, posts_count) as line from accounts
    ), post_rows as (
      select concat_ws('|', 'p', p.network, p.external_id, a.external_id, p.created_at, p.text, p.lang, p.url, p.reply_to_external_id,
        p.repost_of_external_id, p.quote_of_external_id, p.likes, p.reposts, p.replies, p.quotes, p.hashtags::text, p.mentions::text,
        p.links::text, p.sentiment, p.is_question, p.search_config, to_jsonb(p)->>'search_vector') as line
      from posts p left join accounts a on a.id = p.author_id
    ), topic_rows as (
      select concat_ws('|', 't', t.name, p.external_id, tp.post_created_at, tp.matched_terms::text) as line
      from topic_posts tp join topics t on t.id = tp.topic_id join posts p on p.id = tp.post_id
    ), interaction_rows as (
      select concat_ws('|', 'i', i.network, i.kind, s.external_id, g.external_id, p.external_id, i.occurred_at, i.weight) as line
      from interactions i join accounts s on s.id = i.source_id join accounts g on g.id = i.target_id join posts p on p.id = i.post_id
    ), everything as (
      select line from account_rows union all select line from post_rows union all select line from topic_rows union all select line from interaction_rows
    )
    select
      (select count(*) from accounts)::int as accounts,
      (select count(*) from posts)::int as posts,
      (select count(*) from topic_posts)::int as "topicPosts",
      (select count(*) from interactions)::int as interactions,
      (select md5(string_agg(md5(line), '' order by md5(line))) from everything) as digest`.execute(db)
  return rows[0]
}

/** Removes parts of the schema from the bench database, to see what they cost ingest. */
export async function applyWhatIf(db: Kysely<DB>, whatIf: readonly WhatIf[]): Promise<void> {
  if (whatIf.includes('no-search-vector')) await sql`alter table posts drop column search_vector`.execute(db)
}
