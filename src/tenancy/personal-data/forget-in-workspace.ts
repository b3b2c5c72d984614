import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { erasePerson } from './erase-person.ts'
import { findPerson, type PersonRef } from './find-person.ts'

// A workspace admin's erasure. Accounts and posts are shared between workspaces, so one tenant
// may not delete what another still uses: the person leaves this workspace's view (its topics'
// matches of their posts, its imports, its scores of them); then, if no other workspace holds
// anything of the person, the person is erased everywhere as `relais erase` does. Either way the
// answer is the same, so a tenant learns nothing about the others. Interactions and follows are
// shared and carry no workspace: while another workspace holds the person they stay, and a later
// scoring of this workspace's topics may rank the person again from others' replies and reposts.

export async function forgetInWorkspace(trx: Transaction<DB>, workspaceId: string, ref: PersonRef): Promise<void> {
  const person = await findPerson(trx, ref)
  if (!person) return
  const id = person.id
  const mine = sql`(select id from topics where workspace_id = ${workspaceId})`
  await sql`update topics set updated_at = now() where workspace_id = ${workspaceId}`.execute(trx)
  await sql`delete from topic_posts where topic_id in ${mine} and post_id in (select id from posts where author_id = ${id})`.execute(trx)
  await sql`delete from scores where account_id = ${id} and run_id in (select id from score_runs where topic_id in ${mine})`.execute(trx)
  await sql`delete from imported_posts where workspace_id = ${workspaceId} and post_id in (select id from posts where author_id = ${id})`.execute(trx)
  await sql`delete from imported_accounts where workspace_id = ${workspaceId} and account_id = ${id}`.execute(trx)
  await sql`delete from imported_follows where workspace_id = ${workspaceId} and (follower_id = ${id} or followee_id = ${id})`.execute(trx)
  // The person's posts no workspace holds any more go, with the interactions they made.
  await sql`delete from posts p where p.author_id = ${id}
    and not exists (select 1 from topic_posts tp where tp.post_id = p.id)
    and not exists (select 1 from imported_posts ip where ip.post_id = p.id)`.execute(trx)
  const elsewhere = await sql<{ held: boolean }>`
    select exists (select 1 from topic_posts tp join posts p on p.id = tp.post_id where p.author_id = ${id})
      or exists (select 1 from scores where account_id = ${id})
      or exists (select 1 from imported_accounts where account_id = ${id})
      or exists (select 1 from imported_posts ip join posts p on p.id = ip.post_id where p.author_id = ${id})
      or exists (select 1 from imported_follows where follower_id = ${id} or followee_id = ${id}) as held`.execute(trx)
  if (!elsewhere.rows[0].held) await erasePerson(trx, { network: person.network, account: person.externalId })
}
