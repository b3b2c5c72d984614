import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { removePostRows } from '../../pipeline/ingest/delete-posts.ts'
import { findPersonCopies, type PersonRef } from './find-person.ts'

// The operator's erasure: a person's profile, posts, follows and interactions leave every table,
// in every workspace's copy (each workspace holds its own observations of the person). Other
// people's posts that mention the person stay: they are those people's words (their text still
// holds the handle they typed).

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

/** Erases everything held about the person in every workspace, in the caller's transaction. */
export async function erasePerson(trx: Transaction<DB>, ref: PersonRef): Promise<ErasureReport> {
  const copies = await findPersonCopies(trx, ref)
  let total = NOTHING
  for (const copy of copies) {
    const one = await eraseAccount(trx, copy.id)
    total = { found: true, accounts: total.accounts + one.accounts, posts: total.posts + one.posts, follows: total.follows + one.follows, interactions: total.interactions + one.interactions,
      topicMatches: total.topicMatches + one.topicMatches, scores: total.scores + one.scores, imports: total.imports + one.imports }
  }
  return total
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
