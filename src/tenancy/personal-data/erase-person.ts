import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { findPerson, type PersonRef } from './find-person.ts'

// The operator's erasure: a person's profile, posts, follows and interactions leave every table,
// for every workspace (accounts and posts are shared). Other people's posts that mention the
// person stay: they are those people's words (their text still holds the handle they typed).

export interface ErasureReport {
  found: boolean
  accounts: number
  posts: number
  follows: number
  interactions: number
  topicMatches: number
  scores: number
  imports: number
}

const NOTHING: ErasureReport = { found: false, accounts: 0, posts: 0, follows: 0, interactions: 0, topicMatches: 0, scores: 0, imports: 0 }

/** Erases everything held about the person, in the caller's transaction. */
export async function erasePerson(trx: Transaction<DB>, ref: PersonRef): Promise<ErasureReport> {
  const person = await findPerson(trx, ref)
  if (!person) return NOTHING
  const id = person.id
  const posts = (await trx.selectFrom('posts').select('id').where('author_id', '=', id).execute()).map((p) => p.id)
  const postIds = posts.length ? posts : [-1]
  // Topics whose cached analytics may show the person: touched so their version changes.
  await sql`update topics set updated_at = now() where id in (
    select topic_id from topic_posts where post_id = any(${postIds}::bigint[])
    union select r.topic_id from scores s join score_runs r on r.id = s.run_id where s.account_id = ${id})`.execute(trx)
  const count = async (query: ReturnType<typeof sql>) => Number((await query.execute(trx)).numAffectedRows ?? 0)
  const interactions = await count(sql`delete from interactions where source_id = ${id} or target_id = ${id} or post_id = any(${postIds}::bigint[])`)
  const topicMatches = await count(sql`delete from topic_posts where post_id = any(${postIds}::bigint[])`)
  const imports =
    await count(sql`delete from imported_posts where post_id = any(${postIds}::bigint[])`) +
    await count(sql`delete from imported_accounts where account_id = ${id}`) +
    await count(sql`delete from imported_follows where follower_id = ${id} or followee_id = ${id}`)
  const follows = await count(sql`delete from follows where follower_id = ${id} or followee_id = ${id}`)
  const scores = await count(sql`delete from scores where account_id = ${id}`)
  const erasedPosts = await count(sql`delete from posts where id = any(${postIds}::bigint[])`)
  const accounts = await count(sql`delete from accounts where id = ${id}`)
  return { found: true, accounts, posts: erasedPosts, follows, interactions, topicMatches, scores, imports }
}
