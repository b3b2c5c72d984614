import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { AppError } from '../../platform/shared/errors.ts'
import { createLink, findLink } from '../../tenancy/people/links.ts'

export interface Unsubscribed {
  /** The address taken off the digest. */
  address: string
  topicName: string
  /** false when the address had already left (the link was used before). */
  changed: boolean
}

/**
 * A recipient's own unsubscribe link for one send (RFC 8058): it names the subscription and the
 * address, nothing else. Valid a year, used as often as needed (the answer stays the same).
 */
export async function unsubscribeLink(db: Kysely<DB>, o: { workspaceId: string; subscriptionId: string; address: string }, now: Date): Promise<string> {
  const link = await createLink(db, { purpose: 'unsubscribe', workspaceId: o.workspaceId, digestId: o.subscriptionId, email: o.address.toLowerCase() }, now)
  return link.token
}

/** Takes the link's address off its subscription and records that it left. */
export async function unsubscribe(db: Kysely<DB>, token: string, now = new Date()): Promise<Unsubscribed> {
  const link = await findLink(db, token, 'unsubscribe', now)
  if (!link?.digest_id || !link.email) throw new AppError('not_found', 'This unsubscribe link is unknown or has expired; the digest itself names the people who manage it.')
  const address = link.email
  const digestId = link.digest_id
  return db.transaction().execute(async (trx) => {
    const sub = await trx
      .selectFrom('digest_subscriptions as s').innerJoin('topics as t', 't.id', 's.topic_id')
      .select(['s.id', 's.recipients', 't.name']).where('s.id', '=', digestId).forUpdate('s').executeTakeFirst()
    if (!sub) throw new AppError('not_found', 'This digest no longer exists: nothing more will be sent.')
    const kept = sub.recipients.filter((r) => r.toLowerCase() !== address)
    const changed = kept.length !== sub.recipients.length
    if (changed) await trx.updateTable('digest_subscriptions').set({ recipients: kept, updated_at: now }).where('id', '=', sub.id).execute()
    await sql`insert into digest_unsubscribes (subscription_id, address, unsubscribed_at) values (${sub.id}, ${address}, ${now}) on conflict do nothing`.execute(trx)
    return { address, topicName: sub.name, changed }
  })
}

/** Addresses of a subscription that left through their link (the sender skips them). */
export async function unsubscribedAddresses(db: Kysely<DB>, subscriptionId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('digest_unsubscribes').select('address').where('subscription_id', '=', subscriptionId).execute()
  return new Set(rows.map((r) => r.address))
}
