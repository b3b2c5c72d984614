// A topic generated in the database by set-returning SQL (seconds where an NDJSON import of the
// same rows takes minutes): accounts with skewed activity, posts of the last 30 days of which
// ~86% are on the topic, replies/reposts/quotes of earlier posts and mentions as interactions,
// and follows drawn towards popular accounts.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'

export interface TopicSize { accounts: number; follows: number; posts: number }

/** ~50k / 500k / 200k and ~500k / 5M / 2M, as the score job's targets name them; smoke: a quick check. */
export const SIZES: Record<string, TopicSize> = {
  smoke: { accounts: 5_000, follows: 50_000, posts: 20_000 },
  '50k': { accounts: 50_000, follows: 500_000, posts: 200_000 },
  '500k': { accounts: 500_000, follows: 5_000_000, posts: 2_000_000 },
}

export async function createTopic(db: Kysely<DB>, seed: number): Promise<{ workspaceId: string; topicId: string }> {
  await sql`select setseed(${1 / (seed + 1)})`.execute(db)
  const workspace = await db.insertInto('workspaces').values({ name: 'Score bench' }).returning('id').executeTakeFirstOrThrow()
  const topic = await db.insertInto('topics').values({ workspace_id: workspace.id, name: 'Vélo', query: '#velo' }).returning('id').executeTakeFirstOrThrow()
  return { workspaceId: workspace.id, topicId: topic.id }
}

export async function insertAccounts(db: Kysely<DB>, count: number): Promise<void> {
  await sql`
    insert into accounts (network, external_id, handle, followers_count)
    select 'mastodon', 'acct-' || g, 'user' || g || '@bench.example', floor(5000 * power(random(), 4))::int
    from generate_series(1, ${count}::int) g`.execute(db)
}

/**
 * Posts `from`..`to` (in a fresh database the identity columns count from 1, so post number g
 * has id g and account number a has id a), their topic matches and their interactions. Authors: account 1 + ⌊N·u³⌋, so low ids
 * post far more, `ageDays` (min, max) before now. A quarter reply to, 5% repost and 5% quote an earlier post; 10% mention someone.
 */
export async function insertPosts(db: Kysely<DB>, topicId: string, accounts: number, from: number, to: number, ageDays: [number, number] = [0, 30]): Promise<void> {
  await sql`
    insert into posts (network, external_id, author_id, created_at, text, reply_to_external_id, repost_of_external_id, quote_of_external_id, likes, reposts, replies)
    select 'mastodon', 'post-' || g, 1 + floor(${accounts}::int * power(random(), 3))::int, now() - (${ageDays[0]}::int + random() * ${ageDays[1] - ageDays[0]}::int) * interval '1 day', 'en selle #velo',
      case when k < 0.25 and g > 1 then 'post-' || (1 + floor(random() * (g - 1))::int) end,
      case when k >= 0.25 and k < 0.30 and g > 1 then 'post-' || (1 + floor(random() * (g - 1))::int) end,
      case when k >= 0.30 and k < 0.35 and g > 1 then 'post-' || (1 + floor(random() * (g - 1))::int) end,
      floor(50 * power(random(), 3))::int, floor(10 * power(random(), 4))::int, floor(10 * power(random(), 4))::int
    from (select g, random() as k from generate_series(${from}::int, ${to}::int) g) s`.execute(db)
  await sql`
    insert into topic_posts (topic_id, post_id, post_created_at, matched_terms)
    select ${topicId}, p.id, p.created_at, '{velo}' from posts p
    where p.id between ${from}::int and ${to}::int and random() < 0.86`.execute(db)
  await sql`
    insert into interactions (network, kind, source_id, target_id, post_id, occurred_at)
    select p.network, case when p.reply_to_external_id is not null then 'reply' when p.repost_of_external_id is not null then 'repost' else 'quote' end,
      p.author_id, ref.author_id, p.id, p.created_at
    from posts p join posts ref on ref.network = p.network
      and ref.external_id = coalesce(p.reply_to_external_id, p.repost_of_external_id, p.quote_of_external_id)
    where p.id between ${from}::int and ${to}::int and ref.author_id is not null
    union all
    select p.network, 'mention', p.author_id, 1 + floor(${accounts}::int * power(random(), 2))::int, p.id, p.created_at
    from posts p where p.id between ${from}::int and ${to}::int and random() < 0.1
    on conflict do nothing`.execute(db)
}

/** About `count` follows: followers uniform, followees drawn towards low ids (the popular ones). */
export async function insertFollows(db: Kysely<DB>, accounts: number, count: number): Promise<void> {
  await sql`
    insert into follows (network, follower_id, followee_id)
    select 'mastodon', f, e from (
      select 1 + floor(${accounts}::int * random())::int as f, 1 + floor(${accounts}::int * power(random(), 2.5))::int as e
      from generate_series(1, ${Math.round(count * 1.06)}::int)) s
    where f <> e
    on conflict do nothing`.execute(db)
}
