import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { removePostRows } from './delete-posts.ts'

// How an account leaves a workspace, whether the operator erases the person
// (src/tenancy/personal-data/erase-person.ts) or the network says the account is gone (a live
// stream's account event): its profile, posts, follows, interactions, scores and imports.

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

/** Erases one stored account (one workspace's copy of a person) and all that hangs from it. */
export async function eraseAccount(trx: Transaction<DB>, id: number): Promise<ErasureReport> {
  const postIds = (await trx.selectFrom('posts').select('id').where('author_id', '=', id).execute()).map((p) => Number(p.id))
  // Topics whose cached analytics may show the person through their scores: touched so their
  // version changes (the topics of their posts are touched with the posts).
  await sql`update topics set updated_at = now() where id in (
    select r.topic_id from scores s join score_runs r on r.id = s.run_id where s.account_id = ${id})`.execute(trx)
  const removed = await removePostRows(trx, postIds)
  const count = async (query: ReturnType<typeof sql>) => Number((await query.execute(trx)).numAffectedRows ?? 0)
  const interactions = removed.interactions + await count(sql`delete from interactions where source_id = ${id} or target_id = ${id}`)
  const topicMatches = removed.topicMatches
  const imports = removed.imports +
    await count(sql`delete from imported_accounts where account_id = ${id}`) +
    await count(sql`delete from imported_follows where follower_id = ${id} or followee_id = ${id}`)
  const follows = await count(sql`delete from follows where follower_id = ${id} or followee_id = ${id}`)
  const scores = await count(sql`delete from scores where account_id = ${id}`)
  const erasedPosts = removed.posts
  const accounts = await count(sql`delete from accounts where id = ${id}`)
  return { found: true, accounts, posts: erasedPosts, follows, interactions, topicMatches, scores, imports }
}
