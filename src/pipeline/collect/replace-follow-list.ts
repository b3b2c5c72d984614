import { sql, type Transaction } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'

/** The database's clock at the start of a list read: every edge seen in it is stamped later. */
export async function listReadStart(trx: Transaction<DB>): Promise<string> {
  const { rows } = await sql<{ now: Date | string }>`select now() as now`.execute(trx)
  return new Date(rows[0].now).toISOString()
}

/**
 * A follow list read to its end replaces what was stored for it: edges of the account in that
 * direction not seen since the read began are follows gone from the network (unfollows), and are
 * removed so they are no longer scored or exported as current. A list cut at the page limit is a
 * sample of its newest entries and removes nothing.
 */
export async function dropFollowsNotSeen(trx: Transaction<DB>, accountId: number, list: 'followers' | 'following', readStart: string): Promise<number> {
  const column = list === 'followers' ? 'followee_id' : 'follower_id'
  const deleted = await trx.deleteFrom('follows').where(column, '=', accountId).where('last_seen_at', '<', new Date(readStart)).executeTakeFirst()
  return Number(deleted.numDeletedRows)
}
